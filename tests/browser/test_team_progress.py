"""A supervisor assigns a module; the worker sees it at home and completes it; it shows done."""

import pytest

from tests.factories import LessonFactory, ModuleFactory, build_instrument, submitted_attempt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_assignment_from_supervisor_to_done(
    page,
    site,
    sign_in,
    supervisor,
    worker,
    teammate,
    team,
    agency_admin,
    password,
    assert_accessible,
):
    module = ModuleFactory(title="Power with families")
    LessonFactory(module=module, order=1, title="Where power sits")
    LessonFactory(module=module, order=2, title="Sharing power")
    instrument = build_instrument(title="Allyship in my practice")
    submitted_attempt(worker, instrument, score=60)

    sign_in(supervisor.email, password)
    page.goto(f"{site}/teams/{team.pk}/")
    assert_accessible()
    page.get_by_role("link", name="Assign a module or self-assessment").click()
    page.get_by_label("What to assign").select_option(label="Power with families")
    page.get_by_label("Note").fill("Let's talk about it at the next team meeting.")
    assert_accessible()
    page.get_by_role("button", name="Assign").click()
    page.wait_for_selector("text=Assigned “Power with families”")
    matrix = page.locator("table.progress-matrix")
    assert matrix.locator("tbody tr").count() == 2
    assert matrix.get_by_text("Not started").count() == 2
    page.get_by_role("button", name="Sign out").click()

    sign_in(worker.email, password)
    page.wait_for_selector("h1:has-text('Welcome, Robin')")
    assigned = page.locator("section[aria-labelledby='assigned-heading']")
    assert "Power with families" in assigned.inner_text()
    assert "Let's talk about it at the next team meeting." in assigned.inner_text()
    assert_accessible()
    assigned.get_by_role("link", name="Power with families").click()
    page.get_by_role("link", name="Start").first.click()
    page.get_by_role("link", name="Next lesson").click()
    page.wait_for_selector("h1:has-text('Sharing power')")
    page.goto(f"{site}/")
    assert "Nothing is waiting for you." in page.locator("main").inner_text()
    page.get_by_role("button", name="Sign out").click()

    sign_in(supervisor.email, password)
    page.goto(f"{site}/teams/{team.pk}/")
    row = page.locator("table.progress-matrix tbody tr", has_text="Robin")
    assert "Done" in row.inner_text()
    assert "50% (1 of 2)" in page.locator("table.progress-matrix tfoot").inner_text()
    page.get_by_role("button", name="Sign out").click()

    sign_in(agency_admin.email, password)
    page.goto(f"{site}/teams/agency/")
    assert "Intake" in page.locator("main").inner_text()
    assert_accessible()
