"""Logging: one line per event on stdout, tagged with the request's id, free of personal text.

A tiny middleware (``allyship.middleware.request_id``) rather than django-guid or
django-log-request-id: we never take the id from an incoming header (a reference a person quotes
to support must be one the server made, and a client-chosen one could forge or split log lines),
we need it on the standalone 500 page, and a context variable does all of that in a few lines.
"""

import contextvars
import logging
import secrets
import traceback

from django.core.signals import request_finished

NO_REQUEST = "-"
_request_id = contextvars.ContextVar("request_id", default=NO_REQUEST)

# Innermost frames are the ones that explain a failure; the rest is Django's middleware stack.
TRACEBACK_FRAMES = 8


def new_request_id() -> str:
    """A short id to quote over the phone, unique enough to find one request in the logs."""
    request_id = secrets.token_hex(6)
    _request_id.set(request_id)
    return request_id


def current_request_id() -> str:
    return _request_id.get()


def _forget_request_id(**kwargs):
    # Django logs 4xx responses after the middleware has returned, so the id is kept until the
    # response is finished rather than reset by the middleware.
    _request_id.set(NO_REQUEST)


request_finished.connect(_forget_request_id, dispatch_uid="allyship.log.forget_request_id")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request_id()
        return True


class OneLineFormatter(logging.Formatter):
    """Each event on one line; exceptions by type and place only.

    Exception messages can quote the data being written (a database error's DETAIL, a
    ValueError's repr of a value), and reflections must never reach the logs. The request id
    finds the request; the type and frames say what broke.
    """

    def formatException(self, ei):
        exc_type, _exc, tb = ei
        frames = traceback.extract_tb(tb)[-TRACEBACK_FRAMES:]
        where = " < ".join(
            f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in reversed(frames)
        )
        return f"{exc_type.__module__}.{exc_type.__qualname__} at {where}"

    def formatStack(self, stack_info):
        return " | ".join(line.strip() for line in stack_info.splitlines() if line.strip())

    def format(self, record):
        return super().format(record).replace("\r", "\\r").replace("\n", "\\n")
