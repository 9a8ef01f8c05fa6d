"""The idle timeout: activity pushes it back, written at most once per interval."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from allyship.accounts import sessions

pytestmark = pytest.mark.django_db


def expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


@pytest.fixture
def clock(monkeypatch):
    """Move the session clock forward without waiting."""
    now = [sessions.time.time()]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    return now


def test_pages_within_the_interval_do_not_write_the_session(client_for, worker):
    client = client_for(worker)
    before = expiry(client)
    client.get(reverse("home"))
    assert expiry(client) == before


def test_activity_after_the_interval_pushes_the_timeout_back(client_for, worker, clock):
    client = client_for(worker)
    before = expiry(client)
    clock[0] += sessions.touch_interval() + 1
    client.get(reverse("home"))
    assert expiry(client) > before


def test_stay_signed_in_always_writes(client_for, worker):
    client = client_for(worker)
    before = expiry(client)
    assert client.post(reverse("accounts:keepalive")).status_code == 204
    assert expiry(client) > before


def test_the_interval_is_a_tenth_of_a_short_timeout(settings):
    settings.SESSION_COOKIE_AGE = 120
    assert sessions.touch_interval() == 12
    settings.SESSION_COOKIE_AGE = 30 * 60
    assert sessions.touch_interval() == 60
