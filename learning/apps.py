from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_CONTENT = ["topic", "module", "lesson", "question", "choice", "reflectionprompt"]


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    # Trainers author content; learners' progress and responses are never theirs to see.
    group_permissions = {
        "Trainers": [
            f"learning.{action}_{model}"
            for model in _CONTENT
            for action in ("add", "change", "delete", "view")
        ],
    }

    def ready(self):
        from allyship.accounts import figures, pages, personal_data, sharing
        from allyship.content_language import keep_meta_ordering_out_of_group_by
        from learning import personal_data as own_data
        from learning.models import (
            Choice,
            Lesson,
            LessonProgress,
            Module,
            ModuleCompletion,
            Question,
            QuestionAnswer,
            ReflectionPrompt,
            ReflectionResponse,
            Topic,
        )

        keep_meta_ordering_out_of_group_by()
        # Team progress shows modules started (a lesson's first visit, recorded once) and
        # completed.
        for model in (LessonProgress, ModuleCompletion):
            figures.track(model, agencies=lambda row: figures.of_person(row.user_id))
        # ...and modules by their title, in every agency that may assign them. Personal pages
        # show all of the content.
        for model in (Module, Topic, Lesson, Question, Choice, ReflectionPrompt):
            figures.track(model, agencies=figures.every_agency)
        for model in (LessonProgress, ModuleCompletion, QuestionAnswer, ReflectionResponse):
            pages.track(model, people=lambda row: pages.of(row.user_id))

        sharing.register(
            ReflectionResponse,
            owner_field="user",
            viewer_url_name="learning:shared_reflection",
            noun=_("reflection on a lesson"),
            related=["prompt__lesson__module"],
        )
        personal_data.register(
            "learning",
            exporter=own_data.export,
            eraser=own_data.erase,
            removes=[_("module reflections"), _("knowledge-check answers")],
        )
