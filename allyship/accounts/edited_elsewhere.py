"""Two tabs editing one item: saving over a newer version takes a second, informed save.

The edit form carries a hidden stamp of the version it was opened with (the row's
``updated_at``). When the row has been saved since, in another tab or on another device, the
form comes back with everything the person typed, what is saved now, and a clear message; saving
again then replaces the newer version, because the person has seen it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

CHANGED_ELSEWHERE = _(
    "This was changed in another tab or window after you opened it. What you typed is kept "
    "below, and what is saved now is shown above it. Save again to replace it with yours, or "
    "cancel to keep what is saved."
)


def version_of(instance) -> str:
    return instance.updated_at.isoformat()


class EditedElsewhereCheckMixin(forms.Form):
    """For model forms of rows with ``updated_at``; ``saved_fields`` are shown on a conflict."""

    saved_fields: tuple[str, ...] = ()

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_version = []
        if self.instance.pk:
            self.fields["loaded_version"].initial = version_of(self.instance)

    def clean(self):
        # Checked before the other rules, so one round trip shows every reason to look again.
        if self.instance.pk and self.data.get(self.add_prefix("loaded_version")) != (
            current := version_of(self.instance)
        ):
            # ``self.instance`` still holds the saved row here: the typed values are applied later.
            self.saved_version = [
                (self.instance._meta.get_field(name).verbose_name, getattr(self.instance, name))
                for name in self.saved_fields
            ]
            # A second save is an informed choice: it carries the version the person has seen.
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_version")] = current
            self.add_error(None, forms.ValidationError(CHANGED_ELSEWHERE, code="edited_elsewhere"))
        return super().clean()
