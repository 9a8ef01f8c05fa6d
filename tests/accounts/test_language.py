import pytest
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
