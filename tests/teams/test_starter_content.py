"""The starter content that `make run` loads: real files, complete, and loaded idempotently."""

import pytest
from django.core.management import call_command

from assessments.models import Dimension, Instrument, Item, Stage
from learning.models import Lesson, Module, Topic

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (Topic, Module, Lesson, Instrument, Dimension, Item, Stage)
    ]


def test_loading_the_starter_content_twice_gives_the_same_rows():
    call_command("load_starter_content")
    first = counts()
    call_command("load_starter_content")
    assert counts() == first


def test_the_personal_self_assessment_follows_the_source_text():
    call_command("load_starter_content")
    instrument = Instrument.objects.get(slug="allyship-in-my-practice")
    assert instrument.kind == "personal" and instrument.status == "published"
    assert instrument.is_starter
    dimensions = list(instrument.dimensions.order_by("position").prefetch_related("items"))
    assert [d.slug for d in dimensions] == [
        "acknowledging-privilege",
        "not-the-expert",
        "lived-experience",
        "systems-of-oppression",
        "accountability",
        "power-with-families",
        "challenging-oppressive-practice",
    ]
    for dimension in dimensions:
        items = list(dimension.items.all())
        assert 4 <= len(items) <= 5, dimension.slug
        assert any(item.reverse_scored for item in items), dimension.slug
        assert [item.kind for item in items].count("reflection") >= 1, dimension.slug
        assert dimension.band_low and dimension.band_middle and dimension.band_high
        # Results recommend modules through the dimension's topics.
        topic = dimension.topics.get()
        assert Module.objects.filter(topics=topic, status="published").exists(), dimension.slug


def test_the_agency_assessment_has_six_dimensions_and_six_stages():
    call_command("load_starter_content")
    instrument = Instrument.objects.get(slug="our-agencys-allyship")
    assert instrument.kind == "agency"
    assert instrument.dimensions.count() == 6
    assert instrument.stages.count() == 6
    assert Item.objects.filter(dimension__instrument=instrument).count() == 24
