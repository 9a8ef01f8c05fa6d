"""Group scores under the K rule (MIN_GROUP_SIZE = 5), and the subtraction attack."""

import re
from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from allyship.teams.group_scores import AGENCY, group_scores
from tests.factories import MembershipFactory, TeamFactory, build_instrument, submitted_attempt

pytestmark = pytest.mark.django_db

HIDDEN = "Fewer than 5 responses — hidden to protect privacy."


def quarter_start(quarters_back=0):
    today = timezone.localdate()
    index = today.year * 4 + (today.month - 1) // 3 - quarters_back
    return date(index // 4, index % 4 * 3 + 1, 1)


def moment(quarters_back=0, days=5):
    day = quarter_start(quarters_back) + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(12)))


@pytest.fixture
def instrument():
    return build_instrument(dimensions=2, title="Allyship in my practice")


def members(team, n):
    return [MembershipFactory(team=team).user for _ in range(n)]


def take(people, instrument, *, score=60, quarters_back=0):
    for person in people:
        submitted_attempt(person, instrument, score=score, at=moment(quarters_back))


def team_figures(team, instrument):
    table = group_scores(agency=team.agency, instrument=instrument, scope=team.pk)
    return [[figure.value for figure in figures] for _, figures in table.rows]


@pytest.mark.parametrize(("respondents", "shown"), [(4, False), (5, True), (6, True)])
def test_a_team_figure_needs_five_respondents(team, instrument, respondents, shown):
    people = members(team, 6)
    take(people[:respondents], instrument, score=70)
    assert team_figures(team, instrument) == ([[70], [70]] if shown else [[None], [None]])


def test_the_mean_is_of_each_persons_latest_attempt_in_the_quarter(team, instrument):
    people = members(team, 5)
    for person in people:
        submitted_attempt(person, instrument, score=20, at=moment(days=1))
        submitted_attempt(person, instrument, score=80, at=moment(days=3))
    assert team_figures(team, instrument) == [[80], [80]]


def test_a_team_page_says_why_a_figure_is_hidden(client_for, supervisor, team, instrument):
    take(members(team, 4), instrument)
    html = client_for(supervisor).get(reverse("teams:detail", args=[team.pk])).text
    assert HIDDEN in html
    assert "Part 1" in html


def test_a_team_page_shows_figures_of_five(client_for, supervisor, team, instrument):
    take(members(team, 5), instrument, score=64)
    html = client_for(supervisor).get(reverse("teams:detail", args=[team.pk])).text
    assert HIDDEN not in html
    assert re.search(r'<td class="text-end">\s*64\s*</td>', html)


def test_agency_minus_team_can_not_isolate_fewer_than_k(team, agency, instrument):
    """Team of 5 and agency of 6: agency − team would be one person's answers."""
    take(members(team, 5), instrument, score=60)
    outsider = MembershipFactory(team=TeamFactory(agency=agency)).user
    take([outsider], instrument, score=10)

    team_table = group_scores(agency=agency, instrument=instrument, scope=team.pk)
    agency_table = group_scores(agency=agency, instrument=instrument, scope=AGENCY)
    assert [f.value for _, figures in team_table.rows for f in figures] == [60, 60]
    agency_figures = [f for _, figures in agency_table.rows for f in figures]
    assert [f.value for f in agency_figures] == [None, None]
    assert "would reveal the answers of fewer than 5 people" in agency_figures[0].reason


def test_agency_and_team_both_show_when_they_differ_by_k_or_more(team, agency, instrument):
    take(members(team, 5), instrument, score=60)
    take(members(TeamFactory(agency=agency), 5), instrument, score=40)
    agency_table = group_scores(agency=agency, instrument=instrument, scope=AGENCY)
    assert [f.value for _, figures in agency_table.rows for f in figures] == [50, 50]
    assert team_figures(team, instrument) == [[60], [60]]


def test_one_more_member_next_quarter_does_not_reveal_the_newcomer(team, instrument):
    """Last quarter five people, this quarter the same five and one more: the later is hidden."""
    people = members(team, 6)
    take(people[:5], instrument, score=50, quarters_back=1)
    take(people, instrument, score=50)
    table = group_scores(agency=team.agency, instrument=instrument, scope=team.pk)
    assert table.respondents == [5, 6]
    assert [[f.value for f in figures] for _, figures in table.rows] == [[50, None], [50, None]]


def test_quarters_with_k_new_people_both_show(team, instrument):
    people = members(team, 10)
    take(people[:5], instrument, score=40, quarters_back=1)
    take(people[5:], instrument, score=70)
    assert team_figures(team, instrument) == [[40, 70], [40, 70]]


def test_other_agencies_attempts_never_count(team, stranger, instrument):
    take(members(team, 4), instrument)
    take(members(stranger.memberships.get().team, 5), instrument)
    assert team_figures(team, instrument) == [[None], [None]]


def test_the_agency_page_shows_agency_scores_to_its_admins(
    client_for, agency_admin, team, instrument
):
    take(members(team, 5), instrument, score=55)
    html = client_for(agency_admin).get(reverse("teams:agency")).text
    assert "Allyship in my practice" in html
    assert re.search(r'<td class="text-end">\s*55\s*</td>', html)
