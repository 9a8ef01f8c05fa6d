"""`send_reminders` also reminds people of assignments due soon or overdue and not yet done."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from allyship.teams.models import AssignmentReminder
from learning.services import lesson_visit
from tests.factories import AssignmentFactory, LessonFactory, ModuleFactory

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.localdate() + timedelta(days=days)


def run():
    call_command("send_reminders", "--base-url=https://allyship.example.org", stdout=io.StringIO())


@pytest.fixture
def module():
    module = ModuleFactory(title="Poverty and the meaning of neglect")
    LessonFactory(module=module)
    return module


def test_members_are_reminded_once_a_day_of_what_is_due(worker, teammate, supervisor, team, module):
    AssignmentFactory(team=team, module=module, due_on=in_days(2))
    run()
    run()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "jordan@maple.example",
        "robin@maple.example",
    ]
    body = mail.outbox[0].body
    assert "Poverty and the meaning of neglect" in body
    assert "Due soon:" in body
    assert "https://allyship.example.org/teams/assigned/" in body
    assert AssignmentReminder.objects.count() == 2


def test_nobody_is_reminded_of_what_they_finished_or_what_is_far_off(worker, team, module):
    AssignmentFactory(team=team, module=module, due_on=in_days(-1))
    AssignmentFactory(team=team, module=ModuleFactory(), due_on=in_days(20))
    lesson_visit(user=worker, lesson=module.lessons.get())
    run()
    assert mail.outbox == []


def test_an_assignment_to_one_member_reminds_only_them(worker, teammate, team, module):
    AssignmentFactory(team=team, module=module, assignee=teammate, due_on=in_days(-2))
    run()
    assert [message.to for message in mail.outbox] == [["jordan@maple.example"]]
    assert "Past the due date:" in mail.outbox[0].body


def test_people_who_turned_reminders_off_get_none(worker, team, module):
    worker.wants_reminders = False
    worker.save()
    AssignmentFactory(team=team, module=module, assignee=worker, due_on=in_days(1))
    run()
    assert mail.outbox == []
