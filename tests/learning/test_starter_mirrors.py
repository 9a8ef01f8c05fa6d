"""Every French mirror of a starter file has its English file's structure.

Translators write ``learning/starter/fr/…`` and ``assessments/starter/fr/…`` by hand; the loaders
pair them with the English by position and slug, so a drifted mirror would put French on the
wrong question. Files without a mirror yet are fine.
"""

from pathlib import Path

import pytest
import yaml

from assessments.starter import PACKAGE_DIR as INSTRUMENTS_DIR
from learning.starter import STARTER_DIR as CURRICULUM_DIR
from learning.starter.mirror import mirror_differences, mirror_path

ENGLISH_FILES = [
    (CURRICULUM_DIR, CURRICULUM_DIR / "topics.yaml"),
    *((CURRICULUM_DIR, path) for path in sorted((CURRICULUM_DIR / "modules").glob("*.yaml"))),
    *((INSTRUMENTS_DIR, path) for path in sorted(INSTRUMENTS_DIR.glob("*.yaml"))),
]


def _read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("root", "english"), ENGLISH_FILES, ids=[p.name for _, p in ENGLISH_FILES])
def test_a_french_mirror_has_the_structure_of_its_english_file(root, english):
    french = mirror_path(english, root)
    if french.exists():
        assert mirror_differences(_read(english), _read(french)) == []


def test_every_french_file_mirrors_an_english_file():
    for root in (CURRICULUM_DIR, INSTRUMENTS_DIR):
        for french in (root / "fr").rglob("*.yaml"):
            assert (root / french.relative_to(root / "fr")).exists(), french


def test_it_names_what_differs_between_a_file_and_its_mirror():
    english = {"slug": "a", "lessons": [{"title": "One", "questions": [{"kind": "single"}]}]}
    assert mirror_differences(english, english) == []
    french = {"slug": "b", "lessons": [{"title": "Un", "questions": []}]}
    assert mirror_differences(english, french) == [
        "slug is 'b', not 'a'",
        "lessons[0].questions has 0 entries, not 1",
    ]
    assert mirror_differences(english, {"slug": "a"}) == [
        "the file has keys ['slug'], not ['lessons', 'slug']"
    ]
