"""French mirrors of the starter YAML files.

A mirror sits at ``fr/<same path>`` beside the English file and has the English file's exact
structure: the same keys, list lengths, slugs and non-text values; only the text values
(``TEXT_KEYS``) are French. The loaders read the two side by side, matching by position and
slug, so a mirror that drifted from its English file would put French text on the wrong lesson
or question: they refuse it (``mirror_differences``), and a test checks every mirror in the
repository.
"""

from pathlib import Path

import yaml

TEXT_KEYS = frozenset(
    {
        "title",
        "name",
        "summary",
        "description",
        "introduction",
        "content_note",
        "credits",
        "body",
        "text",
        "explanation",
        "feedback",
        "prompt",
        "help_text",
        "band_low",
        "band_middle",
        "band_high",
    }
)


class MirrorMismatch(ValueError):
    pass


def mirror_path(english: Path, root: Path) -> Path:
    return Path(root) / "fr" / Path(english).relative_to(root)


def read_mirror(english: Path, root: Path):
    """The French mirror of ``english`` (checked against it), or None when there is none yet."""
    path = mirror_path(english, root)
    if not path.exists():
        return None
    french = yaml.safe_load(path.read_text(encoding="utf-8"))
    differences = mirror_differences(
        yaml.safe_load(Path(english).read_text(encoding="utf-8")), french
    )
    if differences:
        raise MirrorMismatch(f"{path} does not mirror {english}: " + "; ".join(differences))
    return french


def mirror_differences(english, french, where="") -> list[str]:
    """Every place where ``french`` doesn't have the structure of ``english``."""
    label = where or "the file"
    if isinstance(english, dict):
        if not isinstance(french, dict):
            return [f"{label} should be a mapping"]
        if set(english) != set(french):
            return [f"{label} has keys {sorted(french)}, not {sorted(english)}"]
        differences = []
        for key, value in english.items():
            inner = f"{where}.{key}" if where else key
            if key in TEXT_KEYS:
                if not isinstance(french[key], str | None):
                    differences.append(f"{inner} should be text")
            else:
                differences += mirror_differences(value, french[key], inner)
        return differences
    if isinstance(english, list):
        if not isinstance(french, list):
            return [f"{label} should be a list"]
        if len(english) != len(french):
            return [f"{label} has {len(french)} entries, not {len(english)}"]
        differences = []
        for n, (en, fr) in enumerate(zip(english, french, strict=True)):
            differences += mirror_differences(en, fr, f"{where}[{n}]")
        return differences
    if english != french:
        return [f"{label} is {french!r}, not {english!r}"]
    return []


def item(french, n):
    """The ``n``-th entry of a mirror's list, or None when there is no mirror."""
    return None if french is None else french[n]


def texts(english: dict, french: dict | None, *keys: str) -> dict:
    """``{key_en: …, key_fr: …}`` for a model's translated fields.

    Without a mirror the French fields are left out, so French typed in the admin survives a
    reload of the English starter files.
    """
    values = {f"{key}_en": english.get(key) or "" for key in keys}
    if french is not None:
        values.update({f"{key}_fr": french.get(key) or "" for key in keys})
    return values
