"""Every page needs a signed-in person, except sign-in, password reset and the language switch."""

import pytest
from django.urls import reverse

from tests.resolver import sample_path, walk

pytestmark = pytest.mark.django_db

PUBLIC = {
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "set_language",
}
APP_URLS = [(name, route) for name, route in walk() if "admin" not in name]


@pytest.mark.parametrize(("name", "route"), APP_URLS, ids=[name for name, _ in APP_URLS])
def test_every_page_but_sign_in_and_reset_redirects_to_sign_in(client, name, route):
    response = client.get(sample_path(route))
    if name in PUBLIC:
        assert response.status_code in {200, 302, 405}
        if response.status_code == 302:
            assert not response.url.startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("accounts:login") + "?next="), name


def test_the_admin_asks_anonymous_people_to_sign_in(client):
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 302
    assert response.url == reverse("accounts:login") + "?next=/admin/accounts/user/"


# A form sent after the session ended: sign in, then back to the page it was typed on, where the
# browser restores the draft (tests/browser/test_session.py drives the whole journey).
REFLECT = "/learning/some-module/lessons/3/reflections/4/"


def test_a_form_sent_signed_out_leads_back_to_its_page_after_sign_in(client):
    response = client.post(
        REFLECT, {"r4-text": "typed"}, HTTP_REFERER="http://testserver/learning/some-module/"
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=/learning/some-module/"


def test_a_foreign_referer_is_not_followed(client):
    response = client.post(REFLECT, {}, HTTP_REFERER="https://evil.example/learning/")
    assert response["Location"] == f"/accounts/sign-in/?next={REFLECT}"


def test_without_a_referer_the_form_url_is_next(client):
    response = client.post(REFLECT, {})
    assert response["Location"] == f"/accounts/sign-in/?next={REFLECT}"


def test_a_signed_out_get_keeps_its_own_url_as_next(client):
    response = client.get("/log/?q=mine", HTTP_REFERER="http://testserver/learning/")
    assert response["Location"] == "/accounts/sign-in/?next=/log/%3Fq%3Dmine"
