"""Instrument text with an English and a French value (django-modeltranslation).

Answers and scores point at items and dimensions, never at their wording, so an attempt is the
same whichever language it was answered in.
"""

from modeltranslation.translator import TranslationOptions, register

from assessments.models import Dimension, Instrument, Item, Stage


@register(Instrument)
class InstrumentTranslation(TranslationOptions):
    fields = ["title", "introduction"]


@register(Stage)
class StageTranslation(TranslationOptions):
    fields = ["name", "description"]


@register(Dimension)
class DimensionTranslation(TranslationOptions):
    fields = ["name", "description", "band_low", "band_middle", "band_high"]


@register(Item)
class ItemTranslation(TranslationOptions):
    fields = ["prompt", "help_text"]
