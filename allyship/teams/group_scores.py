"""Group scores per dimension and quarter, for a team or a whole agency, under the K rule.

Every figure the agency's pages can show (the agency per quarter, each team per quarter) is
checked together with ``figures_to_hide``, so the same figures are withheld on the team page and on
the agency page and no two visible figures, on one page or across pages, can be subtracted to
reveal fewer than K people.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from allyship.accounts.models import Membership, User
from allyship.accounts.privacy import (
    GroupFigure,
    differencing_reason,
    figures_to_hide,
)
from assessments.aggregates import quarterly_scores
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


def group_scores(*, agency_id, instrument, scope=AGENCY, members=None, today=None) -> ScoreTable:
    """The score table of ``scope`` (a team id, or ``AGENCY``) for ``instrument``'s dimensions.

    ``members`` (team id -> member ids of every team of the agency) saves a query when the
    caller already has it.
    """
    today = today or timezone.localdate()
    if members is None:
        members = team_members(agency_id)

    scores = quarterly_scores(
        user_ids=User.objects.filter(agency_id=agency_id).values("pk"),
        slug=instrument.slug,
        since=_since(today),
        scope=None if scope == AGENCY else members.get(scope, set()),
    )
    respondents = {}
    for quarter, people in scores.respondents.items():
        respondents[(AGENCY, quarter)] = people
        for team_id, ids in members.items():
            respondents[(team_id, quarter)] = people & ids
    hidden = figures_to_hide(respondents)

    quarters = scores.quarters
    column_people = [len(respondents.get((scope, q), ())) for q in quarters]
    rows = []
    for dimension in Dimension.objects.filter(instrument=instrument).order_by("position", "pk"):
        figures = []
        for quarter in quarters:
            mean, count = scores.means.get((quarter, dimension.slug), (None, 0))
            figure = GroupFigure(mean, count)  # no mean means nobody: hidden too
            if figure.hidden:
                figures.append(Figure(None, count, figure.reason))
            elif (scope, quarter) in hidden:
                figures.append(Figure(None, count, differencing_reason()))
            else:
                figures.append(Figure(round(mean), count))
        rows.append((dimension, figures))
    return ScoreTable(instrument, quarters, column_people, rows)
