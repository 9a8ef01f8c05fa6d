"""The version of each agency's group figures, moved on by any change to the data behind them.

Team progress and group scores are computed over many people's rows. Pages cache them under a key
holding the agency's ``figures_version`` (see versions.py). The content those pages name
(modules, self-assessments and their parts) moves the version of every agency, so pages.py keys
personal pages by it too.

Apps say which of their models feed the figures with ``track``. Saving or deleting such a row moves
the version of the agencies concerned, in the same transaction as the change. Code that writes
with ``QuerySet.update`` or ``bulk_create`` outside a tracked save must call ``changed`` itself.
"""

from django.db.models import F

from allyship.accounts import versions
from allyship.accounts.models import Agency, User

CACHE = "figures"


def changed(agencies):
    """Move on the figures version of ``agencies`` (a queryset of Agency)."""
    agencies.update(figures_version=F("figures_version") + 1)


def of_person(user_id):
    return Agency.objects.filter(people__pk=user_id)


def of_team(team_id):
    return Agency.objects.filter(teams__pk=team_id)


def every_agency(row):
    """For content every agency may use: a module's or a self-assessment's title, say."""
    return Agency.objects.all()


def track(model, *, agencies, saved_when=None):
    """Move the version when a row of ``model`` is saved or deleted.

    ``agencies(row)`` gives a queryset of the agencies whose figures the row feeds;
    ``saved_when(row, update_fields)``, if given, tells which saves change the figures (an attempt
    counts once submitted, not at each autosave).
    """

    versions.watch(model, lambda row: changed(agencies(row)), saved_when=saved_when, name="figures")


def cached(agency, key, compute):
    """``compute()``, cached for ``agency`` at its current figures version under ``key``.

    ``agency`` must have been read in this request (the signed-in person's), so its version is
    the one of the data the page is about to read.
    """
    return versions.cached(CACHE, f"{agency.pk}:{agency.figures_version}:{key}", compute)


def _user_agencies(user):
    return Agency.objects.filter(pk__in={user.agency_id, getattr(user, "loaded_agency_id", None)})


def _user_changed(user, update_fields):
    """A move takes a person's history along; team progress shows their name.

    A new person has nothing behind any figure yet.
    """
    different = [
        field
        for field in ("agency_id", "display_name")
        if getattr(user, field) != getattr(user, f"loaded_{field}", getattr(user, field))
    ]
    if update_fields is not None:
        different = [field for field in different if field.removesuffix("_id") in update_fields]
    return bool(different)


def track_people():
    track(User, agencies=_user_agencies, saved_when=_user_changed)
