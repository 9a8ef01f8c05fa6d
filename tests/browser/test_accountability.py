import pytest

from allyship.accountability.models import Commitment
from tests.factories import CommentFactory, CommitmentFactory, EntryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_write_share_comment_and_reply(
    page, site, sign_in, assert_accessible, worker, supervisor, password
):
    sign_in("robin@maple.example", password)
    page.goto(f"{site}/log/")
    assert "Your log is empty" in page.locator("main").inner_text()
    assert_accessible()

    page.get_by_role("link", name="Write an entry").click()
    assert_accessible()
    page.get_by_label("Mistake and repair").check()
    page.get_by_label("Title").fill("Talked over a grandmother at a meeting")
    page.get_by_label("What happened").fill("I explained the plan before she had finished.")
    page.get_by_label("What I learned").fill("She knew what would work at home.")
    page.get_by_label("Agency", exact=True).check()
    page.get_by_label("Indigenous peoples").check()
    page.get_by_role("button", name="Save entry").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Talked over a grandmother at a meeting"
    )
    assert_accessible()
    page.get_by_role("button", name="Share with my supervisor(s)").click()
    assert "Shared with your supervisor(s)" in page.locator("main").inner_text()
    entry_url = page.url
    page.get_by_role("button", name="Sign out").click()

    sign_in("sam@maple.example", password)
    page.goto(f"{site}/log/shared/")
    assert_accessible()
    page.get_by_role("link", name="Talked over a grandmother at a meeting").click()
    assert "She knew what would work at home." in page.locator("main").inner_text()
    page.get_by_label("Your comment").fill("Thank you for naming this. What helped you notice?")
    page.get_by_role("button", name="Post comment").click()
    assert "What helped you notice?" in page.locator("main").inner_text()
    assert_accessible()
    page.get_by_role("button", name="Sign out").click()

    sign_in("robin@maple.example", password)
    page.goto(entry_url)
    main = page.locator("main").inner_text()
    assert "What helped you notice?" in main and "New" in main
    assert "Sam" in main  # seen by
    page.get_by_label("Your comment").fill("Her face, when I kept talking.")
    page.get_by_role("button", name="Post reply").click()
    assert "Her face, when I kept talking." in page.locator("main").inner_text()
    assert_accessible()


def test_the_client_information_warning_keeps_the_text(page, site, sign_in, worker, password):
    sign_in("robin@maple.example", password)
    page.goto(f"{site}/log/entries/new/")
    page.get_by_label("Title").fill("A phone call")
    page.get_by_label("What happened").fill("Called 416-555-0199 after the visit.")
    page.get_by_role("button", name="Save entry").click()
    assert "Check for client information" in page.locator("main").inner_text()
    kept = page.get_by_label("What happened").input_value()
    assert kept == "Called 416-555-0199 after the visit."
    page.get_by_label("save anyway").check()
    page.get_by_role("button", name="Save entry").click()
    assert page.get_by_role("heading", level=1).inner_text() == "A phone call"


def test_log_commitment_and_my_data_pages_are_accessible(
    page, site, sign_in, assert_accessible, worker, supervisor, password
):
    commitment = CommitmentFactory(user=worker, text="Ask families which format they prefer")
    CommitmentFactory(user=worker, text="An overdue one", due_date="2020-01-01")
    entry = EntryFactory(user=worker, title="Listened before explaining")
    CommentFactory(entry=entry, author=supervisor, text="Well noticed.")
    sign_in("robin@maple.example", password)
    page.goto(f"{site}/log/?q=listened")
    main = page.locator("main").inner_text()
    assert "Overdue commitments" in main and "1 new comment" in main
    assert_accessible()
    page.goto(f"{site}/log/commitments/")
    assert "Overdue" in page.locator("main").inner_text()
    assert_accessible()
    page.goto(f"{site}/log/commitments/{commitment.pk}/")
    assert_accessible()
    page.get_by_role("link", name="Close: done or dropped").click()
    assert_accessible()
    page.get_by_label("Done: I did it").check()
    page.get_by_label("What changed?").fill("I ask at the first visit now.")
    page.get_by_role("button", name="Close commitment").click()
    assert Commitment.objects.get(pk=commitment.pk).status == "done"
    page.goto(f"{site}/log/commitments/new/")
    assert_accessible()
    page.goto(f"{site}/accounts/my-data/")
    assert_accessible()
    page.goto(f"{site}/accounts/preferences/")
    assert_accessible()
