"""Load the starter instruments from the YAML files beside this module.

Idempotent: running it again updates an unanswered published version in place and leaves a
version that already has attempts untouched (people's answers refer to its exact questions),
except for adding its French text (see ``_add_french_to_answered_version``).

French comes from the mirrors under ``fr/`` (``learning/starter/mirror.py``) when they exist.
"""

from pathlib import Path

import yaml
from django.db import transaction

from assessments.models import Dimension, Instrument, Item, Stage
from learning.models import Topic
from learning.starter.mirror import item, read_mirror, texts

PACKAGE_DIR = Path(__file__).resolve().parent

INSTRUMENT_TEXTS = ("title", "introduction")
STAGE_TEXTS = ("name", "description")
DIMENSION_TEXTS = ("name", "description", "band_low", "band_middle", "band_high")
ITEM_TEXTS = ("prompt", "help_text")


def _topic(slug):
    topic, _ = Topic.objects.get_or_create(
        slug=slug, defaults={"name_en": slug.replace("-", " ").capitalize()}
    )
    return topic


@transaction.atomic
def _load(data, french=None) -> str:
    instrument = (
        Instrument.objects.filter(slug=data["slug"], agency__isnull=True, is_starter=True)
        .order_by("-version")
        .first()
    )
    if instrument is not None and instrument.attempts.exists():
        if french is not None:
            _add_french_to_answered_version(instrument, data, french)
        return "kept"
    outcome = "updated" if instrument else "created"
    if instrument is None:
        instrument = Instrument(slug=data["slug"], version=1)
    for field, value in texts(data, french, *INSTRUMENT_TEXTS).items():
        setattr(instrument, field, value)
    instrument.kind = data.get("kind", Instrument.Kind.PERSONAL)
    instrument.status = Instrument.Status.PUBLISHED
    instrument.is_starter = True
    instrument.agency = None
    instrument.save()
    instrument.stages.all().delete()
    instrument.dimensions.all().delete()
    french_stages = french and french.get("stages")
    Stage.objects.bulk_create(
        Stage(
            instrument=instrument, position=n + 1, **texts(s, item(french_stages, n), *STAGE_TEXTS)
        )
        for n, s in enumerate(data.get("stages") or [])
    )
    french_dimensions = french and french.get("dimensions")
    for n, spec in enumerate(data["dimensions"]):
        french_spec = item(french_dimensions, n)
        dimension = Dimension.objects.create(
            instrument=instrument,
            position=n + 1,
            slug=spec.get("slug", ""),
            **texts(spec, french_spec, *DIMENSION_TEXTS),
        )
        dimension.topics.set([_topic(slug) for slug in spec.get("topics") or []])
        french_items = french_spec and french_spec.get("items")
        Item.objects.bulk_create(
            Item(
                dimension=dimension,
                position=m + 1,
                kind=entry.get("kind", Item.Kind.SCALE),
                reverse_scored=bool(entry.get("reverse", False)),
                **texts(entry, item(french_items, m), *ITEM_TEXTS),
            )
            for m, entry in enumerate(spec.get("items") or [])
        )
    return outcome


def _add_french_to_answered_version(instrument, data, french):
    """Give an answered, frozen version its French text, and change nothing else.

    A published version is frozen because people's answers refer to its exact questions. A French
    rendering of the same question doesn't change what was asked or what an answer means: answers
    and scores point at items by id, and the English stays exactly as it was. So French is added,
    but only to text whose stored English is the very text the mirror translates (matched by
    position, and by slug for dimensions): if the English file has moved on since this version,
    its French would describe different questions and is left out.
    """
    _add_french(instrument, data, french, INSTRUMENT_TEXTS)
    stages = {stage.position: stage for stage in instrument.stages.all()}
    for n, (english, translated) in enumerate(
        zip(data.get("stages") or [], french.get("stages") or [], strict=True), start=1
    ):
        if n in stages:
            _add_french(stages[n], english, translated, STAGE_TEXTS)
    dimensions = {d.position: d for d in instrument.dimensions.prefetch_related("items")}
    for n, (english, translated) in enumerate(
        zip(data["dimensions"], french["dimensions"], strict=True), start=1
    ):
        dimension = dimensions.get(n)
        if dimension is None or dimension.slug != english.get("slug", ""):
            continue
        _add_french(dimension, english, translated, DIMENSION_TEXTS)
        items = {i.position: i for i in dimension.items.all()}
        for m, (english_item, french_item) in enumerate(
            zip(english.get("items") or [], translated.get("items") or [], strict=True), start=1
        ):
            if m in items:
                _add_french(items[m], english_item, french_item, ITEM_TEXTS)


def _add_french(obj, english, french, keys):
    if any((getattr(obj, f"{key}_en") or "") != (english.get(key) or "") for key in keys):
        return
    for key in keys:
        setattr(obj, f"{key}_fr", french.get(key) or "")
    obj.save(update_fields=[f"{key}_fr" for key in keys])


def load_starter_instruments(directory: Path = PACKAGE_DIR) -> dict:
    """Load every ``*.yaml`` in ``directory``; returns {slug: "created" | "updated" | "kept"}."""
    directory = Path(directory)
    results = {}
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        results[data["slug"]] = _load(data, read_mirror(path, directory))
    return results
