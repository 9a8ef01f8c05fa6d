"""Reminder emails for commitments due soon or overdue, sent at most once a day per item."""

from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from allyship.accountability.models import Commitment, Reminder
from allyship.accounts.emails import email_person


def commitments_to_remind(*, today, within_days):
    """Open commitments due by ``today + within_days`` (overdue included) not yet reminded today."""
    return (
        Commitment.objects.open()
        .filter(
            due_date__lte=today + timedelta(days=within_days),
            user__is_active=True,
            user__wants_reminders=True,
        )
        .exclude(reminders__sent_on=today)
        .select_related("user")
        .order_by("user_id", "due_date", "pk")
    )


def send_reminders(*, within_days=3, base_url="", today=None) -> int:
    """Email each person once about their commitments that need attention; return emails sent.

    A ``Reminder`` row per commitment per day is written with the email, so running this again
    the same day sends nothing new. The email holds dates and links, never the commitment's
    words: mailboxes are less private than the app.
    """
    today = today or timezone.localdate()
    by_person = defaultdict(list)
    for commitment in commitments_to_remind(today=today, within_days=within_days):
        by_person[commitment.user].append(commitment)
    sent = 0
    for person, commitments in by_person.items():
        with transaction.atomic():
            Reminder.objects.bulk_create(
                [Reminder(user=person, commitment=c, sent_on=today) for c in commitments]
            )
            context = {
                "person": person,
                "overdue": [c for c in commitments if c.due_date < today],
                "due_soon": [c for c in commitments if c.due_date >= today],
                "log_url": base_url + reverse("accountability:commitment_list"),
                "preferences_url": base_url + reverse("accounts:preferences"),
            }
            email_person(person, "accountability/email/reminder", context)
        sent += 1
    return sent
