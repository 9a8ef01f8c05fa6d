"""Security headers, read from real responses."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


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
