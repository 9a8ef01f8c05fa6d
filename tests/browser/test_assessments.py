"""Taking a self-assessment with the keyboard alone, leaving, resuming, submitting."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Answer, Attempt, Item
from tests.browser.conftest import WCAG_21_AA
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


def test_two_tabs_autosaving_one_answer_never_overwrite_each_other(
    page, site, sign_in, axe, worker, password
):
    instrument = build_instrument(title="Two tabs", dimensions=1, scale_items=1)
    attempt = Attempt.objects.create(user=worker, instrument=instrument)
    reflection = Item.objects.get(dimension__instrument=instrument, kind="reflection")
    sign_in("robin@maple.example", password)
    url = f"{site}/assessments/attempt/{attempt.pk}/part/1/"
    page.goto(url)
    other_tab = page.context.new_page()
    other_tab.goto(url)

    # This tab autosaves twice: its own earlier save is not "another tab".
    page.get_by_label("Reflect 1").fill("First words")
    expect(page.get_by_text("Saved", exact=True)).to_be_visible()
    page.get_by_label("Reflect 1").fill("First words, then more")
    page.wait_for_function(
        "id => document.querySelector(`[name=was_item_${id}]`).value.endsWith('then more')",
        arg=reflection.pk,
    )
    assert Answer.objects.get(item=reflection).text == "First words, then more"

    # The other tab, opened before those saves, types over the same answer: it is told, and the
    # newer answer stays.
    other_tab.get_by_label("Reflect 1").fill("Other tab's words")
    expect(other_tab.get_by_text("Another tab or window changed an answer here")).to_be_visible()
    assert Answer.objects.get(item=reflection).text == "First words, then more"

    # Saving the page shows both, and a second save keeps the other tab's words.
    other_tab.get_by_role("button", name="Save and finish later").click()
    expect(other_tab.get_by_text("Saved now, from another tab or window:")).to_be_visible()
    expect(other_tab.get_by_label("Reflect 1")).to_have_value("Other tab's words")
    report = axe.run(other_tab, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert report.violations_count == 0, report.generate_report()
    other_tab.get_by_role("button", name="Save and finish later").click()
    expect(other_tab).to_have_url(re.compile(r"/assessments/$"))
    assert Answer.objects.get(item=reflection).text == "Other tab's words"
