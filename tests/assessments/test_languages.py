"""Self-assessments in the person's language: French where written, English with a note otherwise;
an attempt is the same whichever language each page was answered in."""

import re

import pytest

from assessments.models import Answer, Attempt, DimensionScore, Item
from tests.content_language import note_shown, speaks
from tests.factories import build_instrument

pytestmark = pytest.mark.django_db


def _translate(instrument):
    """Give every text of ``instrument`` a French value."""
    instrument.title_fr = "Mon allyship au travail"
    instrument.introduction_fr = "Prenez votre temps."
    instrument.save()
    for dimension in instrument.dimensions.all():
        dimension.name_fr = f"Partie {dimension.position}"
        dimension.band_low_fr = "Un début, en français."
        dimension.band_middle_fr = "À mi-chemin, en français."
        dimension.band_high_fr = "Bien ancré, en français."
        dimension.save()
        for item in dimension.items.all():
            item.prompt_fr = f"Énoncé {dimension.position}.{item.position}"
            item.save()


def _items(instrument, part):
    return list(Item.objects.filter(dimension__instrument=instrument, dimension__position=part))


def test_a_french_speaker_takes_the_french_instrument(client_for, worker):
    instrument = build_instrument(title="My practice", introduction="Take your time.")
    _translate(instrument)
    speaks(worker, "fr")
    client = client_for(worker)
    start = client.get(f"/assessments/start/{instrument.pk}/").content.decode()
    assert '<h1 lang="fr">Mon allyship au travail</h1>' in start
    assert "Prenez votre temps." in start
    assert not note_shown(start)
    attempt_url = client.post(f"/assessments/start/{instrument.pk}/").url
    page = client.get(attempt_url).content.decode()
    assert '<h1 lang="fr">Partie 1</h1>' in page
    assert "Énoncé 1.1" in page
    assert "Scale 1.1" not in page
    assert not note_shown(page)


def test_a_french_speaker_reads_english_with_a_note_where_french_is_missing(client_for, worker):
    instrument = build_instrument(title="My practice", introduction="Take your time.")
    speaks(worker, "fr")
    client = client_for(worker)
    start = client.get(f"/assessments/start/{instrument.pk}/").content.decode()
    assert '<h1 lang="en">My practice</h1>' in start
    assert note_shown(start)
    attempt_url = client.post(f"/assessments/start/{instrument.pk}/").url
    page = client.get(attempt_url).content.decode()
    assert "Scale 1.1" in page
    assert note_shown(page)


def test_one_untranslated_item_brings_the_note_on_its_page_only(client_for, worker):
    instrument = build_instrument(title="My practice")
    _translate(instrument)
    untranslated = _items(instrument, 2)[0]
    untranslated.prompt_fr = ""
    untranslated.save()
    speaks(worker, "fr")
    client = client_for(worker)
    attempt_url = client.post(f"/assessments/start/{instrument.pk}/").url
    assert not note_shown(client.get(attempt_url).content.decode())
    page_two = client.get(attempt_url.replace("/part/1/", "/part/2/")).content.decode()
    assert 'lang="en">Scale 2.1</legend>' in page_two
    assert 'lang="fr">Énoncé 2.2</legend>' in page_two
    assert note_shown(page_two)


def test_an_english_speaker_never_sees_the_note(client_for, worker):
    instrument = build_instrument(title="My practice")
    page = client_for(worker).get(f"/assessments/start/{instrument.pk}/").content.decode()
    assert not note_shown(page)


def test_switching_language_in_the_middle_of_an_attempt_keeps_the_answers(client_for, worker):
    instrument = build_instrument(title="My practice")
    _translate(instrument)
    client = client_for(worker)
    response = client.post(f"/assessments/start/{instrument.pk}/")
    attempt = Attempt.objects.get(user=worker)
    first, second, reflection = _items(instrument, 1)
    client.post(
        response.url,
        {
            f"item_{first.pk}": "5",
            f"item_{second.pk}": "1",
            f"item_{reflection.pk}": "I listened, in English.",
            "action": "next",
        },
    )

    speaks(worker, "fr")
    page_one = client.get(f"/assessments/attempt/{attempt.pk}/part/1/").content.decode()
    assert "Énoncé 1.1" in page_one
    assert re.search(rf'id="id_item_{first.pk}_4"\s+value="5"\s+checked', page_one)
    assert "I listened, in English." in page_one
    third, fourth, _ = _items(instrument, 2)
    client.post(
        f"/assessments/attempt/{attempt.pk}/part/2/",
        {f"item_{third.pk}": "4", f"item_{fourth.pk}": "2", "action": "next"},
    )
    client.post(f"/assessments/attempt/{attempt.pk}/submit/")

    attempt.refresh_from_db()
    assert attempt.is_submitted
    answers = dict(Answer.objects.filter(attempt=attempt).values_list("item_id", "value"))
    assert answers == {first.pk: 5, second.pk: 1, reflection.pk: None, third.pk: 4, fourth.pk: 2}
    assert Answer.objects.get(attempt=attempt, item=reflection).text == "I listened, in English."
    assert DimensionScore.objects.filter(attempt=attempt).count() == 2
    results = client.get(f"/assessments/attempt/{attempt.pk}/results/").content.decode()
    assert "Partie 1" in results
    assert "en français." in results
