"""Assignment status from participation facts: not started, in progress, done, overdue."""

from datetime import timedelta

import pytest
from django.utils import timezone

from allyship.teams.models import Assignment
from allyship.teams.progress import Facts, Status
from learning.services import lesson_visit
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    LessonFactory,
    MembershipFactory,
    ModuleFactory,
    build_instrument,
    submitted_attempt,
)

pytestmark = pytest.mark.django_db


def status(assignment, user):
    return Facts([user.pk]).progress(assignment, user.pk).status


@pytest.fixture
def module():
    module = ModuleFactory()
    LessonFactory.create_batch(2, module=module)
    return module


def test_a_module_goes_from_not_started_to_in_progress_to_done(team, worker, module):
    assignment = AssignmentFactory(team=team, module=module)
    first, second = module.lessons.all()
    assert status(assignment, worker) == Status.NOT_STARTED
    lesson_visit(user=worker, lesson=first)
    assert status(assignment, worker) == Status.IN_PROGRESS
    lesson_visit(user=worker, lesson=second)
    assert status(assignment, worker) == Status.DONE


def test_past_the_due_date_and_not_done_is_overdue_started_or_not(team, worker, module):
    yesterday = timezone.localdate() - timedelta(days=1)
    assignment = AssignmentFactory(team=team, module=module, due_on=yesterday)
    assert status(assignment, worker) == Status.OVERDUE
    lesson_visit(user=worker, lesson=module.lessons.first())
    progress = Facts([worker.pk]).progress(assignment, worker.pk)
    assert progress.status == Status.OVERDUE
    assert progress.started is not None


def test_due_today_is_not_overdue(team, worker, module):
    assignment = AssignmentFactory(team=team, module=module, due_on=timezone.localdate())
    assert status(assignment, worker) == Status.NOT_STARTED


def test_done_late_is_done(team, worker, module):
    assignment = AssignmentFactory(
        team=team, module=module, due_on=timezone.localdate() - timedelta(days=3)
    )
    for lesson in module.lessons.all():
        lesson_visit(user=worker, lesson=lesson)
    assert status(assignment, worker) == Status.DONE


def test_a_module_completed_before_it_was_assigned_counts_as_done(team, worker, module):
    for lesson in module.lessons.all():
        lesson_visit(user=worker, lesson=lesson)
    assignment = AssignmentFactory(team=team, module=module)
    assert status(assignment, worker) == Status.DONE


def test_an_assessment_is_done_only_when_submitted_after_it_was_assigned(team, worker):
    instrument = build_instrument()
    submitted_attempt(worker, instrument, at=timezone.now() - timedelta(days=60))
    assignment = AssignmentFactory(team=team, module=None, instrument=instrument)
    assert status(assignment, worker) == Status.NOT_STARTED
    AttemptFactory(user=worker, instrument=instrument)
    assert status(assignment, worker) == Status.IN_PROGRESS
    submitted_attempt(worker, instrument)
    assert status(assignment, worker) == Status.DONE


def test_any_version_of_the_assessment_counts(team, worker):
    first = build_instrument(slug="practice", version=1)
    second = build_instrument(slug="practice", version=2)
    assignment = AssignmentFactory(team=team, module=None, instrument=first)
    submitted_attempt(worker, second)
    assert status(assignment, worker) == Status.DONE


def test_another_persons_progress_does_not_count(team, worker, teammate, module):
    assignment = AssignmentFactory(team=team, module=module)
    for lesson in module.lessons.all():
        lesson_visit(user=teammate, lesson=lesson)
    facts = Facts([worker.pk, teammate.pk])
    assert facts.progress(assignment, worker.pk).status == Status.NOT_STARTED
    assert facts.progress(assignment, teammate.pk).status == Status.DONE


def test_people_who_join_later_get_the_teams_open_assignments(team, worker, module):
    assignment = AssignmentFactory(team=team, module=module)
    newcomer = MembershipFactory(team=team).user
    assert list(Assignment.objects.for_member(newcomer)) == [assignment]


def test_an_assignment_to_one_member_is_theirs_alone(team, worker, teammate, module):
    assignment = AssignmentFactory(team=team, module=module, assignee=worker)
    assert list(Assignment.objects.for_member(worker)) == [assignment]
    assert list(Assignment.objects.for_member(teammate)) == []


def test_supervisors_are_not_assigned_their_teams_work(team, supervisor, module):
    AssignmentFactory(team=team, module=module)
    assert list(Assignment.objects.for_member(supervisor)) == []
