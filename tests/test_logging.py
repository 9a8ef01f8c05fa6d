"""Logs: one line per event on stdout, with the request id, never with what a person wrote."""

import io
import logging
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import DatabaseError
from django.test import Client

from learning.models import ReflectionPrompt, ReflectionResponse
from tests.factories import LessonFactory

pytestmark = pytest.mark.django_db

SECRET_REFLECTION = "I was wrong about the Okafor family and I am ashamed of it"


@pytest.fixture
def log_output():
    """What the configured console handler writes, through its real filter and formatter."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.fixture
def reflect_url():
    lesson = LessonFactory()
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    return f"{lesson.get_absolute_url()}reflections/{prompt.pk}/", f"r{prompt.pk}-text"


def test_the_app_logs_to_stdout_one_line_per_event():
    command = "import logging; logging.getLogger('allyship').warning('first\\nsecond')"
    result = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", command],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.endswith(" WARNING allyship request_id=- first\\nsecond\n")
    assert result.stdout.count("\n") == 1
    assert "first" not in result.stderr


def test_every_response_carries_a_request_id(client_for, worker):
    first = client_for(worker).get("/")
    second = client_for(worker).get("/")
    assert re.fullmatch(r"[0-9a-f]{12}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_an_incoming_request_id_is_not_trusted(client_for, worker):
    response = client_for(worker).get("/", HTTP_X_REQUEST_ID="forged\nline")
    assert response["X-Request-ID"] != "forged\nline"


def test_a_failed_save_logs_one_line_with_the_id_and_none_of_the_reflection(
    worker, reflect_url, log_output, monkeypatch
):
    def fail(self, *args, **kwargs):
        # The worst case: a database error whose message quotes the row being written.
        raise DatabaseError(f'value too long: DETAIL: Failing row contains ("{self.text}")')

    monkeypatch.setattr(ReflectionResponse, "save", fail)
    client = Client(raise_request_exception=False)
    client.force_login(worker)
    url, field = reflect_url

    response = client.post(url, {field: SECRET_REFLECTION})

    request_id = response["X-Request-ID"]
    page = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in page
    assert request_id in page
    assert "Traceback" not in page
    assert SECRET_REFLECTION not in page
    lines = log_output.getvalue().splitlines()
    errors = [line for line in lines if " ERROR " in line]
    assert len(errors) == 1
    assert f"request_id={request_id}" in errors[0]
    assert f"Internal Server Error: {url}" in errors[0]
    assert "django.db.utils.DatabaseError" in errors[0]
    assert "Okafor" not in log_output.getvalue()


def test_a_rejected_post_logs_a_warning_without_the_body(worker, reflect_url, log_output):
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)
    url, field = reflect_url

    response = client.post(url, {field: SECRET_REFLECTION})

    assert response.status_code == 403
    warnings = [line for line in log_output.getvalue().splitlines() if " WARNING " in line]
    assert len(warnings) == 1
    assert f"request_id={response['X-Request-ID']}" in warnings[0]
    assert "Okafor" not in log_output.getvalue()
