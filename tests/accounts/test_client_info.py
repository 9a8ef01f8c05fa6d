import pytest
from django import forms

from allyship.accounts.client_info import ClientInfoCheckMixin, client_information_found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Called her back at 416-555-0199 after the visit.", ["a phone number"]),
        ("The youth, DOB 2011-04-03, was quiet.", ["a date of birth"]),
        ("Health card 1234-567-890-AB on the form.", ["a health card number"]),
        ("See file no. 22-0413 for details.", ["a file or case number"]),
        ("A mother named Grace told me I talked over her.", ["a person's name"]),
        ("I interrupted a parent during a meeting and apologised afterwards.", []),
        ("I read 3 chapters of the report in 2024.", []),
    ],
)
def test_it_spots_text_that_may_identify_a_client(text, found):
    assert client_information_found(text) == found


class ReflectionForm(ClientInfoCheckMixin, forms.Form):
    client_info_fields = ("text",)
    text = forms.CharField(widget=forms.Textarea)


def test_it_warns_keeps_the_text_and_offers_save_anyway():
    form = ReflectionForm(data={"text": "Client named Sam, 416 555 0199"})
    assert not form.is_valid()
    assert form.client_info_warnings == ["a phone number", "a person's name"]
    assert "may identify a client" in form.non_field_errors()[0]
    assert 'type="checkbox"' in str(form["save_anyway"])
    assert form["text"].value() == "Client named Sam, 416 555 0199"


def test_save_anyway_lets_the_text_through():
    form = ReflectionForm(data={"text": "Client named Sam", "save_anyway": "on"})
    assert form.is_valid()
    assert form.cleaned_data["text"] == "Client named Sam"


def test_text_boxes_carry_the_reminder():
    assert "could identify a client" in ReflectionForm().fields["text"].help_text
    assert 'type="hidden"' in str(ReflectionForm()["save_anyway"])
