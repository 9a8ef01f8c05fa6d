"""Group scores per dimension and quarter, for a team or a whole agency, under the K rule.

Every figure the agency's pages can show (the agency per quarter, each team per quarter) is
checked together with ``figures_to_hide``, so the same figures are withheld on the team page and on
the agency page and no two visible figures, on one page or across pages, can be subtracted to
reveal fewer than K people.

Both the check and the means are cached at the agency's figures version (``accounts.figures``):
every page of one version reads the same check, and the next change to the data starts afresh.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from allyship.accounts import figures
from allyship.accounts.models import Membership, User
from allyship.accounts.privacy import (
    GroupFigure,
    differencing_reason,
    figures_to_hide,
    min_group_size,
)
from assessments.aggregates import quarterly_means, respondents_per_quarter
from assessments.models import Dimension

QUARTERS_SHOWN = 8
AGENCY = "agency"


@dataclass(frozen=True)
class Figure:
    value: int | None
    respondents: int
    reason: str = ""

    @property
    def hidden(self):
        return self.value is None


@dataclass
class ScoreTable:
    """Rows of dimensions, columns of quarters; ``respondents`` gives each column's headcount."""

    instrument: object
    quarters: list
    respondents: list
    rows: list

    @property
    def quarter_labels(self):
        return [
            _("Q%(quarter)d %(year)d") % {"quarter": number % 4 + 1, "year": number // 4}
            for number in self.quarters
        ]

    @property
    def any_shown(self):
        return any(not figure.hidden for _, figures in self.rows for figure in figures)


def quarter_start(today, quarters_back=0) -> date:
    """The first day of the calendar quarter ``quarters_back`` quarters before today's."""
    number = today.year * 4 + (today.month - 1) // 3 - quarters_back
    return date(number // 4, number % 4 * 3 + 1, 1)


def _since(today):
    """The start of the earliest quarter shown, ``QUARTERS_SHOWN`` quarters back from today's."""
    start = quarter_start(today, QUARTERS_SHOWN - 1)
    return timezone.make_aware(datetime.combine(start, time.min))


def team_members(agency_id) -> dict[int, set[int]]:
    """Team id -> ids of its members, for every team of the agency."""
    members = defaultdict(set)
    for team_id, user_id in Membership.objects.filter(
        team__agency_id=agency_id, role=Membership.Role.MEMBER
    ).values_list("team_id", "user_id"):
        members[team_id].add(user_id)
    return members


@dataclass(frozen=True)
class Headcounts:
    """Who stands behind each figure the agency's pages can show, and which of them to hide."""

    quarters: list
    respondents: dict  # (scope, quarter) -> number of people
    hidden: frozenset  # (scope, quarter) withheld so that no difference reveals < K people


def _headcounts(agency_id, slug, since, members) -> Headcounts:
    people = respondents_per_quarter(User.objects.filter(agency_id=agency_id), slug, since)
    respondents = {}
    for quarter, ids in people.items():
        respondents[(AGENCY, quarter)] = ids
        for team_id, team_ids in members.items():
            respondents[(team_id, quarter)] = ids & team_ids
    return Headcounts(
        quarters=sorted(people),
        respondents={key: len(ids) for key, ids in respondents.items()},
        hidden=frozenset(figures_to_hide(respondents)),
    )


def _means(agency_id, slug, since, scope):
    people = User.objects.filter(agency_id=agency_id)
    if scope != AGENCY:
        people = people.filter(memberships__team_id=scope, memberships__role=Membership.Role.MEMBER)
    return quarterly_means(people, slug, since)


def group_scores(*, agency, instrument, scope=AGENCY, members=None, today=None) -> ScoreTable:
    """The score table of ``scope`` (a team id, or ``AGENCY``) for ``instrument``'s dimensions.

    ``agency`` is the signed-in person's, read in this request; ``members`` (team id -> member
    ids of every team of the agency) saves a query when the caller already has it.
    """
    today = today or timezone.localdate()
    since = _since(today)
    key = f"scores:{instrument.slug}:{since.date().isoformat()}:{min_group_size()}"
    counts = figures.cached(
        agency,
        key,
        lambda: _headcounts(
            agency.pk,
            instrument.slug,
            since,
            team_members(agency.pk) if members is None else members,
        ),
    )
    means = figures.cached(
        agency, f"{key}:{scope}", lambda: _means(agency.pk, instrument.slug, since, scope)
    )
    rows = []
    for dimension in Dimension.objects.filter(instrument=instrument).order_by("position", "pk"):
        row = []
        for quarter in counts.quarters:
            mean, count = means.get((quarter, dimension.slug), (None, 0))
            figure = GroupFigure(mean, count)  # no mean means nobody: hidden too
            if figure.hidden:
                row.append(Figure(None, count, figure.reason))
            elif (scope, quarter) in counts.hidden:
                row.append(Figure(None, count, differencing_reason()))
            else:
                row.append(Figure(round(mean), count))
        rows.append((dimension, row))
    column_people = [counts.respondents.get((scope, q), 0) for q in counts.quarters]
    return ScoreTable(instrument, counts.quarters, column_people, rows)
