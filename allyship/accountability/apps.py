from django.apps import AppConfig
from django.db.models.signals import post_migrate
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
        from allyship.accountability.models import Commitment, Entry, seed_equity_groups
        from allyship.accounts import personal_data, sharing

        post_migrate.connect(seed_equity_groups, sender=self, dispatch_uid="seed_equity_groups")
        sharing.register(
            Entry,
            owner_field="user",
            viewer_url_name="accountability:shared_entry",
            noun=_("log entry"),
        )
        sharing.register(
            Commitment,
            owner_field="user",
            viewer_url_name="accountability:shared_commitment",
            noun=_("commitment"),
        )
        personal_data.register(
            "accountability",
            exporter=own_data.export,
            eraser=own_data.erase,
            removes=[_("log entries"), _("commitments and their follow-ups"), _("your comments")],
        )
