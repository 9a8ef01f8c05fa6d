"""Log entries and commitments: private, shared per item, revocable. Tested from every side."""

import pytest

from allyship.accountability.models import Comment, new_comment_count
from allyship.accounts import sharing
from allyship.accounts.models import ShareView
from tests.factories import (
    CommentFactory,
    CommitmentFactory,
    EntryFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "I assumed the family would not understand the plan."


@pytest.fixture
def entry(worker):
    return EntryFactory(user=worker, title="A private entry", what_happened=SECRET)


@pytest.fixture
def commitment(worker):
    return CommitmentFactory(user=worker, text="Explain the plan in plain words")


OWNER_URLS = [
    "/log/entries/{entry}/",
    "/log/entries/{entry}/edit/",
    "/log/entries/{entry}/delete/",
    "/log/commitments/{commitment}/",
    "/log/commitments/{commitment}/edit/",
    "/log/commitments/{commitment}/close/",
]
SHARED_URLS = ["/log/shared/entries/{entry}/", "/log/shared/commitments/{commitment}/"]
OTHERS = ["supervisor", "teammate", "other_supervisor", "stranger", "trainer", "agency_admin"]


def test_the_owner_reaches_their_own_pages(client_for, worker, entry, commitment):
    client = client_for(worker)
    for url in OWNER_URLS:
        assert client.get(url.format(entry=entry.pk, commitment=commitment.pk)).status_code == 200


@pytest.mark.parametrize("persona", OTHERS)
@pytest.mark.parametrize("url", OWNER_URLS)
def test_nobody_else_reaches_the_owners_pages(request, client_for, entry, commitment, persona, url):
    sharing.share_item(item=entry)
    sharing.share_item(item=commitment)
    client = client_for(request.getfixturevalue(persona))
    response = client.get(url.format(entry=entry.pk, commitment=commitment.pk))
    assert response.status_code == 404


@pytest.mark.parametrize("persona", OTHERS)
@pytest.mark.parametrize("url", SHARED_URLS)
def test_unshared_items_are_404_for_everyone_else(
    request, client_for, entry, commitment, persona, url
):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(url.format(entry=entry.pk, commitment=commitment.pk)).status_code == 404


@pytest.mark.parametrize("persona", ["teammate", "other_supervisor", "stranger", "trainer"])
@pytest.mark.parametrize("url", SHARED_URLS)
def test_shared_items_stay_404_for_anyone_but_the_supervisor(
    request, client_for, entry, commitment, persona, url
):
    sharing.share_item(item=entry)
    sharing.share_item(item=commitment)
    client = client_for(request.getfixturevalue(persona))
    assert client.get(url.format(entry=entry.pk, commitment=commitment.pk)).status_code == 404
    assert SECRET not in client.get("/log/shared/").content.decode()


def test_an_agency_admin_who_supervises_nobody_cannot_see_a_shared_entry(
    client_for, agency_admin, entry
):
    sharing.share_item(item=entry)
    client = client_for(agency_admin)
    assert client.get(f"/log/shared/entries/{entry.pk}/").status_code == 404


def test_the_supervisor_sees_a_shared_entry_and_is_recorded_as_seeing_it(
    client_for, supervisor, entry
):
    client = client_for(supervisor)
    assert client.get(f"/log/shared/entries/{entry.pk}/").status_code == 404
    assert "A private entry" not in client.get("/log/shared/").content.decode()

    sharing.share_item(item=entry)
    listing = client.get("/log/shared/").content.decode()
    assert "A private entry" in listing and "Robin" in listing
    page = client.get(f"/log/shared/entries/{entry.pk}/").content.decode()
    assert SECRET in page
    assert ShareView.objects.get().viewer == supervisor


def test_the_author_sees_who_viewed_it(client_for, worker, supervisor, entry):
    sharing.share_item(item=entry)
    client_for(supervisor).get(f"/log/shared/entries/{entry.pk}/")
    page = client_for(worker).get(f"/log/entries/{entry.pk}/").content.decode()
    assert "Seen by" in page and "Sam" in page


def test_revoking_hides_the_item_and_its_comments_from_the_supervisor(
    client_for, worker, supervisor, entry
):
    sharing.share_item(item=entry)
    client = client_for(supervisor)
    client.post(f"/log/shared/entries/{entry.pk}/", {"comment-text": "Thank you for this."})
    sharing.unshare_item(item=entry)
    assert client.get(f"/log/shared/entries/{entry.pk}/").status_code == 404
    assert "A private entry" not in client.get("/log/shared/").content.decode()
    assert (
        client.post(f"/log/shared/entries/{entry.pk}/", {"comment-text": "Another"}).status_code
        == 404
    )
    # The author keeps the conversation.
    page = client_for(worker).get(f"/log/entries/{entry.pk}/").content.decode()
    assert "Thank you for this." in page
    assert Comment.objects.count() == 1


def test_the_supervisor_comments_and_the_author_replies(client_for, worker, supervisor, commitment):
    sharing.share_item(item=commitment)
    supervisor_client = client_for(supervisor)
    supervisor_client.post(
        f"/log/shared/commitments/{commitment.pk}/",
        {"comment-text": "How did the families respond?"},
    )
    assert new_comment_count(worker) == 1

    author_client = client_for(worker)
    page = author_client.get(f"/log/commitments/{commitment.pk}/").content.decode()
    assert "How did the families respond?" in page and "New" in page
    assert new_comment_count(worker) == 0

    author_client.post(
        f"/log/commitments/{commitment.pk}/", {"comment-text": "Most asked for a phone call."}
    )
    assert new_comment_count(worker) == 0
    thread = supervisor_client.get(f"/log/shared/commitments/{commitment.pk}/").content.decode()
    assert thread.index("How did the families respond?") < thread.index("Most asked for a phone")


def test_a_teammate_cannot_comment_on_a_shared_entry(client_for, teammate, entry):
    sharing.share_item(item=entry)
    response = client_for(teammate).post(
        f"/log/shared/entries/{entry.pk}/", {"comment-text": "Nosy"}
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_new_comment_count_covers_only_my_items(worker, supervisor, teammate, entry):
    CommentFactory(entry=entry, author=supervisor)
    CommentFactory(entry=EntryFactory(user=teammate), author=supervisor)
    CommentFactory(entry=entry, author=worker)
    assert new_comment_count(worker) == 1


def test_the_shared_list_makes_a_constant_number_of_queries(
    client_for, supervisor, team, django_assert_max_num_queries
):

    member = MembershipFactory(team=team).user
    for entry in EntryFactory.create_batch(15, user=member):
        sharing.share_item(item=entry)
        CommentFactory(entry=entry, author=supervisor)
    for commitment in CommitmentFactory.create_batch(15, user=member):
        sharing.share_item(item=commitment)
    client = client_for(supervisor)
    with django_assert_max_num_queries(14):
        response = client.get("/log/shared/")
    assert len(response.context["rows"]) == 20


def test_the_admin_never_shows_log_text(client_for, entry, commitment):
    CommentFactory(entry=entry, author=entry.user, text="A reply only the log should hold")
    root = UserFactory(agency=None, is_staff=True, is_superuser=True)
    client = client_for(root)
    index = client.get("/admin/").content.decode()
    assert "Equity-seeking groups" in index
    assert "Log entries" not in index
    for model in ["entry", "commitment", "followup", "comment", "reminder"]:
        assert client.get(f"/admin/accountability/{model}/").status_code == 404
    assert SECRET not in client.get("/admin/accounts/user/").content.decode()


def test_trainers_and_agency_admins_may_edit_the_equity_groups(client_for, trainer, agency_admin):
    for person in (trainer, agency_admin):
        assert client_for(person).get("/admin/accountability/equitygroup/").status_code == 200


def test_deleting_a_shared_entry_removes_it_from_the_supervisor(
    client_for, worker, supervisor, entry
):
    sharing.share_item(item=entry)
    client_for(worker).post(f"/log/entries/{entry.pk}/delete/")
    assert "A private entry" not in client_for(supervisor).get("/log/shared/").content.decode()
    assert client_for(supervisor).get(f"/log/shared/entries/{entry.pk}/").status_code == 404


@pytest.mark.parametrize("persona", OTHERS)
def test_nobody_else_can_post_to_the_owners_pages(request, client_for, entry, commitment, persona):
    sharing.share_item(item=entry)
    sharing.share_item(item=commitment)
    client = client_for(request.getfixturevalue(persona))
    assert client.post(f"/log/entries/{entry.pk}/delete/").status_code == 404
    assert client.post(f"/log/commitments/{commitment.pk}/reopen/").status_code == 404
    assert (
        client.post(f"/log/commitments/{commitment.pk}/", {"comment-text": "Sneaky"}).status_code
        == 404
    )
    assert (
        client.post(
            f"/accounts/share/accountability.entry/{entry.pk}/", {"action": "unshare"}
        ).status_code
        == 404
    )
    assert entry.__class__.objects.filter(pk=entry.pk).exists()
    assert not Comment.objects.exists()


def test_the_log_and_commitment_list_point_the_author_to_new_comments(
    client_for, worker, supervisor, entry, commitment
):
    CommentFactory(entry=entry, author=supervisor)
    CommentFactory(entry=entry, author=supervisor)
    CommentFactory(commitment=commitment, author=supervisor)
    client = client_for(worker)
    assert "2 new comments" in client.get("/log/").content.decode()
    assert "1 new comment" in client.get("/log/commitments/").content.decode()
    client.get(f"/log/entries/{entry.pk}/")
    assert "new comment" not in client.get("/log/").content.decode()
