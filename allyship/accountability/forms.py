from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from allyship.accountability.models import Comment, Commitment, Entry, EquityGroup, FollowUp
from allyship.accounts.client_info import ClientInfoCheckMixin
from allyship.accounts.edited_elsewhere import EditedElsewhereCheckMixin
from assessments.models import Attempt
from learning.models import Module


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class EntryForm(EditedElsewhereCheckMixin, ClientInfoCheckMixin, forms.ModelForm):
    client_info_fields = ("title", "what_happened", "what_i_learned", "what_i_will_do_differently")
    saved_fields = client_info_fields

    class Meta:
        model = Entry
        fields = [
            "kind",
            "date",
            "title",
            "what_happened",
            "what_i_learned",
            "what_i_will_do_differently",
            "level",
            "equity_groups",
            "module",
            "attempt",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "level": forms.RadioSelect,
            "date": DateInput(),
            "equity_groups": forms.CheckboxSelectMultiple,
            "what_happened": forms.Textarea(attrs={"rows": 4}),
            "what_i_learned": forms.Textarea(attrs={"rows": 3}),
            "what_i_will_do_differently": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the person's own attempts, and modules open to them, can be linked.
        self.fields["module"].queryset = Module.objects.available_to(user)
        self.fields["attempt"].queryset = (
            Attempt.objects.for_user(user).submitted().select_related("instrument")
        )
        self.fields["attempt"].label_from_instance = lambda attempt: (
            _("%(title)s, %(date)s")
            % {"title": attempt.instrument.title, "date": date_format(attempt.submitted_at)}
        )
        # Groups no longer offered stay ticked on the entries that already name them.
        offered = EquityGroup.objects.filter(is_active=True)
        if self.instance.pk:
            offered = offered | EquityGroup.objects.filter(entry=self.instance)
        self.fields["equity_groups"].queryset = offered.distinct()


class CommitmentForm(EditedElsewhereCheckMixin, ClientInfoCheckMixin, forms.ModelForm):
    client_info_fields = ("text",)
    saved_fields = ("text", "due_date")

    class Meta:
        model = Commitment
        fields = ["text", "due_date"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "due_date": DateInput()}


class FollowUpForm(ClientInfoCheckMixin, forms.ModelForm):
    client_info_fields = ("note",)
    prefix = "follow_up"

    class Meta:
        model = FollowUp
        fields = ["date", "note"]
        labels = {"note": _("How is it going?")}
        widgets = {"date": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}


class CloseCommitmentForm(ClientInfoCheckMixin, forms.ModelForm):
    client_info_fields = ("closing_note",)

    status = forms.ChoiceField(
        label=_("How did it end?"),
        choices=[
            (Commitment.Status.DONE, _("Done: I did it")),
            (Commitment.Status.DROPPED, _("Dropped: I'm letting it go")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Commitment
        fields = ["status", "closing_note"]
        widgets = {"closing_note": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"closing_note": ""}

    def save(self, commit=True):
        self.instance.closed_at = timezone.now()
        return super().save(commit=commit)


class CommentForm(ClientInfoCheckMixin, forms.ModelForm):
    client_info_fields = ("text",)
    prefix = "comment"

    class Meta:
        model = Comment
        fields = ["text"]
        labels = {"text": _("Your comment")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class BootstrapBoundField(forms.BoundField):
    """A field that marks its input ``is-invalid`` when it has errors, as Bootstrap needs to show
    the error text under it (Django already adds ``aria-invalid`` and ``aria-describedby``)."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            widget = widget or self.field.widget
            attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
        return attrs


class _FetchedChoiceIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ShortListChoiceField(forms.ModelChoiceField):
    """A model choice field for a short list, read with one ordinary query.

    Django reads the options with ``iterator()``, which on PostgreSQL declares a server-side
    cursor: three more round trips to the database for a list of a few rows.
    """

    iterator = _FetchedChoiceIterator


class LogFilterForm(forms.Form):
    """The log's filters, read from the query string; every field is optional.

    The log renders these fields itself rather than through crispy, which cost more than the
    rest of the page; so the Bootstrap classes are set here.
    """

    bound_field_class = BootstrapBoundField

    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds")), *Entry.Kind.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    level = forms.ChoiceField(
        label=_("Level"),
        choices=[("", _("All levels")), *Entry.Level.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    group = ShortListChoiceField(
        label=_("Equity-seeking group"),
        queryset=EquityGroup.objects.all(),
        empty_label=_("All groups"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=DateInput(attrs={"class": "form-control"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=DateInput(attrs={"class": "form-control"})
    )

    def filter(self, entries):
        if not self.is_valid():
            return entries
        data = self.cleaned_data
        if data["q"]:
            entries = entries.search(data["q"])
        if data["kind"]:
            entries = entries.filter(kind=data["kind"])
        if data["level"]:
            entries = entries.filter(level=data["level"])
        if data["group"]:
            entries = entries.filter(equity_groups=data["group"])
        if data["date_from"]:
            entries = entries.filter(date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(date__lte=data["date_to"])
        return entries

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())
