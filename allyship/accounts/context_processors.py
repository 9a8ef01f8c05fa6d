from django.conf import settings
from django.utils.functional import SimpleLazyObject


def roles(request):
    """What the navigation may offer the signed-in person; computed only when a template asks."""
    user = request.user

    def compute():
        if not user.is_authenticated:
            return {}
        return {
            "supervisor": user.is_supervisor,
            "trainer": user.is_trainer,
            "agency_admin": user.is_agency_admin,
            "staff": user.is_staff,
        }

    return {
        "roles": SimpleLazyObject(compute),
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
    }
