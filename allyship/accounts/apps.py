from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _shown_on_pages(user, update_fields):
    # Signing in writes last_login; no page shows it, nor the password.
    return update_fields is None or not set(update_fields) <= {"last_login", "password"}


class AccountsConfig(AppConfig):
    name = "allyship.accounts"
    label = "accounts"
    verbose_name = _("People and agencies")

    # Permissions each role's group holds, as "app_label.codename". Other apps add theirs with the
    # same attributes on their own AppConfig, so this app never imports the layers above it.
    group_permissions = {
        "Agency admins": [
            "accounts.view_agency",
            "accounts.add_user",
            "accounts.change_user",
            "accounts.view_user",
            "accounts.add_team",
            "accounts.change_team",
            "accounts.delete_team",
            "accounts.view_team",
            "accounts.add_membership",
            "accounts.change_membership",
            "accounts.delete_membership",
            "accounts.view_membership",
        ],
    }

    def ready(self):
        from allyship.accounts import figures, pages, personal_data
        from allyship.accounts.models import Agency, Membership, Share, ShareView, Team, User
        from allyship.accounts.roles import sync_group_permissions
        from allyship.accounts.sessions import touch_on_sign_in

        personal_data.register(
            "accounts",
            exporter=personal_data.export_accounts,
            eraser=personal_data.erase_accounts,
            removes=[_("the record of what you shared and who saw it")],
            keeps=[
                _("your account: name, email address, language and agency"),
                _("your team memberships"),
                _(
                    "participation facts your supervisor sees: what was assigned, started, "
                    "completed or overdue, and when"
                ),
            ],
        )

        figures.track(Membership, agencies=lambda membership: figures.of_team(membership.team_id))
        figures.track(Team, agencies=lambda team: Agency.objects.filter(pk=team.agency_id))
        # The team page lists what members shared.
        figures.track(Share, agencies=lambda share: figures.of_person(share.owner_id))
        figures.track_people()
        # Pages name the agency.
        figures.track(Agency, agencies=lambda agency: Agency.objects.filter(pk=agency.pk))
        # A person's own pages show their name, roles and teams, what they shared and who saw it.
        pages.track(User, people=lambda user: pages.of(user.pk), saved_when=_shown_on_pages)
        pages.track(Membership, people=lambda membership: pages.of(membership.user_id))
        pages.track(Share, people=lambda share: pages.of(share.owner_id))
        pages.track(ShareView, people=lambda view: User.objects.filter(shares=view.share_id))
        user_logged_in.connect(touch_on_sign_in, dispatch_uid="accounts_touch_on_sign_in")
        post_migrate.connect(sync_group_permissions, dispatch_uid="accounts_sync_group_permissions")
