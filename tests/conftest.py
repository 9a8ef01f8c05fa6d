"""Personas shared by every test, after healthchecks' Alice, Bob and Charlie.

- ``worker``: the owner of the private items under test (Robin, team "Intake").
- ``supervisor``: supervises the worker's team (Sam).
- ``teammate``: another member of the worker's team (Jordan).
- ``other_supervisor``: supervises another team of the same agency (Casey).
- ``stranger``: a supervisor in another agency (Drew), with their own team.
- ``trainer`` and ``agency_admin`` of the worker's agency.
"""

import os

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import (
    PASSWORD,
    AgencyAdminFactory,
    AgencyFactory,
    MembershipFactory,
    TeamFactory,
    TrainerFactory,
)

# Playwright's sync API runs an event loop in the test thread; Django must allow DB access there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _empty_caches():
    """Cached figures are keyed by agency id and version, which start again in every test."""
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _each_test_starts_in_english():
    """A request leaves its person's language active in the test thread; content factories write
    the active language's fields (``title`` is ``title_fr`` in French), so reset it every test."""
    with translation.override("en"):
        yield


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Maple County Children's Aid Society", slug="maple")


@pytest.fixture
def team(agency):
    return TeamFactory(agency=agency, name="Intake")


@pytest.fixture
def worker(team):
    return MembershipFactory(
        team=team, user__display_name="Robin", user__email="robin@maple.example"
    ).user


@pytest.fixture
def supervisor(team):
    return MembershipFactory(
        team=team,
        role="supervisor",
        user__display_name="Sam",
        user__email="sam@maple.example",
    ).user


@pytest.fixture
def teammate(team):
    return MembershipFactory(
        team=team, user__display_name="Jordan", user__email="jordan@maple.example"
    ).user


@pytest.fixture
def other_supervisor(agency):
    other_team = TeamFactory(agency=agency, name="Family services")
    MembershipFactory(team=other_team, user__display_name="Lee")
    return MembershipFactory(team=other_team, role="supervisor", user__display_name="Casey").user


@pytest.fixture
def stranger(db):
    elsewhere = TeamFactory(agency=AgencyFactory(name="Far Away CAS", slug="far"), name="Intake")
    MembershipFactory(team=elsewhere, user__display_name="Quinn")
    return MembershipFactory(team=elsewhere, role="supervisor", user__display_name="Drew").user


@pytest.fixture
def trainer(agency):
    return TrainerFactory(agency=agency, display_name="Taylor")


@pytest.fixture
def agency_admin(agency):
    return AgencyAdminFactory(agency=agency, display_name="Alex")


@pytest.fixture
def client_for():
    """A test client signed in as the given person."""

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def count_queries():
    """How many SQL queries a call makes: pages must make the same number whatever the data.

    Counted with empty caches, as after a change to the figures: the most a page makes.
    """

    def count(function, *args, **kwargs):
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as context:
            function(*args, **kwargs)
        return len(context.captured_queries)

    return count


@pytest.fixture
def password():
    return PASSWORD
