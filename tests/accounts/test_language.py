import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_speak_the_persons_preferred_language(client_for, worker):
    worker.preferred_language = "fr"
    worker.save()
    html = client_for(worker).get(reverse("home")).content.decode()
    assert '<html lang="fr">' in html
    assert "Bienvenue, Robin" in html


def test_the_language_switch_becomes_the_signed_in_persons_preference(client_for, worker):
    client = client_for(worker)
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert response.url == "/"
    worker.refresh_from_db()
    assert worker.preferred_language == "fr"
    assert "Se déconnecter" in client.get("/").content.decode()


def test_the_sign_in_page_can_be_switched_to_french(client, db):
    client.post(reverse("set_language"), {"language": "fr", "next": "/accounts/sign-in/"})
    html = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="fr">' in html
    assert "Adresse courriel" in html


def test_a_french_speaker_gets_the_reset_email_in_french_from_an_english_page(client, worker):
    worker.preferred_language = "fr"
    worker.save()
    page = client.post(reverse("accounts:password_reset"), {"email": "robin@maple.example"})
    assert "Check your email" in client.get(page.url).content.decode()
    message = mail.outbox[0]
    assert message.subject == "Choisissez un nouveau mot de passe Allyship"
    assert message.body.startswith("Bonjour Robin,")
    assert "Si ce n'était pas vous" in message.body


def test_an_english_speaker_gets_the_reset_email_in_english_from_a_french_page(client, worker):
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    page = client.post(reverse("accounts:password_reset"), {"email": "robin@maple.example"})
    assert "Consultez vos courriels" in client.get(page.url).content.decode()
    message = mail.outbox[0]
    assert message.subject == "Choose a new Allyship password"
    assert message.body.startswith("Hello Robin,")


def sign_in(client, password):
    client.post(
        reverse("accounts:login"), {"username": "robin@maple.example", "password": password}
    )


def test_a_language_chosen_on_the_sign_in_page_becomes_the_preference(client, worker, password):
    client.post(reverse("set_language"), {"language": "fr", "next": "/accounts/sign-in/"})
    sign_in(client, password)
    worker.refresh_from_db()
    assert worker.preferred_language == "fr"
    assert "Bienvenue, Robin" in client.get(reverse("home")).content.decode()


def test_without_a_choice_the_saved_preference_beats_the_browsers_language(
    client, worker, password
):
    worker.preferred_language = "fr"
    worker.save()
    client.cookies["django_language"] = "en"
    sign_in(client, password)
    assert "Bienvenue, Robin" in client.get(reverse("home")).content.decode()
    client.post(reverse("accounts:logout"))
    # Signed out again, the sign-in page stays in the person's language.
    assert '<html lang="fr">' in client.get(reverse("accounts:login")).content.decode()
    worker.refresh_from_db()
    assert worker.preferred_language == "fr"
