"""The K rule (DESIGN.md, privacy promise 4): group figures need enough distinct respondents."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _


def min_group_size() -> int:
    return settings.MIN_GROUP_SIZE


@dataclass(frozen=True)
class GroupFigure:
    """A figure over a group of people, withheld when too few people stand behind it."""

    value: float | None
    respondents: int

    @property
    def hidden(self) -> bool:
        return self.respondents < min_group_size()

    @property
    def shown_value(self):
        return None if self.hidden else self.value

    @property
    def reason(self) -> str:
        if not self.hidden:
            return ""
        return _("Fewer than %(k)d responses — hidden to protect privacy.") % {
            "k": min_group_size()
        }
