"""Seed, serve as in production, drive each page with wrk, report. See "Benchmark" in README.md.

Run it with ``make bench`` (or ``python -m bench --help``). The data set lives in its own database
(``<name>_bench`` beside the development one) and is kept between runs at the same size.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results.json"
CONNECTIONS = 8
GUNICORN_WORKERS = 2
# The targets of issue 8, checked on the printed table.
MIN_RATIO, MAX_P99_MS, MAX_QUERIES, MAX_RSS_MB = 0.5, 150, 15, 200


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--workers", type=int, help="size of the agency (default 600; 60 quick)")
    parser.add_argument("--duration", type=int, help="seconds per page (default 10; 3 quick)")
    parser.add_argument(
        "--quick", action="store_true", help="60 workers, 3 s a page: done in under a minute"
    )
    parser.add_argument("--reseed", action="store_true", help="drop and seed the data set again")
    parser.add_argument(
        "--pages",
        help="comma-separated page names to drive (default all; the floor always runs)",
    )
    arguments = parser.parse_args(argv)
    arguments.workers = arguments.workers or (60 if arguments.quick else 600)
    arguments.duration = arguments.duration or (3 if arguments.quick else 10)
    return arguments


def _bench_database_url():
    from allyship import devdb

    url = devdb.database_url(start=True)
    head, _, tail = url.rpartition("/")
    name, query = tail.partition("?")[::2]
    if not name.endswith("_bench"):
        name = f"{name}_bench"
    return f"{head}/{name}" + (f"?{query}" if query else "")


def _production_environment(database_url):
    """What production sets, for this process and for gunicorn: DEBUG off, a real secret key."""
    return {
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
    }


def _prepare_data(arguments, database_url):
    """Migrate and seed (or reuse a data set of the same size); return personas and seconds."""
    from allyship import devdb

    devdb.ensure_database(database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import seed

    call_command("migrate", verbosity=0, interactive=False)
    personas = None if arguments.reseed else seed.existing(arguments.workers)
    if personas is not None:
        print(f"Reusing the data set of {arguments.workers} workers (--reseed to rebuild it).")
        return personas, None
    if arguments.reseed or seed.Agency.objects.filter(slug=seed.AGENCY_SLUG).exists():
        connection.close()
        devdb.drop_database(database_url)
        devdb.ensure_database(database_url)
        call_command("migrate", verbosity=0, interactive=False)
    print(f"Seeding {arguments.workers} workers…", flush=True)
    started = time.monotonic()
    personas = seed.seed(arguments.workers)
    seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Seeded in {seconds:.1f} s.")
    return personas, seconds


def _sessions(personas):
    """A signed-in session per viewer, written straight to the session table."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from allyship.accounts.sessions import touch_session

    keys = {}
    for viewer in ("worker", "supervisor", "agency_admin"):
        user = getattr(personas, viewer)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        touch_session(session)  # as signing in does
        session.create()
        keys[viewer] = session.session_key
    return keys


def _count_queries(client, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(page["path"], headers={"X-Forwarded-Proto": "https"})
    if response.status_code != 200:
        where = response.get("Location", "")
        sys.exit(f"{page['name']} ({page['path']}): {response.status_code} {where}, not 200.")
    return len(context.captured_queries)


def _query_counts(pages, sessions):
    """SQL queries per request, counted in-process through Django's test client.

    Twice: with group figures and personal pages kept, as wrk finds them, and with those caches
    empty, as the first request after a change to the data behind a page finds them.
    """
    from django.conf import settings
    from django.core.cache import caches
    from django.test import Client

    counts = {}
    for page in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[page["viewer"]]
        _count_queries(client, page)  # warms Django's own caches (content types, templates)
        for cache in caches.all():
            cache.clear()
        uncached = _count_queries(client, page)
        counts[page["name"]] = {
            "queries": _count_queries(client, page),
            "queries_uncached": uncached,
        }
    return counts


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_gunicorn(environment, port):
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen(  # noqa: S603 - our own command line, no shell
        [
            str(gunicorn),
            "allyship.wsgi",
            "--workers",
            str(GUNICORN_WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env={**os.environ, **environment},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            if process.poll() is not None:
                sys.exit("gunicorn exited before serving; see its output above.")
            time.sleep(0.2)
    process.terminate()
    sys.exit("gunicorn did not start serving within 30 seconds.")


def _headers(session_key):
    from django.conf import settings

    return {
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={session_key}",
        # As the TLS-terminating proxy in front of production would say.
        "X-Forwarded-Proto": "https",
    }


def _check_page(base, page, session_key):
    request = urllib.request.Request(  # noqa: S310 - loopback http only
        base + page["path"], headers=_headers(session_key)
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            status, final = response.status, response.geturl()
    except urllib.error.HTTPError as error:
        status, final = error.code, page["path"]
    if status != 200 or not final.endswith(page["path"]):
        sys.exit(f"{page['name']}: {page['path']} answered {status} ({final}), not the page.")


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS_MS[unit]


def _wrk(base, page, session_key, duration):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for name, value in _headers(session_key).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # noqa: S603 - our own command line, no shell
        [*command, base + page["path"]], capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(output)


def parse_wrk(output):
    """Requests/s, p50 and p99 in ms, and failed requests, from wrk's ``--latency`` report."""
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"Socket errors:.* timeout (\d+)", output)
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99_ms": _milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "errors": (int(errors.group(1)) if errors else 0)
        + (int(timeouts.group(1)) if timeouts else 0),
    }


def _worker_rss_mb(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


def _table(rows):
    header = ("page", "req/s", "p50 ms", "p99 ms", "× floor", "queries", "uncached")
    lines = [header] + [
        (
            row["name"],
            f"{row['requests_per_second']:.0f}",
            f"{row['p50_ms']:.1f}",
            f"{row['p99_ms']:.1f}",
            f"{row['ratio_to_floor']:.2f}",
            str(row["queries"]),
            str(row["queries_uncached"]),
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    rendered = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    ]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(rendered)


def _misses(rows, rss):
    from bench.pages import FLOOR

    misses = []
    for row in rows:
        if row["name"] != FLOOR and row["ratio_to_floor"] < MIN_RATIO:
            misses.append(f"{row['name']}: {row['ratio_to_floor']:.2f} × the floor (< {MIN_RATIO})")
        if row["p99_ms"] > MAX_P99_MS:
            misses.append(f"{row['name']}: p99 {row['p99_ms']:.0f} ms (> {MAX_P99_MS})")
        most = max(row["queries"], row["queries_uncached"])
        if most > MAX_QUERIES:
            misses.append(f"{row['name']}: {most} queries (> {MAX_QUERIES})")
        if row["errors"]:
            misses.append(f"{row['name']}: {row['errors']} responses were not 2xx/3xx")
    misses += [
        f"a gunicorn worker: {mb:.0f} MB RSS (> {MAX_RSS_MB})" for mb in rss if mb > MAX_RSS_MB
    ]
    return misses


def main(argv=None):
    arguments = _arguments(argv if argv is not None else sys.argv[1:])
    if shutil.which("wrk") is None:
        sys.exit("The benchmark drives pages with wrk: install it with `apt-get install wrk`.")
    sys.path.insert(0, str(BASE_DIR))
    environment = _production_environment(_bench_database_url())
    os.environ.update(environment)
    os.environ["DJANGO_SETTINGS_MODULE"] = "allyship.settings"

    personas, seed_seconds = _prepare_data(arguments, environment["DATABASE_URL"])
    from django.core.management import call_command

    from bench.pages import FLOOR, PAGES

    call_command("collectstatic", interactive=False, verbosity=0)
    sessions = _sessions(personas)
    chosen = {FLOOR, *arguments.pages.split(",")} if arguments.pages else None
    if chosen and chosen - {page.name for page in PAGES}:
        sys.exit(f"Unknown pages: {', '.join(sorted(chosen - {p.name for p in PAGES}))}.")
    pages = [
        {"name": page.name, "viewer": page.viewer, "path": page.url(personas)}
        for page in PAGES
        if chosen is None or page.name in chosen
    ]
    queries = _query_counts(pages, sessions)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = _start_gunicorn(environment, port)
    rows = []
    try:
        for page in pages:
            _check_page(base, page, sessions[page["viewer"]])
            print(
                f"Driving {page['name']} ({page['path']}) for {arguments.duration} s…", flush=True
            )
            measured = _wrk(base, page, sessions[page["viewer"]], arguments.duration)
            rows.append({**page, **measured, **queries[page["name"]]})
        # The floor again at the end: on a busy machine the two runs show how much it drifted.
        print(f"Driving {FLOOR} again for {arguments.duration} s…", flush=True)
        floor_page = next(page for page in pages if page["name"] == FLOOR)
        floor_again = _wrk(base, floor_page, sessions[floor_page["viewer"]], arguments.duration)
        rss = _worker_rss_mb(gunicorn.pid)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)

    floor_first = next(row for row in rows if row["name"] == FLOOR)["requests_per_second"]
    floor = (floor_first + floor_again["requests_per_second"]) / 2
    for row in rows:
        row["ratio_to_floor"] = row["requests_per_second"] / floor if floor else 0.0
    print()
    print(_table(rows))
    print(
        f"\nThe floor made {floor_first:.0f} req/s first and "
        f"{floor_again['requests_per_second']:.0f} at the end; ratios are to the mean."
    )
    print(f"gunicorn workers after the run: {', '.join(f'{mb:.0f} MB' for mb in rss)} RSS")
    misses = _misses(rows, rss)
    print("Targets: " + ("all met." if not misses else "missed — " + "; ".join(misses)))
    RESULTS.write_text(
        json.dumps(
            {
                "workers": arguments.workers,
                "seconds_per_page": arguments.duration,
                "connections": CONNECTIONS,
                "gunicorn_workers": GUNICORN_WORKERS,
                "seed_seconds": seed_seconds,
                "cpus": os.cpu_count(),
                "pages": rows,
                "floor_again": floor_again,
                "floor_requests_per_second": floor,
                "gunicorn_worker_rss_mb": rss,
                "targets_missed": misses,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"Wrote {RESULTS.relative_to(BASE_DIR)}.")
