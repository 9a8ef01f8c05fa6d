"""A commitment's life: made (from an entry or not), followed up, closed, reopened."""

import datetime

import pytest
from django.utils import timezone

from allyship.accountability.models import Commitment, FollowUp
from allyship.accounts.edited_elsewhere import version_of
from tests.factories import (
    AttemptFactory,
    CommitmentFactory,
    EntryFactory,
    FollowUpFactory,
    ModuleFactory,
    build_instrument,
)

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_it_makes_a_commitment_from_an_entry(client_for, worker):
    entry = EntryFactory(user=worker, title="Feedback from a grandmother")
    client = client_for(worker)
    form = client.get(f"/log/commitments/new/?entry={entry.pk}").content.decode()
    assert "From your entry “Feedback from a grandmother”." in form
    response = client.post(
        f"/log/commitments/new/?entry={entry.pk}",
        {"text": "Offer the plan in writing and by phone", "due_date": in_days(7)},
    )
    commitment = Commitment.objects.get()
    assert response.url == f"/log/commitments/{commitment.pk}/"
    assert commitment.user == worker
    assert commitment.entry == entry
    assert commitment.status == Commitment.Status.OPEN


def test_it_ignores_an_entry_that_is_not_mine(client_for, worker, teammate):
    theirs = EntryFactory(user=teammate, title="Jordan's private entry")
    client = client_for(worker)
    form = client.get(f"/log/commitments/new/?entry={theirs.pk}").content.decode()
    assert "Jordan" not in form
    client.post(
        f"/log/commitments/new/?entry={theirs.pk}", {"text": "Something", "due_date": in_days(3)}
    )
    assert Commitment.objects.get().entry is None


def test_follow_ups_are_dated_and_listed(client_for, worker):
    commitment = CommitmentFactory(user=worker)
    client = client_for(worker)
    client.post(
        f"/log/commitments/{commitment.pk}/",
        {"follow_up-date": "2026-04-02", "follow_up-note": "Tried it with two families."},
    )
    follow_up = FollowUp.objects.get()
    assert follow_up.commitment == commitment
    assert follow_up.date == datetime.date(2026, 4, 2)
    page = client.get(f"/log/commitments/{commitment.pk}/").content.decode()
    assert "Tried it with two families." in page


def test_a_follow_up_with_client_information_is_kept_for_review(client_for, worker):
    commitment = CommitmentFactory(user=worker)
    response = client_for(worker).post(
        f"/log/commitments/{commitment.pk}/",
        {"follow_up-date": "2026-04-02", "follow_up-note": "Called 416 555 0199 back."},
    )
    assert response.status_code == 200
    assert "Called 416 555 0199 back." in response.content.decode()
    assert not FollowUp.objects.exists()


def test_closing_asks_what_changed_and_records_it(client_for, worker):
    commitment = CommitmentFactory(user=worker)
    client = client_for(worker)
    form = client.get(f"/log/commitments/{commitment.pk}/close/").content.decode()
    assert "What changed?" in form
    client.post(
        f"/log/commitments/{commitment.pk}/close/",
        {"status": "done", "closing_note": "Families now choose how they hear from me."},
    )
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.DONE
    assert commitment.closed_at is not None
    assert commitment.closing_note == "Families now choose how they hear from me."


def test_a_commitment_can_be_dropped_and_reopened(client_for, worker):
    commitment = CommitmentFactory(user=worker)
    client = client_for(worker)
    client.post(f"/log/commitments/{commitment.pk}/close/", {"status": "dropped"})
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.DROPPED
    client.post(f"/log/commitments/{commitment.pk}/reopen/")
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.OPEN
    assert commitment.closed_at is None


def test_the_list_puts_open_and_overdue_first_and_says_overdue_in_words(client_for, worker):
    CommitmentFactory(
        user=worker,
        text="Closed one",
        due_date=in_days(-30),
        status="done",
        closed_at=timezone.now(),
    )
    CommitmentFactory(user=worker, text="Later one", due_date=in_days(10))
    CommitmentFactory(user=worker, text="Late one", due_date=in_days(-2))
    response = client_for(worker).get("/log/commitments/")
    texts = [commitment.text for commitment in response.context["page_obj"]]
    assert texts == ["Late one", "Later one", "Closed one"]
    assert "Overdue" in response.content.decode()


def test_overdue_commitments_show_on_the_log(client_for, worker):
    CommitmentFactory(user=worker, text="Call the elder back", due_date=in_days(-1))
    CommitmentFactory(user=worker, text="Not yet due", due_date=in_days(5))
    page = client_for(worker).get("/log/").content.decode()
    assert "Overdue commitments" in page
    assert "Call the elder back" in page
    assert "Not yet due" not in page


def test_the_commitment_list_makes_a_constant_number_of_queries(client_for, worker, count_queries):
    entry = EntryFactory(user=worker)
    FollowUpFactory(commitment=CommitmentFactory(user=worker, entry=entry))
    client = client_for(worker)
    few = count_queries(client.get, "/log/commitments/")
    for commitment in CommitmentFactory.create_batch(29, user=worker, entry=entry):
        FollowUpFactory(commitment=commitment)
    many = count_queries(client.get, "/log/commitments/")
    assert many == few <= 6
    assert "1 follow-up" in client.get("/log/commitments/").text


def test_the_author_can_change_what_and_when(client_for, worker):
    commitment = CommitmentFactory(user=worker)
    client_for(worker).post(
        f"/log/commitments/{commitment.pk}/edit/",
        {
            "text": "Ask at the first visit",
            "due_date": in_days(14),
            "loaded_version": version_of(commitment),
        },
    )
    commitment.refresh_from_db()
    assert commitment.text == "Ask at the first visit"
    assert commitment.due_date == in_days(14)


def test_it_makes_a_commitment_from_a_module(client_for, worker):
    module = ModuleFactory(title="Power with families")
    client = client_for(worker)
    form = client.get(f"/log/commitments/new/?module={module.pk}").content.decode()
    assert "From the module “Power with families”." in form
    client.post(
        f"/log/commitments/new/?module={module.pk}",
        {"text": "Explain my role in plain words", "due_date": in_days(7)},
    )
    assert Commitment.objects.get().module == module


def test_it_makes_a_commitment_from_my_results_but_not_from_someone_elses(
    client_for, worker, teammate
):
    instrument = build_instrument(dimensions=1, scale_items=1, title="Allyship in my practice")
    mine = AttemptFactory(user=worker, instrument=instrument, submitted_at=timezone.now())
    theirs = AttemptFactory(user=teammate, instrument=instrument, submitted_at=timezone.now())
    client = client_for(worker)
    form = client.get(f"/log/commitments/new/?attempt={mine.pk}").content.decode()
    assert "From your self-assessment “Allyship in my practice”" in form
    assert (
        "From your self-assessment"
        not in client.get(f"/log/commitments/new/?attempt={theirs.pk}").content.decode()
    )
    client.post(
        f"/log/commitments/new/?attempt={theirs.pk}", {"text": "Listen", "due_date": in_days(3)}
    )
    assert Commitment.objects.get().attempt is None
