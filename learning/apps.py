from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    group_permissions = {
        "Trainers": [
            "learning.add_topic",
            "learning.change_topic",
            "learning.delete_topic",
            "learning.view_topic",
        ],
    }
