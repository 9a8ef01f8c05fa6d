import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from allyship.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def test_it_signs_in_with_email_and_password(client, worker, password):
    response = client.post(LOGIN, {"username": "robin@maple.example", "password": password})
    assert response.status_code == 302
    assert response.url == reverse("home")
    home = client.get(reverse("home"))
    assert "Welcome, Robin" in home.content.decode()


def test_it_accepts_the_email_in_any_case(client, worker, password):
    response = client.post(LOGIN, {"username": "Robin@Maple.EXAMPLE", "password": password})
    assert response.status_code == 302


def test_it_rejects_a_wrong_password_and_keeps_the_email(client, worker):
    response = client.post(LOGIN, {"username": "robin@maple.example", "password": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "don&#x27;t match an account" in html
    assert 'value="robin@maple.example"' in html
    assert "_auth_user_id" not in client.session


def test_it_returns_to_the_page_asked_for(client, worker, password):
    response = client.post(
        LOGIN + "?next=/accounts/password/",
        {"username": "robin@maple.example", "password": password, "next": "/accounts/password/"},
    )
    assert response.url == "/accounts/password/"


def test_sign_out_needs_post(client_for, worker):
    client = client_for(worker)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.url == LOGIN
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_with_a_clear_message(client, worker, password):
    for _ in range(3):
        client.post(LOGIN, {"username": "robin@maple.example", "password": "wrong"})
    response = client.post(LOGIN, {"username": "robin@maple.example", "password": password})
    assert response.status_code == 429
    assert "Sign-in is paused" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(DEBUG=False)
def test_demo_logins_are_refused_when_debug_is_off(client, agency, password):
    UserFactory(email="worker@demo.allyship.test", agency=agency)
    response = client.post(LOGIN, {"username": "worker@demo.allyship.test", "password": password})
    assert response.status_code == 200
    assert "only sign in on a development server" in response.content.decode()


def test_password_reset_email_link_sets_a_new_password(client, worker):
    response = client.post(reverse("accounts:password_reset"), {"email": "robin@maple.example"})
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["robin@maple.example"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]

    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"},
    )
    assert done.url == reverse("accounts:password_reset_complete")
    worker.refresh_from_db()
    assert worker.check_password("a brand new passphrase")


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_password_change_keeps_the_person_signed_in(client_for, worker, password):
    client = client_for(worker)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": password,
            "new_password1": "another long passphrase",
            "new_password2": "another long passphrase",
        },
        follow=True,
    )
    assert "Your password has been changed." in response.content.decode()
    assert User.objects.get(pk=worker.pk).check_password("another long passphrase")


@override_settings(PASSWORD_RESET_LIMIT=2)
def test_password_reset_emails_to_one_address_are_limited(client, worker):
    for _ in range(4):
        response = client.post(reverse("accounts:password_reset"), {"email": "robin@maple.example"})
        assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 2
