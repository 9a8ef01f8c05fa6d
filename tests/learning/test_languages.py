"""Content in the learner's language: French where it is written, English with a note otherwise,
and progress that doesn't care which language a lesson was read in."""

import re

import pytest

from allyship.accounts.edited_elsewhere import version_of
from learning.models import (
    Choice,
    LessonProgress,
    ModuleCompletion,
    Question,
    QuestionAnswer,
    ReflectionPrompt,
    ReflectionResponse,
)
from tests.content_language import note_shown, speaks
from tests.factories import LessonFactory, ModuleFactory

pytestmark = pytest.mark.django_db


def _translated_lesson():
    module = ModuleFactory(
        title_en="Listening first",
        title_fr="D’abord écouter",
        summary_en="Why listening comes first.",
        summary_fr="Pourquoi l’écoute vient en premier.",
    )
    lesson = LessonFactory(
        module=module, title_en="Hearing a parent", title_fr="Entendre un parent", body_en="Listen."
    )
    lesson.body_fr = "Écoutez **vraiment**."
    lesson.save()
    question = Question.objects.create(
        lesson=lesson, text_en="Who speaks first?", text_fr="Qui parle en premier ?"
    )
    Choice.objects.create(
        question=question,
        text_en="The parent",
        text_fr="Le parent",
        feedback_en="Yes.",
        feedback_fr="Oui, le parent.",
        is_correct=True,
    )
    ReflectionPrompt.objects.create(
        lesson=lesson, prompt_en="What did you hear?", prompt_fr="Qu’avez-vous entendu ?"
    )
    return module, lesson


def test_a_french_speaker_reads_the_french_module_and_lesson(worker, client_for):
    module, lesson = _translated_lesson()
    speaks(worker, "fr")
    client = client_for(worker)
    page = client.get(module.get_absolute_url()).content.decode()
    assert '<h1 lang="fr">D’abord écouter</h1>' in page
    assert "Pourquoi l’écoute vient en premier." in page
    assert "Entendre un parent" in page
    assert not note_shown(page)
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert '<h1 lang="fr">Entendre un parent</h1>' in page
    assert '<div class="lesson-body" lang="fr"><p>Écoutez <strong>vraiment</strong>.</p>' in page
    assert "Qui parle en premier ?" in page
    assert "Le parent" in page
    assert "Qu’avez-vous entendu ?" in page
    assert "Who speaks first?" not in page
    assert not note_shown(page)


def test_an_english_speaker_reads_the_english_of_the_same_module(worker, client_for):
    module, lesson = _translated_lesson()
    page = client_for(worker).get(lesson.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Hearing a parent</h1>' in page
    assert "Who speaks first?" in page
    assert "Entendre un parent" not in page
    assert not note_shown(page)


def test_a_french_speaker_reads_english_with_a_note_where_french_is_missing(worker, client_for):
    module = ModuleFactory(title="Power with families", summary="Sharing decisions.")
    lesson = LessonFactory(module=module, title="Naming the power", body="Workers hold power.")
    speaks(worker, "fr")
    client = client_for(worker)
    page = client.get(module.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Power with families</h1>' in page
    assert "Sharing decisions." in page
    assert note_shown(page)
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Naming the power</h1>' in page
    assert '<div class="lesson-body" lang="en"><p>Workers hold power.</p>' in page
    assert note_shown(page)


def test_a_lesson_with_one_untranslated_question_carries_the_note(worker, client_for):
    module, lesson = _translated_lesson()
    Question.objects.create(lesson=lesson, text_en="Only in English?")
    speaks(worker, "fr")
    page = client_for(worker).get(lesson.get_absolute_url()).content.decode()
    assert '<legend class="h6" lang="en">Only in English?</legend>' in page
    assert '<legend class="h6" lang="fr">Qui parle en premier ?</legend>' in page
    assert note_shown(page)


def test_an_english_speaker_never_sees_the_note(worker, client_for):
    lesson = LessonFactory(title="Naming the power")
    page = client_for(worker).get(lesson.get_absolute_url()).content.decode()
    assert not note_shown(page)


def test_the_lesson_page_makes_as_many_queries_in_french_as_in_english(
    worker, client_for, count_queries
):
    module, lesson = _translated_lesson()
    client = client_for(worker)
    client.get(lesson.get_absolute_url())
    english = count_queries(client.get, lesson.get_absolute_url())
    speaks(worker, "fr")
    client.get(lesson.get_absolute_url())
    french = count_queries(client.get, lesson.get_absolute_url())
    assert french == english


def test_switching_language_in_the_middle_of_a_module_loses_nothing(worker, client_for):
    module, first = _translated_lesson()
    second = LessonFactory(module=module, title_en="Second", title_fr="Deuxième", order=99)
    question = first.questions.get()
    choice = question.choices.get()
    prompt = first.reflections.get()
    client = client_for(worker)

    client.get(first.get_absolute_url())
    client.post(f"{first.get_absolute_url()}questions/{question.pk}/", {"choice": choice.pk})
    client.post(
        f"{first.get_absolute_url()}reflections/{prompt.pk}/",
        {f"r{prompt.pk}-text": "I heard worry, in English."},
    )

    speaks(worker, "fr")
    page = client.get(module.get_absolute_url()).content.decode()
    assert '<h1 lang="fr">D’abord écouter</h1>' in page
    assert page.count("✓") == 1
    page = client.get(first.get_absolute_url()).content.decode()
    assert "I heard worry, in English." in page
    assert re.search(rf'id="choice-{choice.pk}"\s+checked', page)
    assert "Oui, le parent." in page
    saved = ReflectionResponse.objects.get(user=worker, prompt=prompt)
    client.post(
        f"{first.get_absolute_url()}reflections/{prompt.pk}/",
        {
            f"r{prompt.pk}-text": "I heard worry, in English. Et de la peur.",
            f"r{prompt.pk}-loaded_version": version_of(saved),
        },
    )
    client.get(second.get_absolute_url())

    assert set(LessonProgress.objects.filter(user=worker).values_list("lesson_id", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert ModuleCompletion.objects.filter(user=worker, module=module).exists()
    assert QuestionAnswer.objects.get(user=worker, question=question).latest_correct
    assert ReflectionResponse.objects.get(user=worker, prompt=prompt).text == (
        "I heard worry, in English. Et de la peur."
    )
