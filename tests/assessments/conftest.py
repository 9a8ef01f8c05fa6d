import pytest

from assessments.models import Attempt, Item
from assessments.services import attempt_save_answers, attempt_submit
from tests.factories import build_instrument


@pytest.fixture
def instrument(db):
    return build_instrument(dimensions=2, scale_items=2)


@pytest.fixture
def take():
    """Answer every scale item of ``instrument`` with ``value`` (and reflections with ``text``),
    then submit; returns the attempt."""

    def make(user, instrument, value=3, text="", **extra):
        attempt = Attempt.objects.create(user=user, instrument=instrument, **extra)
        items = Item.objects.filter(dimension__instrument=instrument)
        values = {i.pk: value for i in items if i.is_scale}
        texts = {i.pk: text for i in items if not i.is_scale and text}
        attempt_save_answers(attempt=attempt, values=values, texts=texts)
        attempt_submit(attempt=attempt)
        return attempt

    return make
