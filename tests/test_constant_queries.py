"""The benchmarked pages make the same number of queries for a small agency and a large one.

Both agencies come from the benchmark's own seeder (``bench.seed``), with the same history per
person, so every page of ``bench.pages.PAGES`` is checked here too: a page added to the benchmark
is held to constant queries without another test.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allyship.accounts import figures
from bench.pages import FLOOR, PAGES
from bench.seed import seed

MAX_QUERIES = 15


@pytest.fixture
def agencies(db):
    """An agency of 8 people (one team of 8) and one of 60 (a team of 50 and 39 small ones)."""
    return seed(8, slug="small"), seed(60, slug="large")


def _queries(client_for, personas, page, *, cached=True):
    client = client_for(getattr(personas, page.viewer))
    path = page.url(personas)
    client.get(path)  # the first visit may record progress; count a returning visit
    if not cached:  # as the first visit after a change to the agency's data
        caches[figures.CACHE].clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return [query["sql"] for query in context.captured_queries]


@pytest.mark.parametrize("cached", [True, False], ids=["figures cached", "figures not cached"])
def test_every_benchmarked_page_makes_the_same_queries_for_8_or_60_people(
    client_for, agencies, cached
):
    small, large = agencies
    few = {page.name: len(_queries(client_for, small, page, cached=cached)) for page in PAGES}
    many = {page.name: len(_queries(client_for, large, page, cached=cached)) for page in PAGES}
    assert few == many
    assert max(many.values()) <= MAX_QUERIES, many


def test_the_floor_page_reads_only_the_session_and_the_person(client_for, agencies):
    """The benchmark's floor runs no query of the app's own, so it measures the framework."""
    floor = next(page for page in PAGES if page.name == FLOOR)
    session, person = _queries(client_for, agencies[0], floor)
    assert 'FROM "django_session"' in session
    # The person's row carries their roles, read in the same query.
    assert 'FROM "accounts_user"' in person
