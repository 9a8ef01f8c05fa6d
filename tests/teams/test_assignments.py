"""Supervisors assign, edit and withdraw; members see what is theirs; everyone else gets 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from allyship.teams.models import Assignment
from tests.factories import (
    AgencyFactory,
    AssignmentFactory,
    MembershipFactory,
    ModuleFactory,
    build_instrument,
)

pytestmark = pytest.mark.django_db

OUTSIDERS = ["worker", "teammate", "other_supervisor", "stranger", "trainer", "agency_admin"]


@pytest.fixture
def module():
    return ModuleFactory(title="Power with families")


def create_url(team):
    return reverse("teams:assignment_create", args=[team.pk])


def test_a_supervisor_assigns_a_module_to_the_whole_team(
    client_for, supervisor, worker, teammate, team, module
):
    due = timezone.localdate() + timedelta(days=14)
    response = client_for(supervisor).post(
        create_url(team),
        {"subject": f"module:{module.pk}", "assignee": "", "due_on": due, "note": "Before May"},
        follow=True,
    )
    assert "Assigned “Power with families”" in response.content.decode()
    assignment = Assignment.objects.get()
    assert (assignment.team, assignment.module, assignment.assignee) == (team, module, None)
    assert (assignment.due_on, assignment.note, assignment.assigned_by) == (
        due,
        "Before May",
        supervisor,
    )
    for member in (worker, teammate):
        html = client_for(member).get(reverse("home")).content.decode()
        assert "Power with families" in html
        assert "assigned by Sam" in html
        assert "Before May" in html


def test_a_supervisor_assigns_a_self_assessment_to_one_member(
    client_for, supervisor, worker, teammate, team
):
    instrument = build_instrument(title="Allyship in my practice")
    client_for(supervisor).post(
        create_url(team), {"subject": f"instrument:{instrument.pk}", "assignee": worker.pk}
    )
    assert Assignment.objects.get().assignee == worker
    assert "Allyship in my practice" in client_for(worker).get(reverse("teams:assigned")).text
    assert "Allyship in my practice" not in client_for(teammate).get(reverse("teams:assigned")).text


def test_a_failed_form_explains_and_keeps_what_was_typed(client_for, supervisor, team):
    response = client_for(supervisor).post(
        create_url(team), {"subject": "", "note": "Let's talk about it on Tuesday"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required" in html
    assert "Let&#x27;s talk about it on Tuesday" in html
    assert not Assignment.objects.exists()


def test_a_due_date_in_the_past_is_refused(client_for, supervisor, team, module):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client_for(supervisor).post(
        create_url(team), {"subject": f"module:{module.pk}", "due_on": yesterday}
    )
    assert "Choose today or a later date." in response.content.decode()
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("kind", ["draft", "other agency"])
def test_only_published_content_open_to_the_agency_can_be_assigned(
    client_for, supervisor, team, kind
):
    if kind == "draft":
        module = ModuleFactory(status="draft")
    else:
        module = ModuleFactory(agency=AgencyFactory())
    response = client_for(supervisor).post(create_url(team), {"subject": f"module:{module.pk}"})
    assert "Choose a published module or self-assessment." in response.content.decode()
    assert not Assignment.objects.exists()


def test_only_members_of_the_team_can_be_assignees(
    client_for, supervisor, team, module, other_supervisor
):
    response = client_for(supervisor).post(
        create_url(team), {"subject": f"module:{module.pk}", "assignee": other_supervisor.pk}
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_supervisor_edits_an_assignment(client_for, supervisor, team, module):
    assignment = AssignmentFactory(team=team, module=module)
    due = timezone.localdate() + timedelta(days=3)
    url = reverse("teams:assignment_edit", args=[team.pk, assignment.pk])
    form = client_for(supervisor).get(url).content.decode()
    assert f'value="module:{module.pk}" selected' in form
    client_for(supervisor).post(url, {"subject": f"module:{module.pk}", "due_on": due})
    assignment.refresh_from_db()
    assert assignment.due_on == due


def test_an_old_due_date_can_stay_when_editing_the_note(client_for, supervisor, team, module):
    past = timezone.localdate() - timedelta(days=5)
    assignment = AssignmentFactory(team=team, module=module, due_on=past)
    url = reverse("teams:assignment_edit", args=[team.pk, assignment.pk])
    client_for(supervisor).post(
        url, {"subject": f"module:{module.pk}", "due_on": past, "note": "Still worth doing"}
    )
    assignment.refresh_from_db()
    assert (assignment.due_on, assignment.note) == (past, "Still worth doing")


def test_withdrawing_asks_first_then_removes_it_from_members_home(
    client_for, supervisor, worker, team, module
):
    assignment = AssignmentFactory(team=team, module=module)
    url = reverse("teams:assignment_withdraw", args=[team.pk, assignment.pk])
    confirm = client_for(supervisor).get(url)
    assert "Withdraw this assignment?" in confirm.content.decode()
    assert Assignment.objects.exists()
    response = client_for(supervisor).post(url, follow=True)
    assert "is withdrawn" in response.content.decode()
    assert not Assignment.objects.exists()
    assert "Power with families" not in client_for(worker).get(reverse("home")).text


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_nobody_but_the_teams_supervisors_can_assign_edit_or_withdraw(
    client_for, request, team, module, persona
):
    assignment = AssignmentFactory(team=team, module=module)
    client = client_for(request.getfixturevalue(persona))
    urls = [
        create_url(team),
        reverse("teams:assignment_edit", args=[team.pk, assignment.pk]),
        reverse("teams:assignment_withdraw", args=[team.pk, assignment.pk]),
        reverse("teams:csv", args=[team.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404
        assert client.post(url, {"subject": f"module:{module.pk}"}).status_code == 404
    assert Assignment.objects.get() == assignment


def test_an_assignment_of_another_team_is_404_even_for_a_supervisor(
    client_for, supervisor, other_supervisor, team, module
):
    theirs = AssignmentFactory(team=other_supervisor.memberships.get().team, module=module)
    url = reverse("teams:assignment_withdraw", args=[team.pk, theirs.pk])
    assert client_for(supervisor).post(url).status_code == 404
    assert Assignment.objects.filter(pk=theirs.pk).exists()


def test_the_assigned_page_says_what_to_do_when_empty(client_for, worker):
    html = client_for(worker).get(reverse("teams:assigned")).content.decode()
    assert "Nothing is assigned to you right now." in html


def test_a_member_joining_later_sees_the_teams_assignment(client_for, team, module):
    AssignmentFactory(team=team, module=module)
    newcomer = MembershipFactory(team=team).user
    assert "Power with families" in client_for(newcomer).get(reverse("home")).text
