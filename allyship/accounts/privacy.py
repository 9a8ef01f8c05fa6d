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


def figures_to_hide(respondents: dict) -> set:
    """Which group figures to withhold so that none reveals fewer than K people.

    ``respondents`` maps a figure's key (a team, a quarter, the whole agency...) to the set of ids
    of the people behind it. A figure is hidden when fewer than K people stand behind it, and also
    when it could be subtracted from another shown figure to isolate fewer than K people: two
    shown figures whose groups differ by 1 to K-1 people (the agency and a team that is almost all
    of it; this quarter and last quarter with one member more). Of such a pair the figure over
    more people is hidden, so the closer, more useful figure stays; repeat until no pair is left.
    """
    k = min_group_size()
    # Each group as a bit mask over everyone involved: the number of people two groups don't
    # share is then one XOR and a bit count, fast enough for every pair of an agency's figures.
    index = {}
    masks, sizes = {}, {}
    for key, ids in respondents.items():
        mask = 0
        for person in ids:
            mask |= 1 << index.setdefault(person, len(index))
        masks[key], sizes[key] = mask, mask.bit_count()
    hidden = {key for key, size in sizes.items() if size < k}
    # One pass over the pairs in a fixed order: hiding a figure never creates a new offending
    # pair among the figures still shown, so pairs already checked need no second look.
    shown = sorted((key for key in masks if key not in hidden), key=str)
    for position, first in enumerate(shown):
        first_mask, first_size = masks[first], sizes[first]
        for second in shown[position + 1 :]:
            if first in hidden:
                break
            if abs(first_size - sizes[second]) >= k or second in hidden:
                continue  # two groups whose sizes differ by K or more differ by K people or more
            if 0 < (first_mask ^ masks[second]).bit_count() < k:
                hidden.add(first if first_size >= sizes[second] else second)
    return hidden


def differencing_reason() -> str:
    return _(
        "Hidden to protect privacy: together with another figure on this page it would reveal "
        "the answers of fewer than %(k)d people."
    ) % {"k": min_group_size()}
