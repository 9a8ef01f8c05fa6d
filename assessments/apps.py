from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Self-assessments")

    # Trainers author instruments; agency admins may read them. Attempts and answers are in no
    # group's list: nobody reads them in the admin.
    group_permissions = {
        "Trainers": [
            f"assessments.{action}_{model}"
            for model in ("instrument", "dimension", "item", "stage")
            for action in ("add", "change", "delete", "view")
        ],
        "Agency admins": [
            f"assessments.view_{model}" for model in ("instrument", "dimension", "item", "stage")
        ],
    }

    def ready(self):
        from allyship.accounts import figures, pages, personal_data, sharing
        from allyship.accounts.models import Agency, User
        from assessments import personal_data as own_data
        from assessments.models import (
            Answer,
            Attempt,
            Dimension,
            DimensionScore,
            Instrument,
            Item,
            Stage,
        )

        sharing.register(
            Attempt,
            owner_field="user",
            viewer_url_name="assessments:shared",
            noun=_("self-assessment results"),
            related=["instrument"],
        )
        # Group scores count submitted attempts and their scores; team progress, when an
        # attempt was started and submitted. Not the answers saved in between, often.
        figures.track(
            Attempt,
            agencies=lambda attempt: figures.of_person(attempt.user_id),
            saved_when=lambda attempt, fields: fields is None or "submitted_at" in fields,
        )
        figures.track(
            DimensionScore,
            agencies=lambda score: Agency.objects.filter(people__attempts=score.attempt_id),
        )
        # Team progress and group scores show self-assessments and their dimensions by name, in
        # every agency; personal pages show all of their content.
        for model in (Instrument, Dimension, Item, Stage):
            figures.track(model, agencies=figures.every_agency)
        # Home says where an attempt was left; results show its scores.
        pages.track(Attempt, people=lambda attempt: pages.of(attempt.user_id))
        pages.track(Answer, people=lambda answer: User.objects.filter(attempts=answer.attempt_id))
        pages.track(
            DimensionScore, people=lambda score: User.objects.filter(attempts=score.attempt_id)
        )
        personal_data.register(
            "assessments",
            exporter=own_data.export,
            eraser=own_data.erase,
            removes=[_("self-assessment answers, reflections and scores")],
        )
