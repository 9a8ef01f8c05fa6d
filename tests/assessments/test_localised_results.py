"""Results in French: words translated, and chart numbers left for the browser to read."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_french_results_keep_the_growth_chart_drawable(client_for, worker, instrument, take):
    worker.preferred_language = "fr"
    worker.save()
    take(worker, instrument, value=2)
    latest = take(worker, instrument, value=4)
    page = client_for(worker).get(f"/assessments/attempt/{latest.pk}/results/").content.decode()
    assert "Vos scores" in page
    assert "Votre cheminement dans le temps" in page
    coordinates = re.findall(r'(?:cx|cy|y1|y2)="([^"]*)"', page)
    assert coordinates
    # "137,5" would be a broken SVG attribute: every coordinate must parse as a number.
    assert all(float(value) >= 0 for value in coordinates)
    for path in re.findall(r'points="([^"]*)"', page):
        assert all(float(n) >= 0 for pair in path.split() for n in pair.split(","))
