"""Load the starter curriculum from YAML, idempotently.

Modules are matched by slug; lessons, questions, choices and prompts by their order, and updated in
place so learners' progress (which points at lesson ids) survives a reload. Nothing is deleted.
"""

from pathlib import Path

import yaml
from django.db import transaction

from learning.models import Choice, Lesson, Module, Question, ReflectionPrompt, Topic

STARTER_DIR = Path(__file__).resolve().parent


@transaction.atomic
def load_starter_curriculum(directory: Path = STARTER_DIR) -> dict:
    directory = Path(directory)
    counts = {"topics": 0, "modules": 0, "lessons": 0}
    topics_file = directory / "topics.yaml"
    if topics_file.exists():
        for item in yaml.safe_load(topics_file.read_text(encoding="utf-8")) or []:
            Topic.objects.update_or_create(
                slug=item["slug"],
                defaults={"name": item["name"], "description": item.get("description", "")},
            )
            counts["topics"] += 1
    for path in sorted((directory / "modules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        module, _ = Module.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "summary": data.get("summary", ""),
                "estimated_minutes": data.get("estimated_minutes", 30),
                "content_note": data.get("content_note") or "",
                "credits": data.get("credits") or "",
                "agency": None,
                "status": Module.Status.PUBLISHED,
                "is_starter": True,
            },
        )
        module.topics.set(Topic.objects.filter(slug__in=data.get("topics", [])))
        counts["modules"] += 1
        for lesson_order, lesson_data in enumerate(data.get("lessons", []), start=1):
            lesson, _ = Lesson.objects.update_or_create(
                module=module,
                order=lesson_order,
                defaults={"title": lesson_data["title"], "body": lesson_data.get("body", "")},
            )
            counts["lessons"] += 1
            for q_order, q_data in enumerate(lesson_data.get("questions", []), start=1):
                question, _ = Question.objects.update_or_create(
                    lesson=lesson,
                    order=q_order,
                    defaults={
                        "text": q_data["text"],
                        "kind": q_data.get("kind", Question.Kind.SINGLE),
                        "explanation": q_data.get("explanation", ""),
                    },
                )
                for c_order, c_data in enumerate(q_data.get("choices", []), start=1):
                    Choice.objects.update_or_create(
                        question=question,
                        order=c_order,
                        defaults={
                            "text": c_data["text"],
                            "is_correct": bool(c_data.get("correct", False)),
                            "feedback": c_data.get("feedback", ""),
                        },
                    )
            for r_order, r_data in enumerate(lesson_data.get("reflections", []), start=1):
                ReflectionPrompt.objects.update_or_create(
                    lesson=lesson, order=r_order, defaults={"prompt": r_data["prompt"]}
                )
    return counts
