from django.contrib.auth.backends import ModelBackend
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Exists, OuterRef, Q

from allyship.accounts.models import Membership, User


class UserBackend(ModelBackend):
    """Django's model backend, loading with the person what every page asks about them.

    The navigation and many views ask for the person's agency, role groups and whether they
    supervise a team; fetching those with the user row saves a query or three on every page.
    """

    def get_user(self, user_id):
        user = (
            User.objects.select_related("agency")
            .annotate(
                loaded_group_names=ArrayAgg(
                    "groups__name", filter=Q(groups__isnull=False), distinct=True, default=[]
                ),
                loaded_is_supervisor=Exists(
                    Membership.objects.filter(user=OuterRef("pk"), role=Membership.Role.SUPERVISOR)
                ),
            )
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
