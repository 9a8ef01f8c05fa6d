import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from allyship.accounts import sharing
from allyship.accounts.models import Team
from learning.services import lesson_visit
from tests.factories import (
    AssignmentFactory,
    CommitmentFactory,
    EntryFactory,
    LessonFactory,
    MembershipFactory,
    ModuleFactory,
    TeamFactory,
    build_instrument,
    submitted_attempt,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_url(team):
    return reverse("teams:detail", args=[team.pk])


def test_the_supervisor_sees_their_team(client_for, supervisor, worker, teammate, team_url):
    response = client_for(supervisor).get(team_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Robin" in html and "Jordan" in html


@pytest.mark.parametrize(
    "persona", ["worker", "teammate", "other_supervisor", "stranger", "trainer", "agency_admin"]
)
def test_anyone_else_gets_404_on_a_team_page(client_for, request, team_url, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(team_url).status_code == 404


@pytest.mark.parametrize("persona", ["worker", "other_supervisor", "stranger", "agency_admin"])
def test_a_team_page_cached_for_its_supervisor_is_still_404_for_others(
    client_for, request, supervisor, teammate, team_url, persona
):
    assert client_for(supervisor).get(team_url).status_code == 200  # progress is cached now
    response = client_for(request.getfixturevalue(persona)).get(team_url)
    assert response.status_code == 404
    assert "Jordan" not in response.text


def test_supervising_team_a_and_belonging_to_team_b(client_for, supervisor, other_supervisor):
    team_b = Team.objects.supervised_by(other_supervisor).get()
    MembershipFactory(team=team_b, user=supervisor)
    client = client_for(supervisor)
    team_a = Team.objects.supervised_by(supervisor).get()
    assert client.get(reverse("teams:detail", args=[team_a.pk])).status_code == 200
    assert client.get(reverse("teams:detail", args=[team_b.pk])).status_code == 404


def test_home_shows_a_card_per_supervised_team(client_for, supervisor, worker, teammate, team):
    html = client_for(supervisor).get(reverse("home")).content.decode()
    assert "Teams you supervise" in html
    assert reverse("teams:detail", args=[team.pk]) in html
    assert "2 members" in html


def test_a_worker_home_has_no_team_cards(client_for, worker):
    assert "Teams you supervise" not in client_for(worker).get(reverse("home")).content.decode()


def test_agency_admins_see_every_team_of_their_agency_only(
    client_for, agency_admin, supervisor, worker, other_supervisor, stranger
):
    html = client_for(agency_admin).get(reverse("teams:agency")).content.decode()
    assert "Intake" in html and "Family services" in html
    assert "Sam" in html and "Casey" in html
    assert "Far Away CAS" not in html and "Drew" not in html


@pytest.mark.parametrize("persona", ["worker", "supervisor", "trainer", "stranger"])
def test_the_agency_page_is_404_for_everyone_but_agency_admins(client_for, request, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("teams:agency")).status_code == 404


def test_the_agency_page_makes_the_same_queries_for_many_teams(
    client_for, agency_admin, agency, count_queries
):
    client = client_for(agency_admin)
    MembershipFactory(team=TeamFactory(agency=agency))
    few = count_queries(client.get, reverse("teams:agency"))
    for _ in range(15):
        MembershipFactory.create_batch(3, team=TeamFactory(agency=agency))
    assert count_queries(client.get, reverse("teams:agency")) == few <= 15


@pytest.fixture
def module():
    module = ModuleFactory(title="Anti-Black racism")
    LessonFactory.create_batch(2, module=module)
    return module


def complete(user, module):
    for lesson in module.lessons.all():
        lesson_visit(user=user, lesson=lesson)


def test_the_matrix_shows_each_members_status_in_words(
    client_for, supervisor, worker, teammate, team, module
):
    late = AssignmentFactory(team=team, module=module, due_on=timezone.localdate() - timedelta(1))
    complete(worker, module)
    html = client_for(supervisor).get(reverse("teams:detail", args=[team.pk])).text
    assert "Anti-Black racism" in html
    assert re.search(r"✓ </span>\s*Done", html)
    assert re.search(r"! </span>\s*Overdue", html)  # Jordan: late, said in words
    assert "50% (1 of 2)" in html
    assert reverse("teams:assignment_edit", args=[team.pk, late.pk]) in html


def test_the_matrix_sorts_by_an_assignments_status(
    client_for, supervisor, worker, teammate, team, module
):
    assignment = AssignmentFactory(team=team, module=module)
    complete(teammate, module)
    url = reverse("teams:detail", args=[team.pk])
    by_name = client_for(supervisor).get(url).text
    assert by_name.index(">Jordan<") < by_name.index(">Robin<")
    done_last = client_for(supervisor).get(url, {"sort": f"a{assignment.pk}"}).text
    assert done_last.index(">Robin<") < done_last.index(">Jordan<")
    assert 'aria-sort="ascending"' in done_last


@pytest.mark.parametrize("sort", ["", "surname", "a", "a1x", "-" * 500, "a" + "9" * 40])
def test_an_unknown_sort_sorts_by_name(client_for, supervisor, worker, teammate, team, sort):
    url = reverse("teams:detail", args=[team.pk])
    html = client_for(supervisor).get(url, {"sort": sort}).text
    assert html.index(">Jordan<") < html.index(">Robin<")
    assert re.search(r'<th scope="col"\s+aria-sort="ascending">\s*<a href="\?sort=-name"', html)


def test_the_csv_holds_participation_facts_with_formulas_neutralised(
    client_for, supervisor, team, module
):
    member = MembershipFactory(team=team, user__display_name='=HYPERLINK("http://x")').user
    AssignmentFactory(team=team, module=module)
    complete(member, module)
    response = client_for(supervisor).get(reverse("teams:csv", args=[team.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Member", "Last activity", "Anti-Black racism"]
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    assert rows[1][2] == "Done"


def test_the_feed_lists_what_this_teams_members_shared(
    client_for, supervisor, worker, teammate, team, other_supervisor
):
    shared = EntryFactory(user=worker, title="Asked the family first")
    sharing.share_item(item=shared)
    revoked = CommitmentFactory(user=teammate)
    sharing.share_item(item=revoked)
    sharing.unshare_item(item=revoked)
    EntryFactory(user=teammate, title="Private thoughts")
    html = client_for(supervisor).get(reverse("teams:detail", args=[team.pk])).text
    assert "Log entry from Robin" in html
    assert reverse("accountability:shared_entry", args=[shared.pk]) in html
    assert "Commitment from Jordan" not in html
    assert "Private thoughts" not in html


def _busy_team(agency, members, assignments, instrument):
    team = TeamFactory(agency=agency)
    supervisor = MembershipFactory(team=team, role="supervisor").user
    people = [MembershipFactory(team=team).user for _ in range(members)]
    for n in range(assignments):
        if n % 2:
            AssignmentFactory(team=team, module=None, instrument=instrument)
        else:
            module = ModuleFactory()
            LessonFactory(module=module)
            AssignmentFactory(team=team, module=module, assignee=people[n % members])
            lesson_visit(user=people[0], lesson=module.lessons.first())
    for person in people[:6]:
        submitted_attempt(person, instrument)
        sharing.share_item(item=EntryFactory(user=person))
    return team, supervisor


def test_the_team_page_makes_the_same_queries_for_50_members_and_10_assignments(
    client_for, agency, count_queries
):
    instrument = build_instrument()
    small, small_supervisor = _busy_team(agency, 3, 1, instrument)
    large, large_supervisor = _busy_team(agency, 50, 10, instrument)
    few = count_queries(client_for(small_supervisor).get, reverse("teams:detail", args=[small.pk]))
    many = count_queries(client_for(large_supervisor).get, reverse("teams:detail", args=[large.pk]))
    assert many == few <= 15


def test_the_agency_page_makes_the_same_queries_with_assignments_and_scores(
    client_for, agency, agency_admin, count_queries
):
    instrument = build_instrument()
    _busy_team(agency, 3, 1, instrument)
    few = count_queries(client_for(agency_admin).get, reverse("teams:agency"))
    _busy_team(agency, 50, 10, instrument)
    assert count_queries(client_for(agency_admin).get, reverse("teams:agency")) == few <= 15
