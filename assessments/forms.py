from django import forms
from django.utils.translation import gettext_lazy as _

from allyship.accounts.client_info import REMINDER, ClientInfoCheckMixin
from allyship.accounts.limits import WRITING_MAX_LENGTH
from assessments.models import Frequency


def field_name(item):
    return f"item_{item.pk}"


class PageForm(ClientInfoCheckMixin, forms.Form):
    """One dimension's items. Every field is optional here: completeness is checked on review."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        reflections = []
        for item in items:
            name = field_name(item)
            if item.is_scale:
                self.fields[name] = forms.TypedChoiceField(
                    label=item.prompt,
                    help_text=item.help_text,
                    choices=Frequency.choices,
                    coerce=int,
                    required=False,
                    widget=forms.RadioSelect,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=item.prompt,
                    help_text=item.help_text,
                    max_length=WRITING_MAX_LENGTH,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
                reflections.append(name)
        self.client_info_fields = tuple(reflections)
        # The mixin added its reminder before these fields existed.
        for name in reflections:
            if not self.fields[name].help_text:
                self.fields[name].help_text = REMINDER
        self.posted_names = set(self.data.keys()) if self.is_bound else set()

    def bound_items(self):
        return [(item, self[field_name(item)]) for item in self.items]

    def posted_answers(self):
        """Only what this request posted: (values, texts) keyed by item id."""
        values, texts = {}, {}
        for item in self.items:
            name = field_name(item)
            # Autosave drops fields with errors (NUL bytes, too long): skip them rather than
            # overwrite the saved text with nothing.
            if name not in self.posted_names or name not in self.cleaned_data:
                continue
            if item.is_scale:
                value = self.cleaned_data.get(name)
                values[item.pk] = value if value != "" else None
            else:
                texts[item.pk] = self.cleaned_data.get(name) or ""
        return values, texts


class AgencyStartForm(forms.Form):
    group_note = forms.CharField(
        label=_("Who is answering for the agency?"),
        help_text=_("Name the group, for example “The equity committee with two youth advisors”."),
        max_length=300,
    )
