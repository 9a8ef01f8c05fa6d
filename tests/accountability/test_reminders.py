"""`send_reminders`: one email a day per person, for commitments due soon or overdue."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from allyship.accountability.models import Reminder
from allyship.accountability.reminders import send_reminders
from tests.factories import CommitmentFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_it_reminds_of_commitments_due_soon_and_overdue_once_a_day(worker):
    CommitmentFactory(user=worker, due_date=in_days(-3))
    CommitmentFactory(user=worker, due_date=in_days(2))
    CommitmentFactory(user=worker, due_date=in_days(20))
    call_command("send_reminders", stdout=io.StringIO())
    call_command("send_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["robin@maple.example"]
    assert "past its date" in message.body
    assert "due soon" in message.body
    assert Reminder.objects.filter(user=worker).count() == 2


def test_the_email_holds_dates_and_links_but_not_what_was_written(worker):
    CommitmentFactory(user=worker, text="Apologise for the delay", due_date=in_days(1))
    call_command("send_reminders", "--base-url=https://allyship.example.org/")
    body = mail.outbox[0].body
    assert "Apologise" not in body
    assert "https://allyship.example.org/log/commitments/" in body
    assert "https://allyship.example.org/accounts/preferences/" in body


def test_the_days_option_widens_the_window(worker):
    CommitmentFactory(user=worker, due_date=in_days(6))
    call_command("send_reminders")
    assert len(mail.outbox) == 0
    call_command("send_reminders", "--days=7")
    assert len(mail.outbox) == 1


def test_it_reminds_again_the_next_day(worker):
    commitment = CommitmentFactory(user=worker, due_date=in_days(-1))
    Reminder.objects.create(user=worker, commitment=commitment, sent_on=in_days(-1))
    call_command("send_reminders")
    assert len(mail.outbox) == 1


def test_closed_commitments_are_not_reminded(worker):
    CommitmentFactory(user=worker, due_date=in_days(-1), status="done", closed_at=timezone.now())
    call_command("send_reminders")
    assert mail.outbox == []


def test_people_who_turned_reminders_off_get_none(client_for, worker):
    client_for(worker).post("/accounts/preferences/", {})
    worker.refresh_from_db()
    assert worker.wants_reminders is False
    CommitmentFactory(user=worker, due_date=in_days(1))
    call_command("send_reminders")
    assert mail.outbox == []


def test_the_preferences_page_turns_reminders_back_on(client_for, worker):
    worker.wants_reminders = False
    worker.save()
    client = client_for(worker)
    assert "Reminders" in client.get("/accounts/preferences/").content.decode()
    client.post("/accounts/preferences/", {"wants_reminders": "on"})
    worker.refresh_from_db()
    assert worker.wants_reminders is True


def test_each_person_gets_their_own_email(worker, team):
    other = MembershipFactory(team=team, user__email="kai@maple.example").user
    CommitmentFactory(user=worker, due_date=in_days(1))
    CommitmentFactory(user=other, due_date=in_days(1))
    call_command("send_reminders")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "kai@maple.example",
        "robin@maple.example",
    ]


def test_reminders_are_written_in_each_persons_own_language(worker, team):
    worker.preferred_language = "fr"
    worker.save()
    english = MembershipFactory(team=team, user__email="kai@maple.example").user
    due = datetime.date(2026, 3, 2)
    CommitmentFactory(user=worker, due_date=due)
    CommitmentFactory(user=english, due_date=due)
    # The scheduler's shell may run in any language; each email follows its reader.
    with translation.override("en"):
        send_reminders(today=datetime.date(2026, 3, 5))
    by_reader = {message.to[0]: message for message in mail.outbox}
    french = by_reader["robin@maple.example"]
    assert french.subject == "Allyship\u00a0: un engagement vous attend"
    assert "1 de vos engagements a dépassé sa date\u00a0:" in french.body
    assert "prévu pour le 2 mars 2026" in french.body
    assert "modifiez vos préférences" in french.body
    in_english = by_reader["kai@maple.example"]
    assert in_english.subject == "Allyship: a commitment is waiting for you"
    assert "1 of your commitments is past its date:" in in_english.body
    assert "due March 2, 2026" in in_english.body
