from django import forms
from django.utils.translation import gettext_lazy as _

from allyship.accounts.client_info import REMINDER, ClientInfoCheckMixin
from allyship.accounts.limits import WRITING_MAX_LENGTH
from assessments.models import Frequency


def field_name(item):
    return f"item_{item.pk}"


def baseline_name(item):
    """The hidden field holding the answer as it was when the page was opened."""
    return f"was_{field_name(item)}"


def answer_as_text(item, answer) -> str:
    """A saved answer in the form a page posts it, to compare the two."""
    if answer is None:
        return ""
    if item.is_scale:
        return "" if answer.value is None else str(answer.value)
    return _normal(answer.text)


def _normal(text) -> str:
    # Browsers post a textarea's line breaks as CRLF; the comparison mustn't see a change there.
    return (text or "").replace("\r\n", "\n").strip()


class PageForm(ClientInfoCheckMixin, forms.Form):
    """One dimension's items. Every field is optional here: completeness is checked on review."""

    def __init__(self, *args, items, saved=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        # item id -> the answer saved now; the page's baselines when it is first shown.
        self.saved = saved or {}
        self.conflicts = []
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
        """Per item: its field, the baseline to carry, and the other tab's answer on a conflict."""
        rows = []
        for item in self.items:
            baseline = self.data.get(baseline_name(item)) if self.is_bound else None
            if baseline is None:
                baseline = answer_as_text(item, self.saved.get(item.pk))
            elsewhere = None
            if item in self.conflicts:
                elsewhere = baseline
                if item.is_scale and baseline:
                    elsewhere = Frequency(int(baseline)).label
            rows.append(
                {
                    "item": item,
                    "field": self[field_name(item)],
                    "baseline_name": baseline_name(item),
                    "baseline": baseline,
                    "elsewhere": elsewhere,
                }
            )
        return rows

    # Two tabs on one page: the page carries, per item, the answer it was opened with. An item
    # the person didn't change here is not written (another tab may have saved a newer answer),
    # and an item changed both here and elsewhere is shown back rather than overwritten.

    def _posted_text(self, item):
        name = field_name(item)
        if name not in self.posted_names:
            return None
        return _normal(str(self.data.get(name, "")))

    def _changed_here(self, item):
        baseline = self.data.get(baseline_name(item))
        if baseline is None:
            return True  # a post without the page's baselines (a script, an older page)
        posted = self._posted_text(item)
        return posted is not None and posted != _normal(baseline)

    def edited_elsewhere(self, saved):
        """Items changed here that were also saved differently since this page was opened.

        ``saved`` maps item ids to the answers saved now.
        """
        conflicts = []
        for item in self.items:
            baseline = self.data.get(baseline_name(item))
            if baseline is None or not self._changed_here(item):
                continue
            now = answer_as_text(item, saved.get(item.pk))
            if now not in (_normal(baseline), self._posted_text(item)):
                conflicts.append(item)
        return conflicts

    def rebased_on(self, saved):
        """The same page again, for a second, informed save: what was typed here is kept, the
        rest shows what is saved now, and every baseline is what is saved now."""
        data = self.data.copy()
        for item in self.items:
            now = answer_as_text(item, saved.get(item.pk))
            if not self._changed_here(item):
                data[field_name(item)] = now
            data[baseline_name(item)] = now
        form = PageForm(data, items=self.items, saved=saved)
        form.conflicts = self.edited_elsewhere(saved)
        form.is_valid()
        return form

    def posted_answers(self):
        """What this request posted and the person changed: (values, texts) keyed by item id."""
        values, texts = {}, {}
        for item in self.items:
            name = field_name(item)
            # Autosave drops fields with errors (NUL bytes, too long): skip them rather than
            # overwrite the saved text with nothing. Untouched answers are not rewritten either.
            if name not in self.cleaned_data or name not in self.posted_names:
                continue
            if not self._changed_here(item):
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
