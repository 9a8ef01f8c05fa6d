from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    name = "allyship.accountability"
    label = "accountability"
    verbose_name = _("Accountability log")

    # Trainers and agency admins keep the list of equity-seeking groups; nobody edits log text
    # in the admin (the entries are not registered there at all).
    group_permissions = {
        group: [
            "accountability.add_equitygroup",
            "accountability.change_equitygroup",
            "accountability.delete_equitygroup",
            "accountability.view_equitygroup",
        ]
        for group in ("Trainers", "Agency admins")
    }

    def ready(self):
        from allyship.accountability import personal_data as own_data
        from allyship.accountability.models import Commitment, Entry
        from allyship.accounts import personal_data, sharing

        sharing.register(Entry, owner_field="user")
        sharing.register(Commitment, owner_field="user")
        personal_data.register(
            "accountability",
            exporter=own_data.export,
            eraser=own_data.erase,
            removes=[_("log entries"), _("commitments and their follow-ups"), _("your comments")],
        )
