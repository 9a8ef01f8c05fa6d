"""Figures over many people's attempts, computed in SQL, for the pages of teams and agencies.

Nothing here decides what may be shown: the caller applies the K rule
(``allyship.accounts.privacy``) to the respondent sets returned with every mean.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Avg, Count, F, Max, Min, Q, Window
from django.db.models.functions import RowNumber, TruncQuarter

from allyship.accounts.models import Membership
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


def latest_attempt_per_quarter(user_ids, slug, since):
    """Each person's last submitted attempt of instrument ``slug`` in each calendar quarter."""
    quarter = TruncQuarter("submitted_at")
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
    """Mean score per dimension and quarter, for a whole group and for each of its teams.

    ``respondents`` maps a quarter to the people behind that quarter's figures; ``means`` maps
    ``(team id or None for the whole group, quarter, dimension slug)`` to ``(mean, respondents)``.
    """

    respondents: dict[datetime, set[int]] = field(default_factory=dict)
    means: dict[tuple[int | None, datetime, str], tuple[float, int]] = field(default_factory=dict)

    @property
    def quarters(self):
        return sorted(self.respondents)


def quarterly_scores(*, user_ids, slug, since, team_ids=()) -> QuarterlyScores:
    """Group means in three queries, whatever the number of people, teams or attempts.

    Dimensions are matched across versions of the instrument by their slug, which a new version
    keeps, so a trend survives the instrument being revised.
    """
    latest = latest_attempt_per_quarter(user_ids, slug, since)
    result = QuarterlyScores()
    for user_id, quarter in latest.values_list("user_id", "quarter"):
        result.respondents.setdefault(quarter, set()).add(user_id)
    if not result.respondents:
        return result

    scores = DimensionScore.objects.filter(attempt__in=latest.values("pk")).annotate(
        quarter=TruncQuarter("attempt__submitted_at"), dimension_slug=F("dimension__slug")
    )
    figures = Avg("score"), Count("attempt__user_id", distinct=True)
    for row in (
        scores.values("quarter", "dimension_slug")
        .annotate(*figures)
        .values_list("quarter", "dimension_slug", "score__avg", "attempt__user_id__count")
    ):
        quarter, dimension, mean, count = row
        result.means[(None, quarter, dimension)] = (mean, count)
    if team_ids:
        by_team = (
            scores.filter(
                attempt__user__memberships__team_id__in=team_ids,
                attempt__user__memberships__role=Membership.Role.MEMBER,
            )
            .annotate(team_id=F("attempt__user__memberships__team_id"))
            .values("team_id", "quarter", "dimension_slug")
            .annotate(*figures)
            .values_list(
                "team_id", "quarter", "dimension_slug", "score__avg", "attempt__user_id__count"
            )
        )
        for team_id, quarter, dimension, mean, count in by_team:
            result.means[(team_id, quarter, dimension)] = (mean, count)
    return result
