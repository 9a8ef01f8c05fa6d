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
        from allyship.accounts import personal_data, sharing
        from learning import personal_data as own_data
        from learning.models import ReflectionResponse

        sharing.register(
            ReflectionResponse,
            owner_field="user",
            viewer_url_name="learning:shared_reflection",
            noun=_("reflection on a lesson"),
        )
        personal_data.register(
            "learning",
            exporter=own_data.export,
            eraser=own_data.erase,
            removes=[_("module reflections"), _("knowledge-check answers")],
        )
