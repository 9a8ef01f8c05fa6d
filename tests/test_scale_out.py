"""Two app processes, one database: the app keeps no state of its own, so it scales out.

Two gunicorn processes serve the test database on different ports, as two hosts behind a load
balancer would. A person signs in on one and carries on with the same session on the other; a
draft autosaved through one is read back through the other; failed sign-ins counted by one
lock the address out on the other too (django-axes keeps its counts in the database); group
figures and personal pages each process keeps show a change made anywhere at once
(accounts/versions.py).
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from allyship import devdb
from assessments.models import Answer, Attempt, Item
from tests.factories import (
    PASSWORD,
    AgencyAdminFactory,
    AgencyFactory,
    MembershipFactory,
    TeamFactory,
    build_instrument,
    submitted_attempt,
)

BASE_DIR = Path(__file__).resolve().parent.parent
FAILURE_LIMIT = 3


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _test_database_url():
    """The URL of the test database pytest-django created, on the server the tests use."""
    head, _, tail = devdb.database_url().rpartition("/")
    query = tail.partition("?")[2]
    return f"{head}/{connection.settings_dict['NAME']}" + (f"?{query}" if query else "")


class AppProcess:
    """One gunicorn process serving the app on its own loopback port."""

    def __init__(self, database_url):
        self.port = _free_port()
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(  # noqa: S603 - our own command line, no shell
            [str(gunicorn), "allyship.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{self.port}"],
            cwd=BASE_DIR,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "tests.settings",
                "DATABASE_URL": database_url,
                "DEBUG": "false",
                "ALLOWED_HOSTS": "127.0.0.1",
                "AXES_FAILURE_LIMIT": str(FAILURE_LIMIT),
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def wait_until_serving(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.process.stderr.read().decode())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"No app process on port {self.port} after {timeout} s")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.process.stderr.close()


class Browser:
    """Just enough of a browser: one cookie jar, used against any of the app processes.

    Cookies are kept by name whatever their Secure flag, as a browser behind the TLS proxy would.
    """

    def __init__(self):
        self.cookies = {}

    def request(self, app, method, path, form=None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        client = http.client.HTTPConnection("127.0.0.1", app.port, timeout=30)
        try:
            client.request(method, path, body=body, headers=headers)
            response = client.getresponse()
            text = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers, text
        finally:
            client.close()

    def get(self, app, path):
        return self.request(app, "GET", path)

    def post(self, app, path, form):
        return self.request(app, "POST", path, form)


@pytest.fixture
def two_apps(transactional_db):
    """Two app processes on the test database (committed data: a transactional test)."""
    url = _test_database_url()
    apps = [AppProcess(url), AppProcess(url)]
    try:
        for app in apps:
            app.wait_until_serving()
        yield apps
    finally:
        for app in apps:
            app.stop()


@pytest.fixture
def robin(transactional_db):
    return MembershipFactory(
        user__display_name="Robin", user__email="robin@maple.example", user__agency=None
    ).user


def _sign_in(browser, app, email, password):
    browser.get(app, "/accounts/sign-in/")
    return browser.post(app, "/accounts/sign-in/", {"username": email, "password": password})


def test_it_continues_a_session_and_a_draft_on_another_app_process(two_apps, robin):
    first, second = two_apps
    instrument = build_instrument(dimensions=1, scale_items=2)
    attempt = Attempt.objects.create(user=robin, instrument=instrument)
    reflection = Item.objects.get(dimension__instrument=instrument, kind=Item.Kind.REFLECTION)
    browser = Browser()

    status, headers, _ = _sign_in(browser, first, robin.email, PASSWORD)
    assert status == 302 and headers["Location"] == "/"

    status, _, page = browser.get(second, "/")
    assert status == 200
    assert "Robin" in page

    status, _, _ = browser.post(
        second,
        f"/assessments/attempt/{attempt.pk}/part/1/autosave/",
        {f"item_{reflection.pk}": "I interrupted a parent twice today."},
    )
    assert status == 204
    assert Answer.objects.get(attempt=attempt, item=reflection).text == (
        "I interrupted a parent twice today."
    )

    status, _, page = browser.get(first, f"/assessments/attempt/{attempt.pk}/part/1/")
    assert status == 200
    assert "I interrupted a parent twice today." in page


def test_it_counts_failed_sign_ins_across_app_processes(two_apps, robin):
    first, second = two_apps
    browser = Browser()
    for attempt in range(FAILURE_LIMIT - 1):
        status, _, page = _sign_in(browser, (second, first)[attempt % 2], robin.email, "wrong")
        assert status == 200
        assert "match an account" in page
    _sign_in(browser, first, robin.email, "wrong")

    status, _, page = _sign_in(browser, second, robin.email, PASSWORD)
    assert status == 429
    assert "Sign-in is paused" in page


def test_group_figures_changed_anywhere_show_on_every_process(two_apps):
    """Each process caches group figures; a change made elsewhere shows on both at once."""
    agency = AgencyFactory()
    team = TeamFactory(agency=agency, name="Intake")
    admin = AgencyAdminFactory(agency=agency)
    instrument = build_instrument(dimensions=1)
    people = [MembershipFactory(team=team).user for _ in range(5)]
    for person in people[:4]:
        submitted_attempt(person, instrument, score=64)
    browser = Browser()
    _sign_in(browser, two_apps[0], admin.email, PASSWORD)
    for app in two_apps:
        status, _, page = browser.get(app, "/teams/agency/")
        assert status == 200
        assert "Fewer than 5 responses" in page

    # Submitted through neither process, as on a third host.
    submitted_attempt(people[4], instrument, score=64)

    for app in two_apps:
        _, _, page = browser.get(app, "/teams/agency/")
        assert "Fewer than 5 responses" not in page
        assert re.search(r'<td class="text-end">\s*64\s*</td>', page)


def test_a_persons_pages_kept_by_each_process_show_an_entry_written_through_the_other(
    two_apps, robin
):
    """Each process keeps a person's home and log; what they write through one shows on both."""
    browser = Browser()
    _sign_in(browser, two_apps[0], robin.email, PASSWORD)
    for app in two_apps:
        for path in ("/", "/log/"):
            status, _, page = browser.get(app, path)
            assert status == 200
            assert "Called the grandmother back" not in page

    status, _, _ = browser.post(
        two_apps[1],
        "/log/entries/new/",
        {
            "kind": "action",
            "date": "2026-03-02",
            "title": "Called the grandmother back",
            "level": "individual",
        },
    )
    assert status == 302

    for app in two_apps:
        for path in ("/", "/log/"):
            _, _, page = browser.get(app, path)
            assert "Called the grandmother back" in page
