"""Editing one entry or commitment in two tabs never silently overwrites the newer save."""

import pytest
from django.urls import reverse

from allyship.accounts.edited_elsewhere import version_of
from tests.accountability.test_entries import entry_data
from tests.factories import CommitmentFactory, EntryFactory

pytestmark = pytest.mark.django_db


def opened(client, url):
    """The version stamp a tab got when it opened the edit form."""
    page = client.get(url).content.decode()
    marker = 'name="loaded_version" value="'
    return page.split(marker, 1)[1].split('"', 1)[0]


def test_the_edit_form_carries_the_version_it_was_opened_with(client_for, worker):
    entry = EntryFactory(user=worker)
    url = reverse("accountability:entry_edit", args=[entry.pk])
    assert opened(client_for(worker), url) == version_of(entry)


def test_a_stale_tab_keeps_its_text_and_shows_what_the_other_tab_saved(client_for, worker):
    entry = EntryFactory(user=worker, title="First title")
    client = client_for(worker)
    url = reverse("accountability:entry_edit", args=[entry.pk])
    tab_one = opened(client, url)
    tab_two = opened(client, url)
    client.post(url, entry_data(title="Saved in tab two", loaded_version=tab_two))

    response = client.post(
        url,
        entry_data(
            title="Typed in tab one",
            what_i_learned="Words I don't want to lose",
            loaded_version=tab_one,
        ),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "changed in another tab or window" in page
    assert "Saved in tab two" in page  # what is saved now
    assert 'value="Typed in tab one"' in page  # what the person typed, kept in the form
    assert "Words I don&#x27;t want to lose" in page
    assert "Save my version" in page
    entry.refresh_from_db()
    assert entry.title == "Saved in tab two"


def test_saving_again_after_the_warning_keeps_my_version(client_for, worker):
    entry = EntryFactory(user=worker)
    client = client_for(worker)
    url = reverse("accountability:entry_edit", args=[entry.pk])
    tab_one = opened(client, url)
    client.post(url, entry_data(title="Saved in tab two", loaded_version=tab_one))
    warned = client.post(url, entry_data(title="Typed in tab one", loaded_version=tab_one))
    newer = warned.content.decode().split('name="loaded_version" value="', 1)[1].split('"')[0]

    response = client.post(url, entry_data(title="Typed in tab one", loaded_version=newer))

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Typed in tab one"


def test_an_edit_without_the_version_is_not_saved_blindly(client_for, worker):
    entry = EntryFactory(user=worker, title="Kept")
    url = reverse("accountability:entry_edit", args=[entry.pk])
    response = client_for(worker).post(url, entry_data(title="Blind"))
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.title == "Kept"


def test_a_new_entry_needs_no_version(client_for, worker):
    response = client_for(worker).post(
        reverse("accountability:entry_create"), entry_data(title="Fresh")
    )
    assert response.status_code == 302


def test_a_commitment_edited_in_two_tabs_warns_too(client_for, worker):
    commitment = CommitmentFactory(user=worker, text="Offer a phone call")
    client = client_for(worker)
    url = reverse("accountability:commitment_edit", args=[commitment.pk])
    tab_one = opened(client, url)
    due = commitment.due_date.isoformat()
    client.post(url, {"text": "Saved elsewhere", "due_date": due, "loaded_version": tab_one})

    page = client.post(
        url, {"text": "Typed here", "due_date": due, "loaded_version": tab_one}
    ).content.decode()

    assert "Saved elsewhere" in page
    assert "Typed here" in page
    commitment.refresh_from_db()
    assert commitment.text == "Saved elsewhere"
