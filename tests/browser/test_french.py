"""A francophone worker: French from the sign-in page onwards, and every main page passes axe."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from allyship.teams.demo import seed_demo_agency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(DEBUG=True)
def test_a_worker_switches_to_french_at_sign_in_and_the_main_pages_follow(
    page, site, assert_accessible
):
    call_command("load_starter_content", stdout=io.StringIO())
    seed_demo_agency()
    page.goto(f"{site}/accounts/sign-in/")
    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()

    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Se connecter"
    assert_accessible()

    page.get_by_label("Adresse courriel").fill("worker@demo.allyship.test")
    page.get_by_label("Mot de passe").fill("allyship-demo")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Bienvenue, Robin Worker"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_accessible()

    navigation = page.get_by_role("navigation", name="Principal")
    # Each page with real content around the French interface: starter material, demo entries.
    for link, heading, seen in [
        ("Autoévaluations", "Autoévaluations", "Un regard privé sur votre propre pratique."),
        ("Apprentissage", "Apprentissage", "Environ "),
        ("Mon journal", "Mon journal", "Trouver des entrées"),
        ("Ma démarche d'alliance", "Bienvenue, Robin Worker", "Ce que vous écrivez ici"),
    ]:
        navigation.get_by_role("link", name=link).click()
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert seen in page.locator("main").inner_text()
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.get_by_label("Langue").input_value() == "fr"
        assert_accessible()
