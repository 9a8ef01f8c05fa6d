"""English and French on every page: the switch, <html lang>, and dates written the local way."""

import datetime
import re

import pytest
from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse
from django.utils import translation
from django.utils.formats import date_format

from allyship.views import server_error
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

SWITCH = 'action="/i18n/setlang/"'


def in_french(client):
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/sign-in/",
        "/accounts/password/reset/",
        "/accounts/password/reset/sent/",
        "/accounts/password/reset/MQ/not-a-token/",
        "/accounts/password/reset/done/",
        "/no-such-page/",
    ],
)
def test_signed_out_pages_offer_the_language_switch_in_french(client, url):
    html = in_french(client).get(url).content.decode()
    assert '<html lang="fr">' in html
    assert SWITCH in html
    assert re.search(r'<option value="fr"[^>]*selected', html)


def test_a_page_not_found_speaks_the_persons_language(client_for, worker):
    worker.preferred_language = "fr"
    worker.save()
    response = client_for(worker).get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Nous ne trouvons pas cette page" in html
    assert SWITCH in html


def test_an_expired_form_page_has_the_layout_and_a_working_switch(worker, password):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("accounts:login"), {"username": "robin@maple.example", "password": password}
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "For your security, this form expired" in html
    assert SWITCH in html
    assert 'name="csrfmiddlewaretoken" value="' in html
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    switched = client.post(
        reverse("set_language"), {"language": "fr", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302
    assert switched.cookies["django_language"].value == "fr"


def test_the_500_page_is_in_the_current_language_with_a_switch():
    assert get_resolver().resolve_error_handler(500) is server_error
    with translation.override("fr"):
        response = server_error(RequestFactory().get("/somewhere/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr">' in html
    assert "Un problème est survenu de notre côté" in html
    assert SWITCH in html
    assert 'name="csrfmiddlewaretoken" value="' in html
    assert 'name="next" type="hidden" value="/somewhere/"' in html


def test_dates_are_written_the_french_canadian_way(client_for, worker):
    EntryFactory(user=worker, title="Asked first", date=datetime.date(2026, 3, 2))
    client = client_for(worker)
    assert "March 2, 2026" in client.get(reverse("accountability:log")).content.decode()
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert "2 mars 2026" in client.get(reverse("accountability:log")).content.decode()
    with translation.override("fr"):
        assert date_format(datetime.date(2026, 3, 2), "SHORT_DATE_FORMAT") == "2026-03-02"
        when = datetime.datetime(2026, 3, 2, 13, 40)
        assert date_format(when, "DATETIME_FORMAT") == "2 mars 2026, 13\xa0h\xa040"
