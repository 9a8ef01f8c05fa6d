"""The idle-session warning (WCAG 2.2.1): announced, reachable by keyboard, and it works."""

import pytest

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
