"""Content fields with an English and a French value (django-modeltranslation).

Learners' own writing (reflections, answers) is not translated: it is theirs, in whatever language
they wrote it.
"""

from modeltranslation.translator import TranslationOptions, register

from learning.models import Choice, Lesson, Module, Question, ReflectionPrompt, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ["name", "description"]


@register(Module)
class ModuleTranslation(TranslationOptions):
    fields = ["title", "summary", "content_note", "credits"]


@register(Lesson)
class LessonTranslation(TranslationOptions):
    # body_html is rendered from each language's body on save (Lesson.save).
    fields = ["title", "body", "body_html"]


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ["text", "explanation"]


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ["text", "feedback"]


@register(ReflectionPrompt)
class ReflectionPromptTranslation(TranslationOptions):
    fields = ["prompt"]
