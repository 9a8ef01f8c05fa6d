import pytest
from django.urls import reverse

from allyship.accounts.models import Team
from tests.factories import MembershipFactory, TeamFactory

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
    assert count_queries(client.get, reverse("teams:agency")) == few <= 12
