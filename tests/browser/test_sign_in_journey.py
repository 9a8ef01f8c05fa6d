import pytest
from django.test import override_settings

from allyship.teams.demo import seed_demo_agency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(DEBUG=True)
def test_demo_worker_signs_in_reaches_home_and_signs_out(page, site, sign_in, assert_accessible):
    seed_demo_agency()
    page.goto(f"{site}/")
    assert "/accounts/sign-in/" in page.url
    assert_accessible()

    sign_in("worker@demo.allyship.test", "allyship-demo")
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome, Robin Worker"
    assert_accessible()

    page.get_by_role("button", name="Sign out").click()
    assert "/accounts/sign-in/" in page.url
    page.goto(f"{site}/")
    assert "/accounts/sign-in/" in page.url


def test_a_wrong_password_is_announced_and_keeps_the_email(page, site, sign_in, worker):
    sign_in("robin@maple.example", "not the password")
    assert page.get_by_label("Email address").input_value() == "robin@maple.example"
    assert "don't match an account" in page.locator("main").inner_text()


def test_the_skip_link_is_the_first_stop_for_the_keyboard(page, site, sign_in, worker, password):
    sign_in("robin@maple.example", password)
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
