"""Kept personal pages never outlive a change to what they show (accounts/pages.py).

Each test loads a page, so it is kept, changes the data the way the product does (often as
another person), and loads it again: what the person sees must already be the new page.
"""

import datetime
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import checks
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from allyship.accounts import pages, sharing, versions
from allyship.accounts.models import Agency, Membership, User
from assessments.models import Item
from assessments.services import attempt_save_answers
from learning.models import ReflectionPrompt
from tests.accountability.test_entries import entry_data
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    CommentFactory,
    CommitmentFactory,
    EntryFactory,
    FollowUpFactory,
    LessonFactory,
    ModuleFactory,
    build_instrument,
    submitted_attempt,
)

pytestmark = pytest.mark.django_db

# Models whose rows no kept page shows, and why. Every other model of the project's apps must
# move a version (pages.track or figures.track); a new model fails the first test until it is
# added to one or the other.
SHOWN_ON_NO_KEPT_PAGE = {
    "accounts.PasswordResetRequest": "counts reset emails; never shown",
    "accounts.SharingEvent": "the sharing history page, which is not kept",
    "accountability.Reminder": "which reminder emails were sent; never shown",
    "teams.AssignmentReminder": "which reminder emails were sent; never shown",
}
PROJECT_APPS = ("accounts", "accountability", "assessments", "learning", "teams")


def pages_version(person):
    return User.objects.get(pk=person.pk).pages_version


def test_every_model_moves_a_version_or_is_shown_on_no_kept_page():
    unaccounted = [
        model._meta.label
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
        if model not in versions.WATCHED and model._meta.label not in SHOWN_ON_NO_KEPT_PAGE
    ]
    assert unaccounted == []


@pytest.mark.parametrize(
    "write",
    [
        lambda worker: EntryFactory(user=worker),
        lambda worker: CommitmentFactory(user=worker),
        lambda worker: FollowUpFactory(commitment=CommitmentFactory(user=worker)),
        lambda worker: sharing.share_item(item=EntryFactory(user=worker)),
        lambda worker: AttemptFactory(user=worker, instrument=build_instrument()),
        lambda worker: submitted_attempt(worker, build_instrument()),
        lambda worker: EntryFactory(user=worker).delete(),
    ],
    ids=["entry", "commitment", "follow-up", "share", "attempt", "submission", "deletion"],
)
def test_a_persons_own_writes_move_their_version_only(write, worker, teammate, stranger):
    before = {person: pages_version(person) for person in (worker, teammate, stranger)}
    write(worker)
    assert pages_version(worker) > before[worker]
    assert pages_version(teammate) == before[teammate]
    assert pages_version(stranger) == before[stranger]


def test_a_comment_moves_the_version_of_the_person_whose_item_it_is_on(
    worker, supervisor, teammate
):
    entry, commitment = EntryFactory(user=worker), CommitmentFactory(user=teammate)
    before_worker, before_teammate = pages_version(worker), pages_version(teammate)
    CommentFactory(entry=entry, commitment=None, author=supervisor)
    assert pages_version(worker) > before_worker
    assert pages_version(teammate) == before_teammate
    CommentFactory(entry=None, commitment=commitment, author=supervisor)
    assert pages_version(teammate) > before_teammate


def test_autosaving_an_answer_and_the_page_reached_move_the_version(worker):
    instrument = build_instrument()
    attempt = AttemptFactory(user=worker, instrument=instrument)
    item = Item.objects.filter(dimension__instrument=instrument, kind="scale").first()
    before = pages_version(worker)
    attempt_save_answers(attempt=attempt, values={item.pk: 3}, texts={})
    middle = pages_version(worker)
    assert middle > before
    attempt_save_answers(attempt=attempt, values={}, texts={}, page=2)  # the page reached only
    assert pages_version(worker) > middle


def test_joining_a_role_moves_the_version(worker):
    before = pages_version(worker)
    worker.groups.add(Group.objects.get_or_create(name="Trainers")[0])
    assert pages_version(worker) > before


def test_saving_a_row_read_before_a_move_keeps_the_newer_version(agency, worker):
    person = User.objects.get(pk=worker.pk)
    same_agency = Agency.objects.get(pk=agency.pk)
    pages.changed(pages.of(worker.pk))
    Agency.objects.filter(pk=agency.pk).update(figures_version=41)
    moved_to = pages_version(worker)

    person.wants_reminders = False
    person.save()
    same_agency.name = "Maple County CAS"
    same_agency.save()

    assert pages_version(worker) >= moved_to
    assert Agency.objects.get(pk=agency.pk).figures_version >= 41
    assert User.objects.get(pk=worker.pk).wants_reminders is False


def test_a_new_entry_shows_in_the_kept_log_at_once(client_for, worker):
    client = client_for(worker)
    assert "Your log is empty" in client.get(reverse("accountability:log")).text
    client.post(reverse("accountability:entry_create"), entry_data(title="Asked, then waited"))
    page = client.get(reverse("accountability:log")).text
    assert "Asked, then waited" in page
    assert "Your log is empty" not in page


def test_a_comment_and_reading_it_show_on_the_kept_home_page_at_once(
    client_for, worker, supervisor
):
    entry = EntryFactory(user=worker, title="Asked the family first")
    sharing.share_item(item=entry)
    client = client_for(worker)
    assert "new comment" not in client.get(reverse("home")).text

    CommentFactory(entry=entry, commitment=None, author=supervisor, text="Thank you")
    assert "1 new comment on what you shared" in client.get(reverse("home")).text
    assert "1 new comment" in client.get(reverse("accountability:log")).text

    client.get(entry.get_absolute_url())  # reading it marks it seen, with update()
    assert "new comment" not in client.get(reverse("home")).text
    assert "new comment" not in client.get(reverse("accountability:log")).text


def test_an_assignment_to_the_team_shows_on_the_kept_home_page_at_once(
    client_for, worker, supervisor, team
):
    module = ModuleFactory(title="Anti-Black racism")
    client = client_for(worker)
    assert "Anti-Black racism" not in client.get(reverse("home")).text
    AssignmentFactory(team=team, module=module, assigned_by=supervisor)
    assert "Anti-Black racism" in client.get(reverse("home")).text


def test_a_supervisor_reading_shared_results_shows_on_the_kept_results_page(
    client_for, worker, supervisor
):
    attempt = submitted_attempt(worker, build_instrument())
    sharing.share_item(item=attempt)
    client = client_for(worker)
    results = reverse("assessments:results", args=[attempt.pk])
    assert "Sam" not in client.get(results).text

    client_for(supervisor).get(reverse("assessments:shared", args=[attempt.pk]))
    first_seen = client.get(results).text
    assert "Sam" in first_seen

    # A second reading only moves the date it was last seen.
    version = pages_version(worker)
    client_for(supervisor).get(reverse("assessments:shared", args=[attempt.pk]))
    assert pages_version(worker) > version


def test_a_reflection_and_an_edited_lesson_show_on_the_kept_lesson_page(client_for, worker):
    lesson = LessonFactory(body="Listen first.")
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    client = client_for(worker)
    client.get(lesson.get_absolute_url())  # the first visit records progress
    assert "Listen first." in client.get(lesson.get_absolute_url()).text

    client.post(
        f"{lesson.get_absolute_url()}reflections/{prompt.pk}/", {f"r{prompt.pk}-text": "I noticed"}
    )
    assert "I noticed" in client.get(lesson.get_absolute_url()).text

    lesson.body = "Listen first, then ask."
    lesson.save()
    assert "Listen first, then ask." in client.get(lesson.get_absolute_url()).text


def test_a_kept_page_is_still_404_for_everyone_else(
    client_for, worker, supervisor, teammate, stranger
):
    attempt = submitted_attempt(worker, build_instrument())
    sharing.share_item(item=attempt)
    results = reverse("assessments:results", args=[attempt.pk])
    assert client_for(worker).get(results).status_code == 200
    for person in (supervisor, teammate, stranger):
        assert client_for(person).get(results).status_code == 404


def test_each_person_gets_their_own_kept_home_page(client_for, worker, teammate):
    EntryFactory(user=worker, title="A private entry of Robin")
    assert "A private entry of Robin" in client_for(worker).get(reverse("home")).text
    page = client_for(teammate).get(reverse("home")).text
    assert "Welcome, Jordan" in page
    assert "A private entry of Robin" not in page


def test_a_kept_page_carries_a_fresh_csrf_token_that_works(worker):
    lesson = LessonFactory()
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)
    client.get(lesson.get_absolute_url())  # kept now
    page = client.get(lesson.get_absolute_url()).text
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert tokens and "csrfTokenOfThisResponse" not in page
    assert (
        tokens[0]
        != re.findall(
            r'name="csrfmiddlewaretoken" value="([^"]+)"',
            client.get(lesson.get_absolute_url()).text,
        )[0]
    )
    response = client.post(
        f"{lesson.get_absolute_url()}reflections/{prompt.pk}/",
        {f"r{prompt.pk}-text": "I noticed", "csrfmiddlewaretoken": tokens[-1]},
    )
    assert response.status_code == 302


def test_the_day_is_part_of_the_key(client_for, worker, monkeypatch):
    today = timezone.localdate()
    CommitmentFactory(user=worker, text="Call the elder back", due_date=today)
    client = client_for(worker)
    assert "overdue" not in client.get(reverse("home")).text.lower()
    monkeypatch.setattr(timezone, "localdate", lambda *a: today + datetime.timedelta(days=1))
    assert "overdue" in client.get(reverse("home")).text.lower()


def test_leaving_a_team_shows_on_the_kept_home_page(client_for, worker, supervisor, team):
    AssignmentFactory(team=team, module=ModuleFactory(title="Anti-Black racism"))
    client = client_for(worker)
    assert "Anti-Black racism" in client.get(reverse("home")).text
    Membership.objects.get(user=worker, team=team).delete()
    assert "Anti-Black racism" not in client.get(reverse("home")).text


def test_the_pages_cache_must_stay_in_the_process():
    shared = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}
    with override_settings(CACHES={"default": shared, "pages": shared}):
        errors = checks.run_checks(tags=[checks.Tags.caches])
    assert [error.id for error in errors] == ["allyship.E001"]
    assert checks.run_checks(tags=[checks.Tags.caches]) == []


def test_a_role_given_or_taken_from_the_groups_side_moves_the_version(worker, teammate):
    trainers = Group.objects.get_or_create(name="Trainers")[0]
    before = pages_version(worker), pages_version(teammate)
    trainers.user_set.add(worker)
    assert pages_version(worker) > before[0]
    assert pages_version(teammate) == before[1]

    middle = pages_version(worker)
    trainers.user_set.clear()
    assert pages_version(worker) > middle


def test_signing_in_keeps_the_persons_pages(client, worker, password):
    before = pages_version(worker)
    client.post(reverse("accounts:login"), {"username": worker.email, "password": password})
    assert User.objects.get(pk=worker.pk).last_login is not None
    assert pages_version(worker) == before
    person = User.objects.get(pk=worker.pk)
    person.display_name = "Robin B."
    person.save(update_fields=["display_name"])
    assert pages_version(worker) > before
