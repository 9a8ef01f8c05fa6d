"""Helpers for tests of content shown in the learner's language."""

import re


def speaks(user, language):
    """Make ``user`` prefer ``language``, as the preferences page would."""
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])


def note_shown(page):
    """Whether the page says some of its content is shown in English.

    The note is an interface string: English until the French catalogue has it, French after,
    so it is found by its id.
    """
    match = re.search(r'id="content-language-note">([^<]*)<', page)
    return match is not None and ("English" in match.group(1) or "anglais" in match.group(1))
