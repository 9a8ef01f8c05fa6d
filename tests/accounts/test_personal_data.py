"""Download my data, and delete my private data (DESIGN.md, privacy promise 7)."""

import csv
import io
import json
import zipfile

import pytest

from allyship.accountability.models import Comment, Commitment, Entry, FollowUp
from allyship.accounts import personal_data, sharing
from allyship.accounts.csv_safe import neutralise, rows_to_csv
from allyship.accounts.models import Share, User
from tests.factories import CommentFactory, CommitmentFactory, EntryFactory, FollowUpFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 416", "'+1 416"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindent", "'\tindent"),
        ("plain words", "plain words"),
        (42, 42),
        (None, None),
    ],
)
def test_neutralise_defuses_formula_cells(cell, safe):
    assert neutralise(cell) == safe


def test_rows_to_csv_neutralises_every_cell():
    text = rows_to_csv([{"title": "=1+1", "note": "fine"}])
    assert list(csv.reader(io.StringIO(text))) == [["title", "note"], ["'=1+1", "fine"]]


@pytest.fixture
def worker_data(worker, supervisor):
    entry = EntryFactory(user=worker, title="=cmd|' /C calc'!A0", what_happened="Robin's words")
    commitment = CommitmentFactory(user=worker, entry=entry, text="Robin's commitment")
    FollowUpFactory(commitment=commitment, note="Robin's follow-up")
    sharing.share_item(item=entry)
    CommentFactory(entry=entry, author=supervisor, text="Sam's comment")
    CommentFactory(entry=entry, author=worker, text="Robin's reply")
    return entry


@pytest.fixture
def teammate_data(teammate):
    entry = EntryFactory(user=teammate, title="Jordan's entry", what_happened="Jordan's words")
    CommitmentFactory(user=teammate, text="Jordan's commitment")
    return entry


def download(client):
    response = client.post("/accounts/my-data/download/")
    assert response["Content-Type"] == "application/zip"
    assert "attachment;" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_export_holds_my_data_and_nothing_of_anyone_elses(
    client_for, worker, worker_data, teammate_data
):
    archive = download(client_for(worker))
    names = set(archive.namelist())
    assert {
        "data.json",
        "accounts_profile.csv",
        "accounts_shares.csv",
        "accountability_entries.csv",
        "accountability_commitments.csv",
        "accountability_follow_ups.csv",
        "accountability_comments.csv",
    } <= names
    everything = "".join(archive.read(name).decode() for name in names)
    for mine in ["Robin's words", "Robin's commitment", "Robin's follow-up", "Robin's reply"]:
        assert mine in everything
    for theirs in ["Jordan", "Sam's comment"]:
        assert theirs not in everything

    data = json.loads(archive.read("data.json"))
    assert data["person"] == "robin@maple.example"
    assert data["tables"]["accountability_entries"][0]["what_happened"] == "Robin's words"
    assert data["tables"]["accounts_shares"][0]["item_type"] == "entry"


def test_the_export_csv_neutralises_formula_cells(client_for, worker, worker_data):
    archive = download(client_for(worker))
    rows = list(csv.DictReader(io.StringIO(archive.read("accountability_entries.csv").decode())))
    assert rows[0]["title"] == "'=cmd|' /C calc'!A0"


def test_the_my_data_page_says_what_deletion_removes_and_keeps(client_for, worker):
    page = client_for(worker).get("/accounts/my-data/").content.decode()
    assert "Download my data" in page
    assert "log entries" in page
    assert "your team memberships" in page


def test_deletion_needs_the_confirmation_word(client_for, worker, worker_data):
    response = client_for(worker).post("/accounts/my-data/delete/", {"confirmation": "yes"})
    assert response.status_code == 200
    assert "Nothing has been deleted." in response.content.decode()
    assert Entry.objects.filter(user=worker).exists()


def test_deletion_removes_private_data_keeps_the_account_and_says_so(
    client_for, worker, supervisor, worker_data, teammate_data
):
    teammates_comment = CommentFactory(entry=teammate_data, author=worker, text="On Jordan's")
    client = client_for(worker)
    response = client.post("/accounts/my-data/delete/", {"confirmation": "DELETE"})
    assert response.url == "/accounts/my-data/deleted/"

    assert not Entry.objects.filter(user=worker).exists()
    assert not Commitment.objects.filter(user=worker).exists()
    assert not FollowUp.objects.filter(commitment__user=worker).exists()
    assert not Comment.objects.filter(author=worker).exists()
    assert not Comment.objects.filter(pk=teammates_comment.pk).exists()
    assert not Share.objects.filter(owner=worker).exists()
    # The account, memberships and everyone else's data stay.
    assert User.objects.filter(pk=worker.pk, is_active=True).exists()
    assert worker.memberships.count() == 1
    assert Entry.objects.filter(pk=teammate_data.pk).exists()

    summary = client.get("/accounts/my-data/deleted/").content.decode()
    assert "log entries: 1" in summary
    assert "commitments: 1" in summary
    assert "your team memberships" in summary
    # Shown once: reloading goes back to the My data page.
    assert client.get("/accounts/my-data/deleted/").url == "/accounts/my-data/"


def test_every_app_can_plug_in_its_own_data(worker):
    names = [source.name for source in personal_data.sources()]
    assert names[:1] == ["accounts"]
    assert "accountability" in names


def test_my_data_pages_require_sign_in(client):
    assert client.get("/accounts/my-data/").status_code == 302
    assert client.post("/accounts/my-data/download/").status_code == 302
