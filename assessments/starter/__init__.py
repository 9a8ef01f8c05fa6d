"""Load the starter instruments from the YAML files beside this module.

Idempotent: running it again updates an unanswered published version in place and leaves a
version that already has attempts untouched (people's answers refer to its exact questions).
"""

from pathlib import Path

import yaml
from django.db import transaction

from assessments.models import Dimension, Instrument, Item, Stage
from learning.models import Topic

PACKAGE_DIR = Path(__file__).resolve().parent


def _topic(slug):
    topic, _ = Topic.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
    )
    return topic


@transaction.atomic
def _load(data) -> str:
    instrument = (
        Instrument.objects.filter(slug=data["slug"], agency__isnull=True, is_starter=True)
        .order_by("-version")
        .first()
    )
    if instrument is not None and instrument.attempts.exists():
        return "kept"
    outcome = "updated" if instrument else "created"
    if instrument is None:
        instrument = Instrument(slug=data["slug"], version=1)
    instrument.title = data["title"]
    instrument.kind = data.get("kind", Instrument.Kind.PERSONAL)
    instrument.introduction = data.get("introduction", "")
    instrument.status = Instrument.Status.PUBLISHED
    instrument.is_starter = True
    instrument.agency = None
    instrument.save()
    instrument.stages.all().delete()
    instrument.dimensions.all().delete()
    Stage.objects.bulk_create(
        Stage(
            instrument=instrument, position=n, name=s["name"], description=s.get("description", "")
        )
        for n, s in enumerate(data.get("stages") or [], start=1)
    )
    for position, spec in enumerate(data["dimensions"], start=1):
        dimension = Dimension.objects.create(
            instrument=instrument,
            position=position,
            slug=spec.get("slug", ""),
            name=spec["name"],
            description=spec.get("description", ""),
            band_low=spec.get("band_low", ""),
            band_middle=spec.get("band_middle", ""),
            band_high=spec.get("band_high", ""),
        )
        dimension.topics.set([_topic(slug) for slug in spec.get("topics") or []])
        Item.objects.bulk_create(
            Item(
                dimension=dimension,
                position=n,
                kind=item.get("kind", Item.Kind.SCALE),
                prompt=item["prompt"],
                help_text=item.get("help_text") or "",
                reverse_scored=bool(item.get("reverse", False)),
            )
            for n, item in enumerate(spec.get("items") or [], start=1)
        )
    return outcome


def load_starter_instruments(directory: Path = PACKAGE_DIR) -> dict:
    """Load every ``*.yaml`` in ``directory``; returns {slug: "created" | "updated" | "kept"}."""
    results = {}
    for path in sorted(Path(directory).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        results[data["slug"]] = _load(data)
    return results
