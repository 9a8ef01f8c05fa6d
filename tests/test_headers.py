"""Security headers, read from real responses, and pages that keep the strict policy workable."""

import json
import re
from pathlib import Path

import pytest
from django.test import override_settings

from tests.test_settings import PRODUCTION, manage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [
    ROOT / "templates",
    *ROOT.glob("allyship/*/templates"),
    ROOT / "learning" / "templates",
    ROOT / "assessments" / "templates",
]
# What a strict policy (no 'unsafe-inline') would block: inline style attributes, event-handler
# attributes and inline scripts without the response's nonce.
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def inline_code(html, nonce=None):
    """What in ``html`` the policy would refuse, as a list of short descriptions."""
    found = [f"style attribute: {m.group(0)[:80]}" for m in STYLE_ATTRIBUTE.finditer(html)]
    found += [f"event handler: {m.group(0)[:80]}" for m in HANDLER_ATTRIBUTE.finditer(html)]
    for match in SCRIPT_TAG.finditer(html):
        attributes = match.group(1)
        if "src=" in attributes or 'type="application/json"' in attributes:
            continue
        if nonce is None or f'nonce="{nonce}"' not in attributes:
            found.append(f"inline script without the nonce: {match.group(0)[:80]}")
    return found


def assert_nothing_inline(response):
    """The page carries the strict policy and nothing in it needs 'unsafe-inline'."""
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    nonce = re.search(r"'nonce-([^']+)'", policy)
    problems = inline_code(response.content.decode(), nonce.group(1) if nonce else None)
    assert not problems, f"{response.request['PATH_INFO']}: {problems}"


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/accounts/sign-in/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    # Scripts only from our own origin (and, on a page that needs one, a per-response nonce).
    assert script_src.split()[:2] == ["script-src", "'self'"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_pages_refuse_framing_sniffing_and_leaky_referrers(client):
    response = client.get("/accounts/sign-in/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


@override_settings(
    SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SESSION_COOKIE_SECURE=True
)
def test_https_responses_carry_hsts_and_secure_cookies(client, worker, password):
    response = client.post(
        "/accounts/sign-in/",
        {"username": "robin@maple.example", "password": password},
        secure=True,
    )
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"]
    assert session_cookie["httponly"]
    assert session_cookie["samesite"] == "Lax"


def test_the_inline_check_finds_what_the_policy_would_block():
    page = '<div style="color: red"><button onclick="go()">Go</button><script>go()</script></div>'
    assert len(inline_code(page)) == 3
    allowed = '<script src="/static/a.js"></script><script nonce="abc">go()</script>'
    assert inline_code(allowed, nonce="abc") == []


def test_no_template_has_inline_styles_handlers_or_scripts_without_a_nonce():
    problems = {}
    for directory in TEMPLATE_DIRS:
        for template in directory.rglob("*.html"):
            # A template may give an inline script the response's nonce, nothing else.
            text = template.read_text().replace('nonce="{{ request.csp_nonce }}"', 'nonce="n"')
            found = inline_code(text, nonce="n")
            if found:
                problems[str(template.relative_to(ROOT))] = found
    assert not problems


def test_signed_in_pages_carry_the_same_headers(client_for, worker):
    response = client_for(worker).get("/")
    assert_nothing_inline(response)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "microphone=()" in response.headers["Permissions-Policy"]


def test_no_browser_keeps_a_signed_in_persons_pages(client_for, worker):
    for path in ("/", "/log/", "/accounts/my-data/download/"):
        cache_control = client_for(worker).get(path).headers.get("Cache-Control", "")
        assert "no-store" in cache_control and "private" in cache_control, path


# The test run has no collectstatic manifest, so only the static storage is swapped; everything
# that makes headers and cookies comes from the production settings.
PROBE = """
import json
from django.conf import settings
from django.test import Client, override_settings
plain = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=plain):
    response = Client().get("/accounts/sign-in/", secure=True, HTTP_HOST="allyship.example.org")
csrf = response.cookies["csrftoken"]
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "csrf_cookie": {"secure": bool(csrf["secure"]), "httponly": bool(csrf["httponly"]),
                    "samesite": csrf["samesite"]},
    "session": [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY,
                settings.SESSION_COOKIE_SAMESITE],
    "language": [settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_HTTPONLY,
                 settings.LANGUAGE_COOKIE_SAMESITE],
    "redirects_to_https": settings.SECURE_SSL_REDIRECT,
}))
"""


def test_production_settings_send_hsts_and_lock_down_every_cookie():
    """The real settings module with DEBUG off, answering a real request over HTTPS."""
    result = manage("shell", "--no-imports", "-c", PROBE, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["status"] == 200
    headers = seen["headers"]
    assert headers["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert seen["csrf_cookie"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert seen["session"] == [True, True, "Lax"]
    assert seen["language"] == [True, True, "Lax"]
    assert seen["redirects_to_https"] is True
