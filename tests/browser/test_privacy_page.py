import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_privacy_promise_is_reached_from_the_footer_and_accessible(
    page, sign_in, worker, password, assert_accessible
):
    sign_in(worker.email, password)
    page.get_by_role("link", name="Our privacy promise").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Our privacy promise"
    assert_accessible()
