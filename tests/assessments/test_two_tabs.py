"""Two tabs on the same page of an attempt: no answer is silently overwritten.

Each "tab" is the page's form as a browser would post it: every field the page rendered, with
what the person changed in that tab.
"""

from html import unescape
from html.parser import HTMLParser

import pytest

from assessments.models import Answer, Attempt, Item

pytestmark = pytest.mark.django_db


class FormReader(HTMLParser):
    """The fields of the assessment form, as a browser would post them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields = {}
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name", "").startswith(("item_", "was_")):
            if attrs.get("type") != "radio" or "checked" in attrs:
                self.fields[attrs["name"]] = unescape(attrs.get("value") or "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.fields[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def open_tab(client, url):
    reader = FormReader()
    reader.feed(client.get(url).content.decode())
    return reader.fields


@pytest.fixture
def page(client_for, worker, instrument):
    client = client_for(worker)
    attempt = Attempt.objects.create(user=worker, instrument=instrument)
    scale, _other, reflection = Item.objects.filter(
        dimension__instrument=instrument, dimension__position=1
    ).order_by("position")
    Answer.objects.create(attempt=attempt, item=scale, value=3)
    Answer.objects.create(attempt=attempt, item=reflection, text="What I first wrote")
    url = f"/assessments/attempt/{attempt.pk}/part/1/"
    return client, url, attempt, f"item_{scale.pk}", f"item_{reflection.pk}"


def saved(attempt, name):
    answer = Answer.objects.get(attempt=attempt, item_id=int(name.split("_")[1]))
    return answer.text or answer.value


def test_the_page_carries_the_answers_it_was_opened_with(page):
    client, url, _attempt, scale, reflection = page
    fields = open_tab(client, url)
    assert fields[f"was_{scale}"] == "3"
    assert fields[f"was_{reflection}"] == "What I first wrote"


def test_saving_a_page_leaves_alone_what_another_tab_changed_and_this_one_did_not(page):
    client, url, attempt, scale, reflection = page
    tab_one = open_tab(client, url)
    tab_two = open_tab(client, url)
    client.post(url, tab_two | {scale: "5", "action": "later"})

    response = client.post(url, tab_one | {reflection: "A better thought", "action": "later"})

    assert response.status_code == 302
    assert saved(attempt, scale) == 5
    assert saved(attempt, reflection) == "A better thought"


def test_an_answer_changed_in_both_tabs_is_shown_back_not_overwritten(page):
    client, url, attempt, _scale, reflection = page
    tab_one = open_tab(client, url)
    tab_two = open_tab(client, url)
    client.post(url, tab_two | {reflection: "Written in tab two", "action": "later"})

    response = client.post(url, tab_one | {reflection: "Written in tab one", "action": "next"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "Changed in another tab or window" in body
    assert "Written in tab one</textarea>" in body  # what the person typed, kept
    assert "Saved now, from another tab or window:" in body
    assert "Written in tab two" in body
    assert saved(attempt, reflection) == "Written in tab two"


def test_saving_again_after_seeing_both_keeps_mine(page):
    client, url, attempt, scale, reflection = page
    tab_one = open_tab(client, url)
    tab_two = open_tab(client, url)
    client.post(url, tab_two | {reflection: "Written in tab two", scale: "1", "action": "later"})
    warned = client.post(url, tab_one | {reflection: "Written in tab one", "action": "next"})
    reader = FormReader()
    reader.feed(warned.content.decode())

    # The re-shown page keeps my text and shows the other tab's answer where I changed nothing.
    assert reader.fields[reflection] == "Written in tab one"
    assert reader.fields[scale] == "1"
    response = client.post(url, reader.fields | {"action": "later"})

    assert response.status_code == 302
    assert saved(attempt, reflection) == "Written in tab one"
    assert saved(attempt, scale) == 1


def test_line_breaks_posted_by_a_browser_are_not_a_change(page):
    client, url, attempt, scale, reflection = page
    Answer.objects.filter(attempt=attempt, item_id=int(reflection.split("_")[1])).update(
        text="Two\nlines"
    )
    tab_one = open_tab(client, url)
    tab_two = open_tab(client, url)
    client.post(url, tab_two | {reflection: "Changed elsewhere", "action": "later"})

    response = client.post(url, tab_one | {reflection: "Two\r\nlines", scale: "4"})

    assert response.status_code == 302
    assert saved(attempt, reflection) == "Changed elsewhere"
    assert saved(attempt, scale) == 4


def test_autosave_leaves_another_tabs_newer_answer_alone_and_says_so(page):
    client, url, attempt, scale, reflection = page
    tab_one = open_tab(client, url)
    tab_two = open_tab(client, url)
    client.post(url, tab_two | {reflection: "Written in tab two", "action": "later"})

    response = client.post(
        url + "autosave/",
        {
            reflection: "Typed in tab one",
            f"was_{reflection}": tab_one[f"was_{reflection}"],
            scale: "2",
            f"was_{scale}": tab_one[f"was_{scale}"],
        },
    )

    assert response.status_code == 409
    assert response.json() == {"edited_elsewhere": [reflection]}
    assert saved(attempt, reflection) == "Written in tab two"
    assert saved(attempt, scale) == 2
