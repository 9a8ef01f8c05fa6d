import textwrap

import pytest

from learning.models import (
    Choice,
    Lesson,
    LessonProgress,
    Module,
    Question,
    ReflectionPrompt,
    Topic,
)
from learning.starter import load_starter_curriculum
from learning.starter.mirror import MirrorMismatch

MODULE = textwrap.dedent(
    """
    slug: small-module
    title: A small module
    summary: Short.
    estimated_minutes: 10
    topics: [accountability]
    content_note: ""
    credits: "Written for tests"
    lessons:
      - title: First
        body: |
          Hello **there**.
        questions:
          - text: Which?
            kind: single
            explanation: Because.
            choices:
              - {text: A, correct: true, feedback: Yes}
              - {text: B, correct: false, feedback: No}
        reflections:
          - prompt: What do you notice?
    """
)


def _write(tmp_path):
    (tmp_path / "modules").mkdir()
    (tmp_path / "topics.yaml").write_text(
        "- {slug: accountability, name: Accountability, description: Owning it}\n"
    )
    (tmp_path / "modules" / "01-small-module.yaml").write_text(MODULE)


def test_it_loads_a_published_sector_wide_starter_module(db, tmp_path):
    _write(tmp_path)
    load_starter_curriculum(tmp_path)
    module = Module.objects.get(slug="small-module")
    assert module.is_starter and module.status == "published" and module.agency is None
    assert [t.slug for t in module.topics.all()] == ["accountability"]
    assert "<strong>there</strong>" in module.lessons.get().body_html


def test_it_loads_twice_without_duplicates_or_losing_progress(db, tmp_path, worker):
    _write(tmp_path)
    load_starter_curriculum(tmp_path)
    LessonProgress.objects.create(user=worker, lesson=Lesson.objects.get())
    load_starter_curriculum(tmp_path)
    assert Module.objects.count() == 1
    assert Lesson.objects.count() == 1
    assert Question.objects.count() == 1
    assert Choice.objects.count() == 2
    assert ReflectionPrompt.objects.count() == 1
    assert LessonProgress.objects.filter(user=worker).count() == 1


def test_it_keeps_progress_when_a_published_module_is_reloaded_with_a_new_lesson(
    db, tmp_path, worker
):
    from learning.models import ModuleCompletion
    from learning.progress import progress_by_module

    _write(tmp_path)
    load_starter_curriculum(tmp_path)
    module = Module.objects.get()
    LessonProgress.objects.create(user=worker, lesson=module.lessons.get())
    ModuleCompletion.objects.create(user=worker, module=module, completed_on="2026-01-05")
    path = tmp_path / "modules" / "01-small-module.yaml"
    path.write_text(path.read_text() + "  - title: Second\n    body: More.\n")
    load_starter_curriculum(tmp_path)
    progress = progress_by_module(worker)[module.pk]
    assert (progress.lessons_visited, progress.lessons_total) == (1, 2)
    assert str(progress.completed_on) == "2026-01-05"


FRENCH_MODULE = textwrap.dedent(
    """
    slug: small-module
    title: Un petit module
    summary: Court.
    estimated_minutes: 10
    topics: [accountability]
    content_note: ""
    credits: "Écrit pour les tests"
    lessons:
      - title: Première
        body: |
          Bonjour **vous**.
        questions:
          - text: Laquelle ?
            kind: single
            explanation: Parce que.
            choices:
              - {text: A fr, correct: true, feedback: Oui}
              - {text: B fr, correct: false, feedback: Non}
        reflections:
          - prompt: Que remarquez-vous ?
    """
)


def _write_french(tmp_path, module=FRENCH_MODULE):
    (tmp_path / "fr" / "modules").mkdir(parents=True)
    (tmp_path / "fr" / "topics.yaml").write_text(
        "- {slug: accountability, name: Responsabilité, description: L'assumer}\n"
    )
    (tmp_path / "fr" / "modules" / "01-small-module.yaml").write_text(module)


def test_it_loads_the_french_mirror_beside_the_english(db, tmp_path):
    _write(tmp_path)
    _write_french(tmp_path)
    load_starter_curriculum(tmp_path)
    module = Module.objects.get(slug="small-module")
    assert (module.title_en, module.title_fr) == ("A small module", "Un petit module")
    assert module.credits_fr == "Écrit pour les tests"
    assert module.is_starter
    lesson = Lesson.objects.get(module=module)
    assert lesson.body_html_en.strip() == "<p>Hello <strong>there</strong>.</p>"
    assert lesson.body_html_fr.strip() == "<p>Bonjour <strong>vous</strong>.</p>"
    question = Question.objects.get(lesson=lesson)
    assert (question.text_fr, question.explanation_fr) == ("Laquelle ?", "Parce que.")
    choices = Choice.objects.filter(question=question).order_by("order")
    assert [(c.text_fr, c.feedback_fr, c.is_correct) for c in choices] == [
        ("A fr", "Oui", True),
        ("B fr", "Non", False),
    ]
    assert ReflectionPrompt.objects.get(lesson=lesson).prompt_fr == "Que remarquez-vous ?"
    assert Topic.objects.get(slug="accountability").name_fr == "Responsabilité"


def test_without_a_mirror_it_loads_english_and_keeps_french_written_in_the_admin(db, tmp_path):
    _write(tmp_path)
    load_starter_curriculum(tmp_path)
    module = Module.objects.get(slug="small-module")
    assert module.title_fr is None
    module.title_fr = "Traduit dans l’admin"
    module.save()
    load_starter_curriculum(tmp_path)
    module.refresh_from_db()
    assert module.title_fr == "Traduit dans l’admin"


def test_it_refuses_a_mirror_whose_structure_drifted(db, tmp_path):
    _write(tmp_path)
    _write_french(tmp_path, FRENCH_MODULE.replace("correct: true", "correct: false"))
    with pytest.raises(MirrorMismatch, match="correct"):
        load_starter_curriculum(tmp_path)
    assert not Module.objects.exists()
