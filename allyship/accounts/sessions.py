"""The idle session timeout (``SESSION_IDLE_MINUTES``), renewed by activity."""

import time

from django.conf import settings

SESSION_TOUCH_KEY = "_touched"
SESSION_TOUCH_SECONDS = 60


def touch_interval():
    """At most a minute, and a tenth of the timeout, so short timeouts stay accurate too."""
    return min(SESSION_TOUCH_SECONDS, settings.SESSION_COOKIE_AGE // 10)


def touch_session(session):
    session[SESSION_TOUCH_KEY] = int(time.time())


def idle_session(get_response):
    """Push the idle timeout back on activity, writing the session at most once a minute.

    Saving the session on every request (``SESSION_SAVE_EVERY_REQUEST``) costs three queries per
    page. The timeout may end up to ``touch_interval()`` early, which the page's warning, shown two
    minutes before, still covers; "stay signed in" always writes.
    """

    def middleware(request):
        response = get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.is_empty():
            last = session.get(SESSION_TOUCH_KEY, 0)
            if time.time() - last >= touch_interval():
                touch_session(session)
        return response

    return middleware


def touch_on_sign_in(sender, request, user, **kwargs):
    """A fresh session counts as touched, so the first page after signing in needn't write it."""
    if request is not None and hasattr(request, "session"):
        touch_session(request.session)
