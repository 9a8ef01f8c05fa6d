"""Figures over many people's attempts, computed in SQL, for the pages of teams and agencies.

Nothing here decides what may be shown: the caller applies the K rule
(``allyship.accounts.privacy``) to the respondent sets returned with every mean.
"""

from dataclasses import dataclass, field
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


@dataclass
class QuarterlyScores:
    """Mean score per dimension and quarter over a scope of people, and who stands behind them.

    ``respondents`` maps a quarter to everyone (in the wider group) behind that quarter's figures,
    so the caller can check any subgroup against the K rule; ``means`` maps ``(quarter, dimension
    slug)`` to ``(mean, respondents)`` for the scope asked for.
    """

    respondents: dict[int, set[int]] = field(default_factory=dict)
    means: dict[tuple[int, str], tuple[float, int]] = field(default_factory=dict)

    @property
    def quarters(self):
        return sorted(self.respondents)


def quarterly_scores(*, user_ids, slug, since, scope=None) -> QuarterlyScores:
    """Group means in two queries, whatever the number of people or attempts.

    ``user_ids`` is the wider group (an agency); ``scope``, a set of ids within it (a team), or
    None for the whole group. Dimensions are matched across versions of the instrument by their
    slug, which a new version keeps, so a trend survives the instrument being revised.
    """
    result = QuarterlyScores()
    latest = latest_attempt_per_quarter(user_ids, slug, since)
    attempt_ids = []
    for pk, user_id, quarter in latest.values_list("pk", "user_id", "quarter"):
        result.respondents.setdefault(quarter, set()).add(user_id)
        if scope is not None and user_id in scope:
            attempt_ids.append(pk)
    # A team's few attempts go as a list; the whole group's as a subquery, cheaper than
    # thousands of parameters.
    chosen = Q(attempt__in=latest.values("pk")) if scope is None else Q(attempt_id__in=attempt_ids)
    # One latest attempt per person and quarter: counting scores counts people.
    rows = (
        DimensionScore.objects.filter(chosen)
        .annotate(
            quarter=quarter_number("attempt__submitted_at"), dimension_slug=F("dimension__slug")
        )
        .values("quarter", "dimension_slug")
        .annotate(mean=Avg("score"), count=Count("pk"))
        .values_list("quarter", "dimension_slug", "mean", "count")
        .order_by()
    )
    for quarter, dimension, mean, count in rows:
        result.means[(quarter, dimension)] = (mean, count)
    return result
