"""Taking a self-assessment with the keyboard alone, leaving, resuming, submitting."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import build_instrument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _answer_with_arrows(page, legend, presses):
    """Focus the first radio of a question and move with the arrow keys (selects as it moves)."""
    group = page.get_by_role("group", name=legend)
    group.get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    for _ in range(presses):
        page.keyboard.press("ArrowRight")


def _press(page, locator):
    locator.focus()
    page.keyboard.press("Enter")


def test_a_worker_takes_leaves_resumes_and_submits_with_the_keyboard(
    page, site, sign_in, assert_accessible, worker, password
):
    build_instrument(title="Allyship in my practice", dimensions=2, scale_items=2)
    sign_in("robin@maple.example", password)
    page.goto(f"{site}/assessments/")
    assert_accessible()

    _press(page, page.get_by_role("link", name="Start"))
    _press(page, page.get_by_role("button", name="Begin"))
    expect(page.get_by_text("Part 1 of 2")).to_be_visible()
    assert_accessible()
    _answer_with_arrows(page, "Scale 1.1", 3)
    _answer_with_arrows(page, "Scale 1.2", 1)
    page.get_by_label("Reflect 1").focus()
    page.keyboard.type("I asked the family what they needed.")
    _press(page, page.get_by_role("button", name="Next part"))
    expect(page.get_by_text("Part 2 of 2")).to_be_visible()

    _press(page, page.get_by_role("button", name="Save and finish later"))
    expect(page).to_have_url(re.compile(r"/assessments/$"))
    _press(page, page.get_by_role("link", name="Resume where you left off"))
    expect(page.get_by_text("Part 2 of 2")).to_be_visible()
    _press(page, page.get_by_role("button", name="Previous part"))
    expect(page.get_by_label("Reflect 1")).to_have_value("I asked the family what they needed.")
    expect(page.get_by_role("group", name="Scale 1.1").get_by_label("Often")).to_be_checked()
    _press(page, page.get_by_role("button", name="Next part"))

    _answer_with_arrows(page, "Scale 2.1", 4)
    _press(page, page.get_by_role("button", name="Review my answers"))
    expect(page.get_by_role("heading", name="A few questions still need an answer")).to_be_visible()
    assert_accessible()
    _press(page, page.get_by_role("link", name="Scale 2.2"))
    expect(page.get_by_text("Part 2 of 2")).to_be_visible()
    _answer_with_arrows(page, "Scale 2.2", 0)
    _press(page, page.get_by_role("button", name="Review my answers"))
    expect(page.get_by_text("Every question has an answer")).to_be_visible()
    _press(page, page.get_by_role("button", name="Submit"))

    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Scores per dimension over your attempts")).to_be_visible()
    expect(page.get_by_role("table")).to_be_visible()
    assert "I asked the family what they needed." in page.locator("main").inner_text()
    assert_accessible()
