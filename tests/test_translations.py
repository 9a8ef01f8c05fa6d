"""The French catalogue is complete, checked and in step with the code.

Each failure names the messages to fix, so whoever runs the final translation pass has a list.
"""

import io
import re

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE = settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"
# The same folders `makemessages --ignore=.venv --ignore=staticfiles` skips (hidden ones too).
NOT_SOURCE = {".venv", "staticfiles", "locale"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _listing(msgids):
    return "\n".join(f"  - {msgid!r}" for msgid in sorted(msgids))


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def _live(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


def _plural_count(catalogue):
    return int(re.search(r"nplurals=(\d+)", catalogue.metadata["Plural-Forms"]).group(1))


def test_every_message_has_a_french_translation(catalogue):
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert not untranslated, f"Untranslated in {CATALOGUE.name}:\n{_listing(untranslated)}"


def test_no_translation_is_left_fuzzy(catalogue):
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not fuzzy, f"Fuzzy (check, then remove the flag):\n{_listing(fuzzy)}"


def test_every_plural_form_is_filled(catalogue):
    forms = set(range(_plural_count(catalogue)))
    incomplete = [
        entry.msgid
        for entry in _live(catalogue)
        if entry.msgid_plural and {i for i, text in entry.msgstr_plural.items() if text} != forms
    ]
    assert not incomplete, f"Plural forms missing:\n{_listing(incomplete)}"


def test_translations_keep_the_placeholders(catalogue):
    # A renamed or dropped %(name)s raises a KeyError, or silently loses the value, at render.
    # A plural form may leave out the count ("one comment"), so forms only may not add any.
    broken = []
    for entry in _live(catalogue):
        if entry.msgid_plural:
            expected = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            if any(set(PLACEHOLDER.findall(t)) - expected for t in entry.msgstr_plural.values()):
                broken.append(entry.msgid)
        elif entry.msgstr and set(PLACEHOLDER.findall(entry.msgstr)) != set(
            PLACEHOLDER.findall(entry.msgid)
        ):
            broken.append(entry.msgid)
    assert not broken, f"Placeholders differ from the English:\n{_listing(broken)}"


@pytest.fixture(scope="module")
def messages_in_code(tmp_path_factory):
    """Every msgid the code holds, found by makemessages in a scratch copy of the source tree.

    Symlinks, not a copy, so it's quick; and makemessages writes into the scratch ``locale``
    folder, never into the real catalogue.
    """
    scratch = tmp_path_factory.mktemp("makemessages")
    for child in settings.BASE_DIR.iterdir():
        if child.name not in NOT_SOURCE and not child.name.startswith("."):
            (scratch / child.name).symlink_to(child)
    (scratch / "locale").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(scratch)
        patch.setattr(settings, "LOCALE_PATHS", [scratch / "locale"])
        call_command(
            "makemessages",
            locale=["fr"],
            symlinks=True,
            no_location=True,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    fresh = polib.pofile(str(scratch / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    return {(entry.msgctxt, entry.msgid) for entry in fresh}


def test_the_catalogue_holds_every_message_in_the_code(catalogue, messages_in_code):
    known = {(entry.msgctxt, entry.msgid) for entry in _live(catalogue)}
    missing = [msgid for context, msgid in messages_in_code - known]
    assert not missing, (
        "In the code but not in the French catalogue. Run `DEBUG=true python manage.py "
        "makemessages -l fr --no-location --ignore=.venv --ignore=staticfiles`, then "
        f"translate:\n{_listing(missing)}"
    )


def test_the_catalogue_holds_no_message_the_code_dropped(catalogue, messages_in_code):
    known = {(entry.msgctxt, entry.msgid) for entry in _live(catalogue)}
    dropped = [msgid for context, msgid in known - messages_in_code]
    assert not dropped, f"No longer in the code; run makemessages:\n{_listing(dropped)}"
