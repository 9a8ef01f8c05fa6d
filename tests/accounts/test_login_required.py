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
