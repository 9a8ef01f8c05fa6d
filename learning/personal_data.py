"""Learning's part of "download my data" and "delete my private data"."""

from django.utils.translation import gettext as _

from learning.models import LessonProgress, ModuleCompletion, QuestionAnswer, ReflectionResponse


def export(user) -> dict[str, list[dict]]:
    return {
        "reflections": [
            {
                "module": row.prompt.lesson.module.title,
                "lesson": row.prompt.lesson.title,
                "prompt": row.prompt.prompt,
                "text": row.text,
                "updated_at": row.updated_at,
            }
            for row in ReflectionResponse.objects.filter(user=user).select_related(
                "prompt__lesson__module"
            )
        ],
        "knowledge_checks": [
            {
                "question": row.question.text,
                "first_answer": [choice.text for choice in row.first_choices.all()],
                "first_correct": row.first_correct,
                "latest_answer": [choice.text for choice in row.latest_choices.all()],
                "tries": row.attempts,
            }
            for row in QuestionAnswer.objects.filter(user=user)
            .select_related("question")
            .prefetch_related("first_choices", "latest_choices")
        ],
        "lessons_visited": [
            {"module": row.lesson.module.title, "lesson": row.lesson.title, "at": row.visited_at}
            for row in LessonProgress.objects.filter(user=user).select_related("lesson__module")
        ],
        "modules_completed": [
            {"module": row.module.title, "completed_on": row.completed_on}
            for row in ModuleCompletion.objects.filter(user=user).select_related("module")
        ],
    }


def erase(user) -> dict[str, int]:
    """Delete reflections and knowledge-check answers; lessons visited and completions stay."""
    _total, by_model = ReflectionResponse.objects.filter(user=user).delete()
    reflections = by_model.get("learning.ReflectionResponse", 0)
    answers = QuestionAnswer.objects.filter(user=user).count()
    QuestionAnswer.objects.filter(user=user).delete()
    return {_("module reflections"): reflections, _("knowledge-check answers"): answers}
