"""Load the starter curriculum from YAML, idempotently.

Modules are matched by slug; lessons, questions, choices and prompts by their order, and updated in
place so learners' progress (which points at lesson ids) survives a reload. Nothing is deleted.

French comes from the mirrors under ``fr/`` (``mirror.py``) when they exist: the same file, same
structure, French text. Without a mirror the content loads in English and keeps any French
already written in the admin.
"""

from pathlib import Path

import yaml
from django.db import transaction

from learning.models import Choice, Lesson, Module, Question, ReflectionPrompt, Topic
from learning.starter.mirror import item, read_mirror, texts

STARTER_DIR = Path(__file__).resolve().parent


@transaction.atomic
def load_starter_curriculum(directory: Path = STARTER_DIR) -> dict:
    directory = Path(directory)
    counts = {"topics": 0, "modules": 0, "lessons": 0}
    topics_file = directory / "topics.yaml"
    if topics_file.exists():
        topics = yaml.safe_load(topics_file.read_text(encoding="utf-8")) or []
        french_topics = read_mirror(topics_file, directory)
        for n, topic in enumerate(topics):
            Topic.objects.update_or_create(
                slug=topic["slug"],
                defaults=texts(topic, item(french_topics, n), "name", "description"),
            )
            counts["topics"] += 1
    for path in sorted((directory / "modules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        _load_module(data, read_mirror(path, directory))
        counts["modules"] += 1
        counts["lessons"] += len(data.get("lessons", []))
    return counts


def _load_module(data, french):
    module, _ = Module.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **texts(data, french, "title", "summary", "content_note", "credits"),
            "estimated_minutes": data.get("estimated_minutes", 30),
            "agency": None,
            "status": Module.Status.PUBLISHED,
            "is_starter": True,
        },
    )
    module.topics.set(Topic.objects.filter(slug__in=data.get("topics", [])))
    french_lessons = french and french.get("lessons")
    for n, lesson_data in enumerate(data.get("lessons", [])):
        french_lesson = item(french_lessons, n)
        lesson, _ = Lesson.objects.update_or_create(
            module=module,
            order=n + 1,
            defaults=texts(lesson_data, french_lesson, "title", "body"),
        )
        french_questions = french_lesson and french_lesson.get("questions")
        for q, q_data in enumerate(lesson_data.get("questions", [])):
            french_question = item(french_questions, q)
            question, _ = Question.objects.update_or_create(
                lesson=lesson,
                order=q + 1,
                defaults={
                    **texts(q_data, french_question, "text", "explanation"),
                    "kind": q_data.get("kind", Question.Kind.SINGLE),
                },
            )
            french_choices = french_question and french_question.get("choices")
            for c, c_data in enumerate(q_data.get("choices", [])):
                Choice.objects.update_or_create(
                    question=question,
                    order=c + 1,
                    defaults={
                        **texts(c_data, item(french_choices, c), "text", "feedback"),
                        "is_correct": bool(c_data.get("correct", False)),
                    },
                )
        french_prompts = french_lesson and french_lesson.get("reflections")
        for r, r_data in enumerate(lesson_data.get("reflections", [])):
            ReflectionPrompt.objects.update_or_create(
                lesson=lesson,
                order=r + 1,
                defaults=texts(r_data, item(french_prompts, r), "prompt"),
            )
