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
