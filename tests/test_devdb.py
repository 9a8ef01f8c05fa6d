"""The rule for finding the development database (README, "Which database")."""

import socket

import pytest

from allyship import devdb


def test_database_url_from_the_environment_wins(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://someone@db.example.org/allyship")
    assert devdb.database_url() == "postgres://someone@db.example.org/allyship"


def test_local_postgresql_is_used_when_it_answers(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        monkeypatch.setattr(devdb, "LOCAL_PORT", port)
        assert devdb.database_url() == f"postgres://postgres@127.0.0.1:{port}/allyship"


def test_without_any_server_it_says_how_to_get_one(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(devdb, "LOCAL_PORT", 1)
    monkeypatch.setattr(devdb, "PGDATA", tmp_path / ".pgdata")
    with pytest.raises(SystemExit, match="No PostgreSQL found"):
        devdb.database_url()
