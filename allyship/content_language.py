"""Content in the learner's language, with English where a translation is missing.

Content models carry a field per language (``learning/translation.py``,
``assessments/translation.py``); reading ``module.title`` gives the active language's value, or
the English one when it is empty (``MODELTRANSLATION_FALLBACK_LANGUAGES``). Pages call
``shown_in_english`` once with the objects they show, to tell the learner when they read English.
"""

from modeltranslation.manager import MultilingualQuerySet
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname, get_language


def shown_in_english(*objects) -> bool:
    """Whether any text of ``objects`` has an English value but none in the active language.

    Accepts model instances and lists of them; reads only loaded fields, so it adds no query.
    """
    language = get_language()
    if language == DEFAULT_LANGUAGE:
        return False
    for obj in _flatten(objects):
        for field in translator.get_options_for_model(type(obj)).fields:
            english = getattr(obj, build_localized_fieldname(field, DEFAULT_LANGUAGE))
            if english and not getattr(obj, build_localized_fieldname(field, language)):
                return True
    return False


def language_shown(obj, field: str) -> str:
    """The language ``obj.<field>`` is shown in: the active one, or English when it falls back.

    Templates put it in a ``lang`` attribute, so screen readers pronounce English text on a
    French page as English (WCAG 3.1.2, language of parts).
    """
    language = get_language()
    if language != DEFAULT_LANGUAGE and not getattr(
        obj, build_localized_fieldname(field, language)
    ):
        return DEFAULT_LANGUAGE
    return language


def translated_values(obj) -> dict:
    """Every language's value of every translated text of ``obj``, e.g. to copy it whole."""
    return {
        field.name: getattr(obj, field.name)
        for fields in translator.get_options_for_model(type(obj)).all_fields.values()
        for field in fields
    }


def _flatten(objects):
    for obj in objects:
        if isinstance(obj, list | tuple):
            yield from obj
        else:
            yield obj


def _post_init_keeping_meta_ordering(self):
    self._rewrite = True
    self._populate = None


def keep_meta_ordering_out_of_group_by():
    """Let Django apply ``Meta.ordering`` itself on translated models.

    modeltranslation turns a model's ``Meta.ordering`` into an explicit ``order_by`` so it can
    point it at the active language's column. Explicit ordering goes into GROUP BY, so every
    count grouped over a content model (lessons per module, answers per item…) would come back
    one row per lesson instead of one per module (django-modeltranslation issue #559). Without it,
    default ordering uses the base column (the text as last saved, English in practice), which
    only decides the order of equal-looking lists; explicit ``order_by`` calls are still
    rewritten to the active language.
    """
    MultilingualQuerySet._post_init = _post_init_keeping_meta_ordering
