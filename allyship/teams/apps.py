from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "allyship.teams"
    label = "teams"
    verbose_name = _("Team progress")

    def ready(self):
        from allyship.accounts import figures, personal_data
        from allyship.teams.models import Assignment
        from allyship.teams.personal_data import export

        figures.track(Assignment, agencies=lambda assignment: figures.of_team(assignment.team_id))

        personal_data.register(
            "teams",
            exporter=export,
            keeps=[_("what was assigned to you, and whether and when you did it")],
        )
