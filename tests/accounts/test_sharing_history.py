"""Every share, unshare and view of a private item is recorded, and the author can read it all."""

import pytest
from django.urls import reverse

from allyship.accounts import sharing
from allyship.accounts.models import SharingEvent
from learning.models import ReflectionPrompt, ReflectionResponse
from tests.accounts.test_personal_data_everywhere import download
from tests.factories import EntryFactory, LessonFactory

pytestmark = pytest.mark.django_db

HISTORY = reverse("accounts:sharing_history")


def toggle(client, item, action):
    key = sharing.key_for(item)
    return client.post(reverse("accounts:share_toggle", args=[key, item.pk]), {"action": action})


def history_of(owner):
    return list(SharingEvent.objects.concerning(owner).values_list("action", "actor__display_name"))


def test_it_records_who_shared_opened_and_unshared_an_entry(worker, supervisor, client_for):
    entry = EntryFactory(user=worker, title="Spoke over a parent")
    author = client_for(worker)
    toggle(author, entry, "share")
    client_for(supervisor).get(reverse("accountability:shared_entry", args=[entry.pk]))
    client_for(supervisor).get(reverse("accountability:shared_entry", args=[entry.pk]))
    toggle(author, entry, "unshare")

    assert history_of(worker) == [
        ("unshared", "Robin"),
        ("viewed", "Sam"),
        ("viewed", "Sam"),
        ("shared", "Robin"),
    ]
    event = SharingEvent.objects.concerning(worker).first()
    assert event.item == entry
    assert event.at is not None


def test_the_author_sees_the_history_after_unsharing(worker, supervisor, client_for):
    entry = EntryFactory(user=worker, title="Spoke over a parent")
    sharing.share_item(item=entry)
    sharing.record_view(item=entry, viewer=supervisor)
    sharing.unshare_item(item=entry)

    page = client_for(worker).get(HISTORY).content.decode()
    assert "Sam" in page
    assert "Opened" in page
    assert "Stopped sharing" in page
    assert "Spoke over a parent" in page
    assert reverse("accountability:entry_detail", args=[entry.pk]) in page


def test_nobody_else_sees_the_authors_history(
    worker, supervisor, teammate, other_supervisor, stranger, agency_admin, client_for
):
    entry = EntryFactory(user=worker, title="Spoke over a parent")
    sharing.share_item(item=entry)
    sharing.record_view(item=entry, viewer=supervisor)
    for person in (supervisor, teammate, other_supervisor, stranger, agency_admin):
        page = client_for(person).get(HISTORY)
        assert page.status_code == 200
        assert "Spoke over a parent" not in page.content.decode()
        assert "Nothing yet" in page.content.decode()


def test_sharing_an_already_shared_item_records_nothing_new(worker):
    entry = EntryFactory(user=worker)
    sharing.share_item(item=entry)
    sharing.share_item(item=entry)
    sharing.unshare_item(item=entry)
    sharing.unshare_item(item=entry)
    assert history_of(worker) == [("unshared", "Robin"), ("shared", "Robin")]


def test_the_author_opening_their_own_item_is_not_a_view(worker):
    entry = EntryFactory(user=worker)
    sharing.share_item(item=entry)
    sharing.record_view(item=entry, viewer=worker)
    assert history_of(worker) == [("shared", "Robin")]


def test_the_history_never_holds_reflection_text(worker, supervisor, client_for):
    prompt = ReflectionPrompt.objects.create(lesson=LessonFactory(), prompt="What did you notice?")
    reflection = ReflectionResponse.objects.create(
        user=worker, prompt=prompt, text="A very private thought about my practice"
    )
    sharing.share_item(item=reflection)
    client_for(supervisor).get(reverse("learning:shared_reflection", args=[reflection.pk]))

    stored = str(list(SharingEvent.objects.values()))
    assert "private thought" not in stored
    assert len(history_of(worker)) == 2
    page = client_for(worker).get(HISTORY).content.decode()
    assert "private thought" not in page
    assert "Reflection on a lesson" in page


def test_the_history_survives_deleting_the_item(worker, client_for):
    entry = EntryFactory(user=worker, title="Spoke over a parent")
    sharing.share_item(item=entry)
    client_for(worker).post(reverse("accountability:entry_delete", args=[entry.pk]))

    page = client_for(worker).get(HISTORY).content.decode()
    assert "an item you have since deleted" in page
    assert "Spoke over a parent" not in page


def test_events_are_never_changed(worker):
    entry = EntryFactory(user=worker)
    sharing.share_item(item=entry)
    event = SharingEvent.objects.get()
    event.action = SharingEvent.Action.UNSHARED
    with pytest.raises(ValueError, match="never changed"):
        event.save()


def test_the_history_is_paginated_with_constant_queries(
    worker, supervisor, client_for, django_assert_max_num_queries
):
    entries = EntryFactory.create_batch(30, user=worker)
    for entry in entries:
        sharing.share_item(item=entry)
    client = client_for(worker)
    with django_assert_max_num_queries(12):
        first = client.get(HISTORY).content.decode()
    second = client.get(HISTORY + "?page=2").content.decode()
    assert first.count("<tr>") == 1 + 25
    assert second.count("<tr>") == 1 + 5
    assert "Page 1 of 2" in first


def test_my_data_links_to_the_history_and_the_download_holds_it(worker, supervisor, client_for):
    entry = EntryFactory(user=worker)
    sharing.share_item(item=entry)
    sharing.record_view(item=entry, viewer=supervisor)
    client = client_for(worker)
    assert HISTORY in client.get(reverse("accounts:my_data")).content.decode()

    history = download(client)["tables"]["accounts_sharing_history"]
    assert [(row["what"], row["by"]) for row in history] == [("viewed", "Sam"), ("shared", "Robin")]


def test_deleting_my_private_data_deletes_my_sharing_history(worker, supervisor, client_for):
    entry = EntryFactory(user=worker)
    sharing.share_item(item=entry)
    sharing.record_view(item=entry, viewer=supervisor)
    client_for(worker).post(reverse("accounts:my_data_delete"), {"confirmation": "delete"})
    assert not SharingEvent.objects.filter(owner=worker).exists()
