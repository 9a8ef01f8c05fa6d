"""'My allyship': what is mine to do and where I left off, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from allyship.accounts import sharing
from learning.services import lesson_visit
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    CommentFactory,
    CommitmentFactory,
    EntryFactory,
    LessonFactory,
    MembershipFactory,
    ModuleFactory,
    build_instrument,
    submitted_attempt,
)

pytestmark = pytest.mark.django_db


def home(client_for, user):
    return client_for(user).get(reverse("home")).content.decode()


def test_a_new_worker_sees_what_to_do_first(client_for, worker):
    html = home(client_for, worker)
    assert "Nothing is waiting for you." in html
    assert "A good first step is a self-assessment" in html
    assert "Make a commitment" in html
    assert "Write your first entry" in html
    assert "When you finish a self-assessment" in html


def test_home_shows_the_assessment_to_resume_and_the_next_lesson(client_for, worker):
    instrument = build_instrument(title="Allyship in my practice")
    attempt = AttemptFactory(user=worker, instrument=instrument)
    module = ModuleFactory(title="Colonialism and Indigenous families")
    first, second = (
        LessonFactory(module=module, title="Before contact"),
        LessonFactory(module=module, title="Residential schools"),
    )
    lesson_visit(user=worker, lesson=first)
    html = home(client_for, worker)
    assert "Continue “Allyship in my practice”" in html
    assert attempt.get_absolute_url() in html
    assert "Next lesson: Residential schools" in html
    assert second.get_absolute_url() in html


def test_a_completed_module_offers_no_next_lesson(client_for, worker):
    lesson = LessonFactory(title="The only lesson")
    lesson_visit(user=worker, lesson=lesson)
    assert "Next lesson" not in home(client_for, worker)


def test_home_shows_open_commitments_with_overdue_said_in_words(client_for, worker):
    yesterday = timezone.localdate() - timedelta(days=1)
    CommitmentFactory(user=worker, text="Ask about preferred formats", due_date=yesterday)
    html = home(client_for, worker)
    assert "Ask about preferred formats" in html
    assert "Overdue" in html


def test_home_counts_new_comments_and_lists_recent_entries(client_for, worker, supervisor):
    entry = EntryFactory(user=worker, title="Raised interpreter wait times")
    sharing.share_item(item=entry)
    CommentFactory(entry=entry, author=supervisor)
    html = home(client_for, worker)
    assert "1 new comment on what you shared" in html
    assert "Raised interpreter wait times" in html


def test_home_gives_the_last_results_one_line_per_dimension(client_for, worker):
    instrument = build_instrument(dimensions=2)
    submitted_attempt(worker, instrument, score=62)
    html = home(client_for, worker)
    assert "Part 1: 62 out of 100" in html
    assert "Part 2: 62 out of 100" in html


def test_home_never_shows_another_persons_things(client_for, worker, teammate):
    EntryFactory(user=teammate, title="Jordan's private entry")
    CommitmentFactory(user=teammate, text="Jordan's commitment")
    submitted_attempt(teammate, build_instrument(dimensions=1), score=11)
    html = home(client_for, worker)
    assert "Jordan" not in html
    assert "11 out of 100" not in html


def _busy_person(team, assignments):
    person = MembershipFactory(team=team).user
    instrument = build_instrument()
    for n in range(assignments):
        module = ModuleFactory()
        LessonFactory.create_batch(2, module=module)
        AssignmentFactory(team=team, module=module, due_on=timezone.localdate() + timedelta(n))
        lesson_visit(user=person, lesson=module.lessons.first())
    AssignmentFactory(team=team, module=None, instrument=instrument)
    AttemptFactory(user=person, instrument=instrument)
    submitted_attempt(person, instrument)
    for _ in range(assignments):
        CommitmentFactory(user=person)
        entry = EntryFactory(user=person)
        sharing.share_item(item=entry)
        CommentFactory(entry=entry)
    return person


def test_home_makes_the_same_queries_with_1_or_10_assignments(client_for, team, count_queries):
    quiet = _busy_person(team, 1)
    busy = _busy_person(team, 10)
    for _ in range(47):
        MembershipFactory(team=team)
    few = count_queries(client_for(quiet).get, reverse("home"))
    assert count_queries(client_for(busy).get, reverse("home")) == few <= 12


def test_a_supervisors_home_makes_the_same_queries_for_more_teams(
    client_for, supervisor, agency, count_queries
):
    few = count_queries(client_for(supervisor).get, reverse("home"))
    for _ in range(5):
        MembershipFactory(user=supervisor, role="supervisor", team__agency=agency)
    assert count_queries(client_for(supervisor).get, reverse("home")) == few
