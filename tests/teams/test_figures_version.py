"""Cached figures never outlive a change to the data behind them (accounts/figures.py).

Each test loads a page, so its figures are cached, changes the data the way the product does, and
loads the page again: what a supervisor or an agency admin sees must already be the new figure.
"""

import re

import pytest
from django.urls import reverse

from allyship.accounts import sharing
from allyship.accounts.models import Agency, Membership
from assessments.models import Item
from assessments.services import attempt_save_answers, attempt_submit
from learning.services import lesson_visit
from tests.factories import (
    AgencyFactory,
    AssignmentFactory,
    AttemptFactory,
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
def instrument():
    return build_instrument(dimensions=1, title="Allyship in my practice")


def shown_figures(html):
    """The numbers in the group-scores table, headcounts first."""
    table = html[html.index('class="table table-sm align-middle group-scores"') :]
    return [int(n) for n in re.findall(r'<td class="text-end">\s*(\d+)\s*</td>', table)]


def agency_row(html, team_name):
    row = re.search(rf"<th scope=\"row\">{team_name}</th>(.*?)</tr>", html, re.S).group(1)
    return [
        re.sub(r"\s+", " ", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def progress_words(html, name):
    row = re.search(rf'<th scope="row">{name}</th>(.*?)</tr>', html, re.S).group(1)
    return re.findall(
        r'class="badge status-badge status-\w+">(?:<span[^>]*>[^<]*</span>)?([^<]+)<', row
    )


def version(agency):
    return Agency.objects.get(pk=agency.pk).figures_version


def team_page(client, team):
    return client.get(reverse("teams:detail", args=[team.pk])).text


def test_a_submission_shows_on_the_agency_page_at_once(client_for, agency_admin, team, instrument):
    people = [MembershipFactory(team=team).user for _ in range(5)]
    for person in people[:4]:
        submitted_attempt(person, instrument, score=64)
    client = client_for(agency_admin)
    page = client.get(reverse("teams:agency")).text
    assert "Fewer than 5 responses" in page

    attempt = AttemptFactory(user=people[4], instrument=instrument)
    values = {i.pk: 4 for i in Item.objects.filter(dimension__instrument=instrument, kind="scale")}
    attempt_save_answers(attempt=attempt, values=values, texts={})
    attempt_submit(attempt=attempt)

    page = client.get(reverse("teams:agency")).text
    assert "Fewer than 5 responses" not in page
    # Four people at 64 and one whose answers score 50 (one item reverse-scored).
    assert shown_figures(page) == [5, 61]


def test_erasing_ones_data_takes_ones_scores_out_of_the_figures_at_once(
    client_for, supervisor, team, instrument
):
    people = [MembershipFactory(team=team).user for _ in range(6)]
    for person in people[:5]:
        submitted_attempt(person, instrument, score=60)
    submitted_attempt(people[5], instrument, score=90)
    client = client_for(supervisor)
    assert 65 in shown_figures(team_page(client, team))

    client_for(people[5]).post(reverse("accounts:my_data_delete"), {"confirmation": "delete"})

    figures = shown_figures(team_page(client, team))
    assert 60 in figures
    assert 65 not in figures


def test_a_member_leaving_the_team_shows_at_once(client_for, supervisor, team, instrument):
    people = [MembershipFactory(team=team).user for _ in range(5)]
    for person in people:
        submitted_attempt(person, instrument, score=70)
    client = client_for(supervisor)
    assert 70 in shown_figures(team_page(client, team))

    Membership.objects.get(team=team, user=people[0]).delete()

    page = team_page(client, team)
    assert 70 not in shown_figures(page)
    assert "Fewer than 5 responses" in page


def test_assignments_and_completions_show_on_the_agency_page_at_once(
    client_for, agency_admin, supervisor, worker, team
):
    module = ModuleFactory()
    lesson = LessonFactory(module=module)
    client = client_for(agency_admin)
    assert agency_row(client.get(reverse("teams:agency")).text, "Intake")[2:4] == ["0", "—"]

    AssignmentFactory(team=team, module=module, assigned_by=supervisor, assignee=worker)
    assert agency_row(client.get(reverse("teams:agency")).text, "Intake")[2:4] == ["1", "0%"]

    lesson_visit(user=worker, lesson=lesson)  # the module's only lesson: completed
    assert agency_row(client.get(reverse("teams:agency")).text, "Intake")[2:4] == ["1", "100%"]


def test_starting_a_module_or_an_assessment_shows_on_the_team_page_at_once(
    client_for, supervisor, worker, team, instrument
):
    module = ModuleFactory(title="Anti-Black racism")
    first, _second = LessonFactory(module=module), LessonFactory(module=module)
    AssignmentFactory(team=team, module=module, assigned_by=supervisor)
    AssignmentFactory(team=team, module=None, instrument=instrument, assigned_by=supervisor)
    client = client_for(supervisor)
    assert progress_words(team_page(client, team), "Robin") == ["Not started", "Not started"]

    lesson_visit(user=worker, lesson=first)
    AttemptFactory(user=worker, instrument=instrument)

    assert progress_words(team_page(client, team), "Robin") == ["In progress", "In progress"]


def test_autosaving_leaves_the_figures_alone_and_submitting_moves_them(agency, worker, instrument):
    attempt = AttemptFactory(user=worker, instrument=instrument)
    before = version(agency)
    values = {i.pk: 3 for i in Item.objects.filter(dimension__instrument=instrument, kind="scale")}
    attempt_save_answers(attempt=attempt, values=values, texts={}, page=2)  # as autosave does
    assert version(agency) == before

    attempt_submit(attempt=attempt)
    assert version(agency) > before


def test_moving_a_person_to_another_agency_moves_both(agency, worker):
    elsewhere = AgencyFactory()
    before, before_elsewhere = version(agency), version(elsewhere)
    person = type(worker).objects.get(pk=worker.pk)
    person.agency = elsewhere
    person.save()
    assert version(agency) > before
    assert version(elsewhere) > before_elsewhere


def test_a_persons_preferences_leave_the_figures_alone(agency, worker):
    before = version(agency)
    person = type(worker).objects.get(pk=worker.pk)
    person.wants_reminders = False
    person.save()
    person.set_password("a new long passphrase")
    person.save(update_fields=["password"])
    assert version(agency) == before


def test_a_new_name_or_title_shows_on_the_team_page_at_once(client_for, supervisor, worker, team):
    module = ModuleFactory(title="Anti-Black racism")
    AssignmentFactory(team=team, module=module, assigned_by=supervisor)
    client = client_for(supervisor)
    page = team_page(client, team)
    assert "Robin" in page and "Anti-Black racism" in page

    person = type(worker).objects.get(pk=worker.pk)
    person.display_name = "Robin Bélanger"
    person.save()
    module.title = "Anti-Black racism in child welfare"
    module.save()

    page = team_page(client, team)
    assert "Robin Bélanger" in page
    assert "Anti-Black racism in child welfare" in page


def test_other_agencies_figures_are_not_touched(agency, worker, instrument):
    elsewhere = TeamFactory().agency
    before = version(elsewhere)
    submitted_attempt(worker, instrument)
    assert version(elsewhere) == before


def test_a_renamed_team_or_dimension_shows_on_the_agency_page_at_once(
    client_for, agency_admin, team, instrument
):
    for person in [MembershipFactory(team=team).user for _ in range(5)]:
        submitted_attempt(person, instrument, score=70)
    client = client_for(agency_admin)
    page = client.get(reverse("teams:agency")).text
    assert agency_row(page, "Intake") and "Part 1" in page

    team.name = "Intake and assessment"
    team.save()
    dimension = instrument.dimensions.get()
    dimension.name = "Listening"
    dimension.save()

    page = client.get(reverse("teams:agency")).text
    assert agency_row(page, "Intake and assessment")
    assert "Listening" in page and "Part 1" not in page


def test_sharing_and_unsharing_show_in_the_team_feed_at_once(client_for, supervisor, worker, team):
    entry = EntryFactory(user=worker, title="Asked the family first")
    client = client_for(supervisor)
    assert "Log entry from Robin" not in team_page(client, team)

    sharing.share_item(item=entry)
    assert "Log entry from Robin" in team_page(client, team)

    sharing.unshare_item(item=entry)
    assert "Log entry from Robin" not in team_page(client, team)

    sharing.share_item(item=entry)
    assert "Log entry from Robin" in team_page(client, team)
    client_for(worker).post(reverse("accountability:entry_delete", args=[entry.pk]))
    assert "Log entry from Robin" not in team_page(client, team)
