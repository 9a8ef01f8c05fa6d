"""Reminder emails for assignments due soon or overdue and not yet done, once a day per item."""

from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from allyship.accounts.emails import email_person
from allyship.accounts.models import Membership
from allyship.teams.models import Assignment, AssignmentReminder
from allyship.teams.progress import Facts


def assignments_to_remind(*, today, within_days):
    """``{person: [assignment, ...]}``: due by ``today + within_days``, not done, not yet
    reminded today. A fixed number of queries, whatever the number of people."""
    assignments = list(
        Assignment.objects.filter(due_on__lte=today + timedelta(days=within_days)).with_subject()
    )
    if not assignments:
        return {}
    memberships = Membership.objects.filter(
        team__in={a.team_id for a in assignments},
        role=Membership.Role.MEMBER,
        user__is_active=True,
        user__wants_reminders=True,
    ).select_related("user")
    people_by_team = defaultdict(list)
    for membership in memberships:
        people_by_team[membership.team_id].append(membership.user)
    reminded = set(
        AssignmentReminder.objects.filter(sent_on=today).values_list("user_id", "assignment_id")
    )
    facts = Facts({user.pk for people in people_by_team.values() for user in people})
    due = defaultdict(list)
    for assignment in assignments:
        for person in people_by_team[assignment.team_id]:
            if not assignment.applies_to(person.pk) or (person.pk, assignment.pk) in reminded:
                continue
            if not facts.progress(assignment, person.pk, today).is_done:
                due[person].append(assignment)
    return due


def send_assignment_reminders(*, within_days=3, base_url="", today=None) -> int:
    """Email each person once about their assignments that need attention; return emails sent.

    Like commitment reminders, in the person's own language, with titles, dates and a link.
    """
    today = today or timezone.localdate()
    sent = 0
    for person, assignments in assignments_to_remind(today=today, within_days=within_days).items():
        with transaction.atomic():
            AssignmentReminder.objects.bulk_create(
                AssignmentReminder(user=person, assignment=a, sent_on=today) for a in assignments
            )
            context = {
                "person": person,
                "overdue": [a for a in assignments if a.due_on < today],
                "due_soon": [a for a in assignments if a.due_on >= today],
                "assigned_url": base_url + reverse("teams:assigned"),
                "preferences_url": base_url + reverse("accounts:preferences"),
            }
            email_person(person, "teams/email/reminder", context)
        sent += 1
    return sent
