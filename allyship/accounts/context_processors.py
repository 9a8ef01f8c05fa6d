from django.conf import settings
from django.utils.functional import SimpleLazyObject

from allyship.accounts.models import AGENCY_ADMINS_GROUP, TRAINERS_GROUP


def roles(request):
    """What the navigation may offer the signed-in person; computed only when a template asks."""
    user = request.user

    def compute():
        if not user.is_authenticated:
            return {}
        group_names = set(user.groups.values_list("name", flat=True))
        return {
            "supervisor": user.is_supervisor,
            "trainer": TRAINERS_GROUP in group_names,
            "agency_admin": AGENCY_ADMINS_GROUP in group_names,
            "staff": user.is_staff,
        }

    return {
        "roles": SimpleLazyObject(compute),
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
    }
