"""The idle-session warning (WCAG 2.2.1): announced, reachable by keyboard, and it works."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_warns_before_the_session_ends_and_stays_signed_in(
    page, site, sign_in, worker, password, assert_accessible
):
    sign_in("robin@maple.example", password)
    page.clock.install()
    page.goto(f"{site}/")
    warning = page.get_by_role("alertdialog", name="Are you still there?")
    assert warning.is_hidden()

    page.clock.fast_forward("28:05")
    assert warning.is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Stay signed in"
    assert_accessible()

    with page.expect_response("**/accounts/keepalive/") as keepalive:
        page.keyboard.press("Enter")
    assert keepalive.value.status == 204
    assert warning.is_hidden()


def test_when_the_time_is_up_it_returns_to_sign_in_and_back(page, site, sign_in, worker, password):
    sign_in("robin@maple.example", password)
    page.clock.install()
    page.goto(f"{site}/accounts/password/")
    page.context.clear_cookies()
    page.clock.fast_forward("30:01")
    page.wait_for_url("**/accounts/sign-in/**")
    assert page.url.endswith("/accounts/sign-in/?next=%2Faccounts%2Fpassword%2F")
    sign_in_again = page.get_by_label("Email address")
    sign_in_again.fill("robin@maple.example")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/password/")


DRAFT = "I talked over the grandmother when she tried to explain the family's plan. Next time…"


def _end_the_session_on_the_server():
    from django.contrib.sessions.models import Session

    Session.objects.all().delete()


def _sign_in_again(page, password):
    page.get_by_label("Email address").fill("robin@maple.example")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_log_entry_typed_as_the_session_ends_comes_back_after_signing_in(
    page, site, sign_in, worker, password
):
    from allyship.accountability.models import Entry

    sign_in("robin@maple.example", password)
    page.wait_for_url(f"{site}/")
    page.goto(f"{site}/log/entries/new/")
    page.get_by_label("Title").fill("Talking over a grandmother")
    page.get_by_label("What happened").fill(DRAFT)
    _end_the_session_on_the_server()

    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url("**/accounts/sign-in/**")
    assert page.url.endswith("/accounts/sign-in/?next=/log/entries/new/")
    _sign_in_again(page, password)

    page.wait_for_url(f"{site}/log/entries/new/")
    expect(page.get_by_label("What happened")).to_have_value(DRAFT)
    expect(page.get_by_text("We brought back text you had typed on this page")).to_be_visible()
    assert not Entry.objects.exists()

    page.get_by_label("Title").fill("Talking over a grandmother")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    assert Entry.objects.get(user=worker).what_happened == DRAFT
    # Saved, so the draft is gone: a new entry starts empty.
    page.goto(f"{site}/log/entries/new/")
    expect(page.get_by_label("What happened")).to_have_value("")


def test_a_lesson_reflection_typed_as_the_session_ends_comes_back_on_the_lesson(
    page, site, sign_in, worker, password
):
    from learning.models import ReflectionPrompt
    from tests.factories import LessonFactory

    lesson = LessonFactory(title="Whose knowledge counts")
    ReflectionPrompt.objects.create(lesson=lesson, prompt="When did you last defer to a parent?")
    lesson_url = f"{site}{lesson.get_absolute_url()}"
    sign_in("robin@maple.example", password)
    page.wait_for_url(f"{site}/")
    page.goto(lesson_url)
    page.get_by_label("Your reflection (private)").fill(DRAFT)
    _end_the_session_on_the_server()

    # The form posts to its own URL; signing in leads back to the lesson, not there.
    page.get_by_role("button", name="Save my reflection").click()
    page.wait_for_url("**/accounts/sign-in/**")
    assert page.url.endswith(f"/accounts/sign-in/?next={lesson.get_absolute_url()}")
    _sign_in_again(page, password)

    page.wait_for_url(lesson_url)
    expect(page.get_by_label("Your reflection (private)")).to_have_value(DRAFT)


def test_signing_out_forgets_unsaved_drafts(page, site, sign_in, worker, password):
    sign_in("robin@maple.example", password)
    page.wait_for_url(f"{site}/")
    page.goto(f"{site}/log/entries/new/")
    page.get_by_label("What happened").fill(DRAFT)

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/sign-in/**")
    sign_in("robin@maple.example", password)
    page.wait_for_url(f"{site}/")
    page.goto(f"{site}/log/entries/new/")
    expect(page.get_by_label("What happened")).to_have_value("")
