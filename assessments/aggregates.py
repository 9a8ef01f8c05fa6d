"""Figures over many people's attempts, computed in SQL, for the pages of teams and agencies.

Nothing here decides what may be shown: the caller applies the K rule
(``allyship.accounts.privacy``) to the respondent sets returned with every mean.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Avg, Count, F, Max, Min, Q, Window
from django.db.models.functions import ExtractQuarter, ExtractYear, RowNumber

from assessments.models import Attempt, DimensionScore


@dataclass(frozen=True)
class AttemptActivity:
    """Participation facts of one person on one instrument (any version)."""

    last_submitted_at: datetime | None
    open_started_at: datetime | None
    last_saved_at: datetime | None


def attempt_activity(user_ids) -> dict[tuple[int, str], AttemptActivity]:
    """``(person, instrument slug) -> AttemptActivity`` for personal instruments, in one query."""
    rows = (
        Attempt.objects.personal()
        .filter(user_id__in=user_ids)
        .values("user_id", "instrument__slug")
        .annotate(
            last_submitted=Max("submitted_at"),
            open_started=Min("started_at", filter=Q(submitted_at__isnull=True)),
            last_saved=Max("updated_at"),
        )
        .values_list("user_id", "instrument__slug", "last_submitted", "open_started", "last_saved")
    )
    return {
        (user_id, slug): AttemptActivity(submitted, started, saved)
        for user_id, slug, submitted, started, saved in rows
    }


def quarter_number(field):
    """A calendar quarter as one integer (year × 4 + quarter − 1): cheap to group and to read."""
    return ExtractYear(field) * 4 + ExtractQuarter(field) - 1


def latest_attempt_per_quarter(user_ids, slug, since):
    """Each person's last submitted attempt of instrument ``slug`` in each calendar quarter."""
    quarter = quarter_number("submitted_at")
    return (
        Attempt.objects.submitted()
        .personal()
        .filter(user_id__in=user_ids, instrument__slug=slug, submitted_at__gte=since)
        .annotate(
            quarter=quarter,
            rank=Window(
                RowNumber(), partition_by=[F("user_id"), quarter], order_by=F("submitted_at").desc()
            ),
        )
        .filter(rank=1)
    )


def respondents_per_quarter(user_ids, slug, since) -> dict[int, set[int]]:
    """Quarter -> the people among ``user_ids`` who submitted instrument ``slug`` in it."""
    respondents = {}
    for user_id, quarter in latest_attempt_per_quarter(user_ids, slug, since).values_list(
        "user_id", "quarter"
    ):
        respondents.setdefault(quarter, set()).add(user_id)
    return respondents


def quarterly_means(user_ids, slug, since) -> dict[tuple[int, str], tuple[float, int]]:
    """``(quarter, dimension slug) -> (mean, respondents)`` over ``user_ids``, in one query.

    Each person's last attempt in a quarter counts, once: counting scores counts people.
    Dimensions are matched across versions of the instrument by their slug, which a new version
    keeps, so a trend survives the instrument being revised.
    """
    latest = latest_attempt_per_quarter(user_ids, slug, since)
    rows = (
        DimensionScore.objects.filter(attempt__in=latest.values("pk"))
        .annotate(
            quarter=quarter_number("attempt__submitted_at"), dimension_slug=F("dimension__slug")
        )
        .values("quarter", "dimension_slug")
        .annotate(mean=Avg("score"), count=Count("pk"))
        .values_list("quarter", "dimension_slug", "mean", "count")
        .order_by()
    )
    return {(quarter, dimension): (mean, count) for quarter, dimension, mean, count in rows}
