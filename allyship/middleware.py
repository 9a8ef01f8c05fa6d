"""Small middleware: request ids, response headers Django doesn't set, the person's language."""

from urllib.parse import urlsplit

from django.contrib.auth.middleware import (
    LoginRequiredMiddleware as DjangoLoginRequiredMiddleware,
)
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from allyship import log

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


def permissions_policy(get_response):
    """Switch off browser features the app never uses, so injected content can't use them."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware


def not_stored_when_signed_in(get_response):
    """A signed-in person's pages hold their private writing: no browser or proxy keeps a copy,
    so on a shared laptop, Back after signing out shows nothing of it."""

    def middleware(request):
        response = get_response(request)
        # An error page holds nothing private, and the database may be what failed: reading
        # the person again would only fail a second time.
        if response.status_code >= 500 or response.has_header("Cache-Control"):
            return response
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

    return middleware


def preferred_language(get_response):
    """Speak the signed-in person's preferred language, whatever browser they are on."""

    def middleware(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return get_response(request)

    return middleware


def request_id(get_response):
    """Give each request an id: on every log line, in X-Request-ID, and on the error page."""

    def middleware(request):
        request.id = log.new_request_id()
        response = get_response(request)
        response.headers["X-Request-ID"] = request.id
        return response

    return middleware


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    """Django's, except that a form sent after the session ended leads back to the form's page.

    The redirect to sign-in drops the POST body; the browser keeps what was typed as a draft
    keyed by the page's path (static/js/allyship.js). So ``next`` is the page the person typed on
    (the Referer, when it is ours), not the URL the form posted to, which may accept only POST.
    """

    def handle_no_permission(self, request, view_func):
        referer = request.headers.get("Referer", "")
        if request.method == "POST" and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            page = urlsplit(referer)
            return redirect_to_login(
                page.path + (f"?{page.query}" if page.query else ""),
                resolve_url(self.get_login_url(view_func)),
                self.get_redirect_field_name(view_func),
            )
        return super().handle_no_permission(request, view_func)
