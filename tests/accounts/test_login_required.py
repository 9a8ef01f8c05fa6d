"""Every page needs a signed-in person, except sign-in, password reset and the language switch."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

PUBLIC = {
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "set_language",
}
SAMPLE = {"int": "1", "str": "x", "slug": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, route, ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", route


def sample_path(route):
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), route)
    return "/" + re.sub(r"[\^\$]|\(\?P<\w+>[^)]*\)", "x", path).replace("\\", "")


APP_URLS = [
    (name, route) for name, route in walk(get_resolver().url_patterns) if "admin" not in name
]


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
