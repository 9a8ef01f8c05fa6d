from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _comment_owners(comment):
    from allyship.accounts.models import User

    if comment.entry_id is not None:
        return User.objects.filter(log_entries=comment.entry_id)
    return User.objects.filter(commitments=comment.commitment_id)


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
        from allyship.accountability.models import (
            Comment,
            Commitment,
            Entry,
            EquityGroup,
            FollowUp,
            seed_equity_groups,
        )
        from allyship.accounts import figures, pages, personal_data, sharing
        from allyship.accounts.models import User

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
        for model in (Entry, Commitment):
            pages.track(model, people=lambda item: pages.of(item.user_id))
        pages.track(
            FollowUp,
            people=lambda follow_up: User.objects.filter(commitments=follow_up.commitment_id),
        )
        # New comments are counted on the pages of the person whose item they are on.
        pages.track(Comment, people=_comment_owners)
        # The log's filters and entries name the groups, in every agency.
        figures.track(EquityGroup, agencies=figures.every_agency)
        personal_data.register(
            "accountability",
            exporter=own_data.export,
            eraser=own_data.erase,
            removes=[_("log entries"), _("commitments and their follow-ups"), _("your comments")],
        )
