"""The starter instruments load from YAML, idempotently."""

import pytest

from assessments.models import Attempt, Dimension, Instrument, Item
from assessments.starter import load_starter_instruments
from learning.models import Topic

pytestmark = pytest.mark.django_db

SMALL = """
slug: tiny-practice
title: "Tiny practice"
kind: personal
introduction: |
  A short one.
dimensions:
  - slug: acknowledging-privilege
    name: "Acknowledging privilege"
    description: "Seeing what I carry."
    topics: [acknowledging-privilege, brand-new-topic]
    band_low: "Low"
    band_middle: "Middle"
    band_high: "High"
    items:
      - {kind: scale, prompt: "I notice my privilege.", help_text: "", reverse: false}
      - {kind: scale, prompt: "I assume I know best.", help_text: "", reverse: true}
      - {kind: reflection, prompt: "When did you notice?", help_text: "Think of a week."}
"""


@pytest.fixture
def directory(tmp_path):
    (tmp_path / "tiny.yaml").write_text(SMALL, encoding="utf-8")
    return tmp_path


def test_it_loads_a_published_sector_wide_starter_instrument_twice_without_duplicates(directory):
    assert load_starter_instruments(directory) == {"tiny-practice": "created"}
    assert load_starter_instruments(directory) == {"tiny-practice": "updated"}
    instrument = Instrument.objects.get(slug="tiny-practice")
    assert instrument.status == Instrument.Status.PUBLISHED
    assert instrument.agency is None
    assert instrument.is_starter
    assert Dimension.objects.filter(instrument=instrument).count() == 1
    items = Item.objects.filter(dimension__instrument=instrument)
    assert items.count() == 3
    assert items.get(prompt="I assume I know best.").reverse_scored
    assert Topic.objects.get(slug="brand-new-topic").name == "Brand new topic"
    assert Topic.objects.filter(slug="acknowledging-privilege").count() == 1


def test_it_leaves_an_answered_version_untouched(directory, worker):
    load_starter_instruments(directory)
    instrument = Instrument.objects.get(slug="tiny-practice")
    Attempt.objects.create(user=worker, instrument=instrument)
    (directory / "tiny.yaml").write_text(SMALL.replace("Tiny practice", "Renamed"), "utf-8")
    assert load_starter_instruments(directory) == {"tiny-practice": "kept"}
    instrument.refresh_from_db()
    assert instrument.title == "Tiny practice"


FRENCH = """
slug: tiny-practice
title: "Petite pratique"
kind: personal
introduction: |
  Une courte.
dimensions:
  - slug: acknowledging-privilege
    name: "Reconnaître ses privilèges"
    description: "Voir ce que je porte."
    topics: [acknowledging-privilege, brand-new-topic]
    band_low: "Bas"
    band_middle: "Moyen"
    band_high: "Haut"
    items:
      - {kind: scale, prompt: "Je remarque mes privilèges.", help_text: "", reverse: false}
      - {kind: scale, prompt: "Je crois savoir mieux.", help_text: "", reverse: true}
      - {kind: reflection, prompt: "Quand l'avez-vous remarqué ?", help_text: "Une semaine."}
"""


def _french_prompts(instrument):
    return list(
        Item.objects.filter(dimension__instrument=instrument)
        .order_by("position")
        .values_list("prompt_fr", flat=True)
    )


def test_it_loads_the_french_mirror_with_the_english(directory):
    (directory / "fr").mkdir()
    (directory / "fr" / "tiny.yaml").write_text(FRENCH, encoding="utf-8")
    assert load_starter_instruments(directory) == {"tiny-practice": "created"}
    instrument = Instrument.objects.get(slug="tiny-practice")
    assert (instrument.title_en, instrument.title_fr) == ("Tiny practice", "Petite pratique")
    dimension = instrument.dimensions.get()
    assert (dimension.name_fr, dimension.band_low_fr) == ("Reconnaître ses privilèges", "Bas")
    assert _french_prompts(instrument) == [
        "Je remarque mes privilèges.",
        "Je crois savoir mieux.",
        "Quand l'avez-vous remarqué ?",
    ]
    assert Item.objects.get(prompt_en="When did you notice?").help_text_fr == "Une semaine."


def test_it_adds_french_to_an_answered_version_and_changes_nothing_else(directory, worker):
    load_starter_instruments(directory)
    instrument = Instrument.objects.get(slug="tiny-practice")
    item_ids = sorted(Item.objects.filter(dimension__instrument=instrument).values_list("pk"))
    Attempt.objects.create(user=worker, instrument=instrument)
    (directory / "fr").mkdir()
    (directory / "fr" / "tiny.yaml").write_text(FRENCH, encoding="utf-8")
    assert load_starter_instruments(directory) == {"tiny-practice": "kept"}
    instrument.refresh_from_db()
    assert (instrument.version, instrument.title_en) == (1, "Tiny practice")
    assert instrument.title_fr == "Petite pratique"
    assert instrument.dimensions.get().name_fr == "Reconnaître ses privilèges"
    assert _french_prompts(instrument)[0] == "Je remarque mes privilèges."
    assert sorted(Item.objects.filter(dimension__instrument=instrument).values_list("pk")) == (
        item_ids
    )
    assert Instrument.objects.filter(slug="tiny-practice").count() == 1


def test_an_answered_version_gets_no_french_for_english_it_never_had(directory, worker):
    load_starter_instruments(directory)
    instrument = Instrument.objects.get(slug="tiny-practice")
    Attempt.objects.create(user=worker, instrument=instrument)
    changed = SMALL.replace("I notice my privilege.", "I name my privilege.")
    (directory / "tiny.yaml").write_text(changed, encoding="utf-8")
    (directory / "fr").mkdir()
    (directory / "fr" / "tiny.yaml").write_text(FRENCH, encoding="utf-8")
    assert load_starter_instruments(directory) == {"tiny-practice": "kept"}
    assert _french_prompts(instrument) == [
        None,
        "Je crois savoir mieux.",
        "Quand l'avez-vous remarqué ?",
    ]
    assert Item.objects.filter(prompt_en="I notice my privilege.").exists()
