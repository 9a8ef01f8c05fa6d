"""Random, huge and odd input through every form: never a 500, never live markup out, and what
was saved reads back as typed (less the surrounding whitespace every form trims), or the form
says clearly why it was refused.
"""

import datetime

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allyship.accountability.models import Comment, Commitment, Entry, FollowUp
from allyship.accounts import sharing
from allyship.accounts.edited_elsewhere import version_of
from allyship.accounts.limits import WRITING_MAX_LENGTH
from assessments.models import Answer, Attempt, Frequency, Item
from learning.models import ReflectionPrompt, ReflectionResponse
from tests.factories import CommitmentFactory, EntryFactory, LessonFactory, build_instrument
from tests.html_safety import runnable_markup

pytestmark = pytest.mark.django_db

# Modest counts keep the suite fast; the fixtures (one person, one item) serve every example,
# and each example posts its own new text, so sharing them is safe.
fuzz = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "\u202egnp.exe",  # right-to-left override
    "שלום עולם",
    "e\u0301\u0301\u0301",  # stacked combining marks
    "\U0001f9d1\U0001f3fd\u200d\U0001f91d\u200d\U0001f9d1\U0001f3fb",  # emoji ZWJ sequence
    "\ufeff\u200b\u00a0",
    "\x00",
    "\r\n",
    "{{ request }}{% debug %}",
    "'; DROP TABLE accountability_entry; --",
]
writing = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=20)), max_size=12).map("".join),
)
NUL_REFUSED = "Null characters are not allowed."


def accepted(value, *, required=True, max_length=WRITING_MAX_LENGTH):
    """Whether Django's form field should take ``value``, as it would clean it."""
    cleaned = value.strip()
    return "\x00" not in cleaned and (cleaned or not required) and len(cleaned) <= max_length


def assert_refused_clearly(response, *values):
    page = response.content.decode()
    assert response.status_code == 200
    if any("\x00" in value for value in values):
        assert NUL_REFUSED in page
    else:
        assert "This field is required." in page or "Ensure this value has at most" in page
    assert runnable_markup(page, page=True) == []


def assert_safe_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert runnable_markup(response.content.decode(), page=True) == []


@pytest.fixture
def worker_client(worker):
    client = Client()
    client.force_login(worker)
    return client


@fuzz
@given(title=writing, happened=writing, learned=writing)
def test_a_log_entry_saves_any_text_as_typed(worker, worker_client, title, happened, learned):
    before = Entry.objects.count()
    response = worker_client.post(
        "/log/entries/new/",
        {
            "kind": "mistake",
            "date": "2026-03-04",
            "title": title,
            "what_happened": happened,
            "what_i_learned": learned,
            "level": "individual",
            "save_anyway": "on",
        },
    )
    if (
        accepted(title, max_length=200)
        and accepted(happened, required=False)
        and accepted(learned, required=False)
    ):
        assert response.status_code == 302
        entry = Entry.objects.latest("pk")
        assert (entry.title, entry.what_happened, entry.what_i_learned) == (
            title.strip(),
            happened.strip(),
            learned.strip(),
        )
        assert_safe_page(worker_client, response["Location"])
    else:
        assert_refused_clearly(response, title, happened, learned)
        assert Entry.objects.count() == before


@fuzz
@given(text=writing)
def test_a_commitment_saves_any_text_as_typed(worker_client, text):
    before = Commitment.objects.count()
    response = worker_client.post(
        "/log/commitments/new/", {"text": text, "due_date": "2026-12-01", "save_anyway": "on"}
    )
    if accepted(text):
        assert response.status_code == 302
        assert Commitment.objects.latest("pk").text == text.strip()
        assert_safe_page(worker_client, response["Location"])
    else:
        assert_refused_clearly(response, text)
        assert Commitment.objects.count() == before


@pytest.fixture
def commitment(worker):
    return CommitmentFactory(user=worker)


@fuzz
@given(note=writing)
def test_a_follow_up_saves_any_text_as_typed(worker_client, commitment, note):
    before = FollowUp.objects.count()
    response = worker_client.post(
        commitment.get_absolute_url(),
        {"follow_up-date": "2026-03-04", "follow_up-note": note, "follow_up-save_anyway": "on"},
    )
    if accepted(note):
        assert response.status_code == 302
        assert FollowUp.objects.latest("pk").note == note.strip()
        assert_safe_page(worker_client, commitment.get_absolute_url())
    else:
        assert_refused_clearly(response, note)
        assert FollowUp.objects.count() == before


@fuzz
@given(note=writing)
def test_closing_a_commitment_saves_any_note_as_typed(worker, worker_client, note):
    commitment = CommitmentFactory(user=worker)
    response = worker_client.post(
        f"{commitment.get_absolute_url()}close/",
        {"status": "done", "closing_note": note, "save_anyway": "on"},
    )
    commitment.refresh_from_db()
    if accepted(note, required=False):
        assert response.status_code == 302
        assert (commitment.status, commitment.closing_note) == ("done", note.strip())
        assert_safe_page(worker_client, commitment.get_absolute_url())
    else:
        assert_refused_clearly(response, note)
        assert commitment.is_open


@fuzz
@given(text=writing)
def test_a_comment_saves_any_text_as_typed(worker, worker_client, text):
    entry = EntryFactory(user=worker)
    response = worker_client.post(
        entry.get_absolute_url(), {"comment-text": text, "comment-save_anyway": "on"}
    )
    if accepted(text):
        assert response.status_code == 302
        assert Comment.objects.get(entry=entry).text == text.strip()
        assert_safe_page(worker_client, entry.get_absolute_url())
    else:
        assert_refused_clearly(response, text)
        assert not Comment.objects.filter(entry=entry).exists()


@fuzz
@given(text=writing)
def test_a_supervisors_comment_saves_any_text_as_typed(worker, supervisor, text):
    entry = EntryFactory(user=worker)
    sharing.share_item(item=entry)
    client = Client()
    client.force_login(supervisor)
    url = f"/log/shared/entries/{entry.pk}/"
    response = client.post(url, {"comment-text": text, "comment-save_anyway": "on"})
    if accepted(text):
        assert response.status_code == 302
        assert Comment.objects.get(entry=entry, author=supervisor).text == text.strip()
        assert_safe_page(client, url)
    else:
        assert_refused_clearly(response, text)
        assert not Comment.objects.filter(entry=entry).exists()


@pytest.fixture
def prompt(db):
    return ReflectionPrompt.objects.create(lesson=LessonFactory(), prompt="What did you notice?")


@fuzz
@given(text=writing)
def test_a_reflection_saves_any_text_as_typed(worker, worker_client, prompt, text):
    lesson_url = prompt.lesson.get_absolute_url()
    previous = ReflectionResponse.objects.filter(user=worker).first()
    data = {f"r{prompt.pk}-text": text, f"r{prompt.pk}-save_anyway": "on"}
    if previous is not None:
        data[f"r{prompt.pk}-loaded_version"] = version_of(previous)
    response = worker_client.post(f"{lesson_url}reflections/{prompt.pk}/", data)
    saved = ReflectionResponse.objects.filter(user=worker).first()
    if accepted(text):
        assert response.status_code == 302
        assert saved.text == text.strip()
        assert_safe_page(worker_client, lesson_url)
    else:
        assert_refused_clearly(response, text)
        assert saved == previous and (saved is None or saved.text == previous.text)


@pytest.fixture
def attempt(worker):
    instrument = build_instrument(dimensions=1, scale_items=1)
    attempt = Attempt.objects.create(user=worker, instrument=instrument)
    scale, reflection = Item.objects.filter(dimension__instrument=instrument).order_by("position")
    return attempt, scale, reflection


VALID_ANSWERS = {"", *(str(value) for value in Frequency.values)}


@fuzz
@given(text=writing, value=st.one_of(st.sampled_from(sorted(VALID_ANSWERS)), writing))
def test_assessment_answers_save_any_text_as_typed(worker_client, attempt, text, value):
    attempt, scale, reflection = attempt
    before = Answer.objects.filter(attempt=attempt, item=reflection).first()
    response = worker_client.post(
        f"/assessments/attempt/{attempt.pk}/part/1/",
        {
            f"item_{scale.pk}": value,
            f"item_{reflection.pk}": text,
            "save_anyway": "on",
            "action": "later",
        },
    )
    answer = Answer.objects.filter(attempt=attempt, item=reflection).first()
    if accepted(text, required=False) and value in VALID_ANSWERS:
        assert response.status_code == 302
        assert answer.text == text.strip()
        assert_safe_page(worker_client, f"/assessments/attempt/{attempt.pk}/part/1/")
    else:
        page = response.content.decode()
        assert response.status_code == 200
        if value not in VALID_ANSWERS:
            assert "Select a valid choice." in page
        if "\x00" in text:
            assert NUL_REFUSED in page
        assert runnable_markup(page, page=True) == []
        assert (answer and answer.text) == (before and before.text)


@fuzz
@given(text=writing)
def test_autosave_keeps_the_saved_reflection_when_new_text_is_refused(worker_client, attempt, text):
    attempt, _scale, reflection = attempt
    Answer.objects.update_or_create(
        attempt=attempt, item=reflection, defaults={"text": "What I wrote before"}
    )
    response = worker_client.post(
        f"/assessments/attempt/{attempt.pk}/part/1/autosave/", {f"item_{reflection.pk}": text}
    )
    assert response.status_code == 204
    saved = Answer.objects.get(attempt=attempt, item=reflection).text
    assert saved == (text.strip() if accepted(text, required=False) else "What I wrote before")


@fuzz
@given(query=writing)
def test_the_log_search_takes_any_text(worker, worker_client, query):
    EntryFactory(user=worker, title="Listening first")
    response = worker_client.get("/log/", {"q": query})
    assert response.status_code == 200
    assert runnable_markup(response.content.decode(), page=True) == []


@fuzz
@given(wants=st.one_of(st.just("on"), writing))
def test_preferences_take_any_input(worker, worker_client, wants):
    response = worker_client.post("/accounts/preferences/", {"wants_reminders": wants})
    assert response.status_code == 302
    worker.refresh_from_db()
    # A checkbox is ticked by any value but the ones HTML forms never send for "on".
    assert worker.wants_reminders is (wants.lower() not in {"", "false", "0"})


@fuzz
@given(language=writing, next_url=writing)
def test_the_language_switch_takes_any_input(worker, worker_client, language, next_url):
    response = worker_client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code in {302, 204}
    assert not response.get("Location", "/").lower().lstrip().startswith("javascript:")
    worker.refresh_from_db()
    assert worker.preferred_language in {"en", "fr"}


@fuzz
@given(email=writing, password=writing, next_url=writing)
def test_sign_in_takes_any_input(client, worker, email, password, next_url):
    response = client.post(
        "/accounts/sign-in/", {"username": email, "password": password, "next": next_url}
    )
    # A wrong guess is a form error; after several, the lockout page.
    assert response.status_code in {200, 429}
    assert runnable_markup(response.content.decode(), page=True) == []
    assert "_auth_user_id" not in client.session


@fuzz
@given(email=writing)
def test_a_password_reset_request_takes_any_input(client, email):
    response = client.post("/accounts/password/reset/", {"email": email})
    assert response.status_code in {200, 302}
    assert runnable_markup(response.content.decode(), page=True) == []


# Huge and undecodable input, beyond what the strategies above generate.


def test_huge_text_is_refused_with_the_limit(worker, worker_client):
    response = worker_client.post(
        "/log/commitments/new/", {"text": "x" * 100_000, "due_date": "2026-12-01"}
    )
    assert "Ensure this value has at most 10000 characters (it has 100000)." in (
        response.content.decode()
    )
    assert not Commitment.objects.exists()


def test_text_at_the_limit_is_saved_whole(worker, worker_client, prompt):
    text = "é" * WRITING_MAX_LENGTH
    worker_client.post(
        f"{prompt.lesson.get_absolute_url()}reflections/{prompt.pk}/", {f"r{prompt.pk}-text": text}
    )
    assert ReflectionResponse.objects.get(user=worker).text == text


def test_the_textarea_tells_the_browser_the_limit(worker_client):
    page = worker_client.get("/log/commitments/new/").content.decode()
    assert f'maxlength="{WRITING_MAX_LENGTH}"' in page


def test_a_body_too_big_to_read_is_a_bad_request_not_an_error(worker_client):
    client = Client(raise_request_exception=False)
    client.cookies = worker_client.cookies
    response = client.post("/log/commitments/new/", {"text": "x" * 3_000_000})
    assert response.status_code == 400
    assert not Commitment.objects.exists()


def test_bytes_that_are_not_utf8_are_saved_as_replacement_characters(worker, worker_client):
    # A lone surrogate (ED A0 80) and a stray continuation byte can't be decoded; browsers never
    # send them, but a script can.
    body = b"text=before%ED%A0%80middle%80after&due_date=2026-12-01"
    response = worker_client.post(
        "/log/commitments/new/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    assert Commitment.objects.get().text == "before\ufffd\ufffd\ufffdmiddle\ufffdafter"


def test_a_nul_byte_is_refused_with_a_message_and_the_text_kept(worker, worker_client):
    response = worker_client.post(
        "/log/entries/new/",
        {
            "kind": "action",
            "date": datetime.date(2026, 3, 4).isoformat(),
            "title": "Spoke up",
            "what_happened": "I spoke\x00 up",
            "level": "individual",
        },
    )
    page = response.content.decode()
    assert NUL_REFUSED in page
    assert "Spoke up" in page
    assert not Entry.objects.exists()


def test_every_reflection_textarea_tells_the_browser_the_limit(worker_client, prompt, attempt):
    attempt, _scale, _reflection = attempt
    for url in (prompt.lesson.get_absolute_url(), f"/assessments/attempt/{attempt.pk}/part/1/"):
        page = worker_client.get(url).content.decode()
        assert f'maxlength="{WRITING_MAX_LENGTH}"' in page
