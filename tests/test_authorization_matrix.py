"""Every URL of the project, and what each persona gets from it (issue 9).

``MATRIX`` has one row per URL name. A row says how to fill in the URL from the objects of
``World`` (all of them belong to the worker, Robin), what each persona gets from a GET and, for
URLs that change something, from a POST with a valid CSRF token. Every request runs in a
transaction that is rolled back, so one persona's POST never changes what the next one sees.

A URL without a row fails ``test_every_url_has_a_row_in_the_matrix``, which names it: adding a
URL means saying, here, who may use it. Admin URLs are covered by one prefix rule below and by
``tests/accounts/test_admin.py``.

Outcomes: a status code, or ``LOGIN`` for a redirect to the sign-in page.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from allyship.accounts import sharing
from allyship.accounts.edited_elsewhere import version_of
from assessments.models import Attempt, Item
from assessments.services import attempt_save_answers, attempt_submit
from learning.models import Choice, Question, ReflectionPrompt, ReflectionResponse
from tests.factories import (
    AssignmentFactory,
    CommitmentFactory,
    EntryFactory,
    LessonFactory,
    ModuleFactory,
    build_instrument,
)
from tests.resolver import sample_path, walk
from tests.test_headers import assert_nothing_inline

pytestmark = pytest.mark.django_db

PERSONAS = (
    "anonymous",
    "worker",
    "teammate",
    "supervisor",
    "other_supervisor",
    "agency_admin",
    "trainer",
    "stranger",
)
SIGNED_IN = PERSONAS[1:]
LOGIN = "login"


def expect(everyone, *, anonymous=LOGIN, **personas):
    """What every signed-in persona gets, with exceptions named by persona."""
    unknown = set(personas) - set(SIGNED_IN)
    assert not unknown, f"not a persona: {unknown}"
    return {"anonymous": anonymous} | {p: personas.get(p, everyone) for p in SIGNED_IN}


SIGNED_IN_200 = expect(200)
OWNER_ONLY = expect(404, worker=200)
SUPERVISOR_ONLY = expect(404, supervisor=200)
POST_ONLY = expect(405)


@dataclass
class World:
    """Objects that belong to the worker, built once per test."""

    worker: object
    team: object
    module: object
    lesson: object
    question: object
    choice: object
    prompt: object
    reflection: object
    instrument: object
    item: object
    open_attempt: object
    submitted_attempt: object
    entry: object
    commitment: object
    assignment: object


@dataclass(frozen=True)
class Row:
    get: dict
    kwargs: Callable[[World], dict] = lambda w: {}
    post: dict | None = None
    data: Callable[[World], dict] = lambda w: {}


MATRIX = {
    "home": Row(get=SIGNED_IN_200),
    # People and sign-in
    "accounts:login": Row(get=expect(302, anonymous=200)),
    "accounts:logout": Row(get=POST_ONLY, post=expect(302)),
    "accounts:password_change": Row(get=SIGNED_IN_200, post=SIGNED_IN_200),
    "accounts:password_reset": Row(get=expect(200, anonymous=200)),
    "accounts:password_reset_done": Row(get=expect(200, anonymous=200)),
    "accounts:password_reset_confirm": Row(
        get=expect(302, anonymous=302),
        # A valid link redirects to the set-password form (Django hides the token from referrers).
        kwargs=lambda w: {
            "uidb64": urlsafe_base64_encode(force_bytes(w.worker.pk)),
            "token": default_token_generator.make_token(w.worker),
        },
    ),
    "accounts:password_reset_complete": Row(get=expect(200, anonymous=200)),
    "accounts:keepalive": Row(get=POST_ONLY, post=expect(204)),
    "accounts:share_toggle": Row(
        get=POST_ONLY,
        kwargs=lambda w: {"key": "accountability.entry", "pk": w.entry.pk},
        post=expect(404, worker=302),
        data=lambda w: {"action": "unshare"},
    ),
    "accounts:preferences": Row(get=SIGNED_IN_200, post=expect(302)),
    "accounts:my_data": Row(get=SIGNED_IN_200),
    "accounts:my_data_download": Row(get=POST_ONLY, post=SIGNED_IN_200),
    "accounts:my_data_delete": Row(get=SIGNED_IN_200, post=SIGNED_IN_200),
    # Without a deletion just done, the page sends the person back to "My data".
    "accounts:my_data_deleted": Row(get=expect(302)),
    # Each person's own history: the matrix can only say it opens; tests/accounts says whose.
    "accounts:sharing_history": Row(get=SIGNED_IN_200),
    "set_language": Row(
        get=expect(405, anonymous=405),
        post=expect(302, anonymous=302),
        data=lambda w: {"language": "fr", "next": "/"},
    ),
    "accounts:privacy": Row(get=SIGNED_IN_200),
    # Teams: a team's pages are its supervisors' alone; "assigned to me" is everyone's own list.
    "teams:assigned": Row(get=SIGNED_IN_200),
    "teams:detail": Row(get=SUPERVISOR_ONLY, kwargs=lambda w: {"pk": w.team.pk}),
    "teams:csv": Row(get=SUPERVISOR_ONLY, kwargs=lambda w: {"pk": w.team.pk}),
    "teams:assignment_create": Row(
        get=SUPERVISOR_ONLY,
        kwargs=lambda w: {"pk": w.team.pk},
        post=expect(404, supervisor=302),
        data=lambda w: {"subject": f"module:{w.module.pk}"},
    ),
    "teams:assignment_edit": Row(
        get=SUPERVISOR_ONLY,
        kwargs=lambda w: {"pk": w.team.pk, "assignment_pk": w.assignment.pk},
        post=expect(404, supervisor=302),
        data=lambda w: {"subject": f"module:{w.module.pk}", "note": "Changed"},
    ),
    "teams:assignment_withdraw": Row(
        get=SUPERVISOR_ONLY,
        kwargs=lambda w: {"pk": w.team.pk, "assignment_pk": w.assignment.pk},
        post=expect(404, supervisor=302),
    ),
    "teams:agency": Row(get=expect(404, agency_admin=200)),
    # Accountability log: the author's pages, then the supervisor's view of shared items
    "accountability:log": Row(get=SIGNED_IN_200),
    "accountability:entry_create": Row(get=SIGNED_IN_200, post=SIGNED_IN_200),
    "accountability:entry_detail": Row(
        get=OWNER_ONLY, kwargs=lambda w: {"pk": w.entry.pk}, post=OWNER_ONLY
    ),
    "accountability:entry_edit": Row(
        get=OWNER_ONLY, kwargs=lambda w: {"pk": w.entry.pk}, post=OWNER_ONLY
    ),
    "accountability:entry_delete": Row(
        get=OWNER_ONLY, kwargs=lambda w: {"pk": w.entry.pk}, post=expect(404, worker=302)
    ),
    "accountability:commitment_list": Row(get=SIGNED_IN_200),
    "accountability:commitment_create": Row(get=SIGNED_IN_200, post=SIGNED_IN_200),
    "accountability:commitment_detail": Row(
        get=OWNER_ONLY, kwargs=lambda w: {"pk": w.commitment.pk}, post=OWNER_ONLY
    ),
    "accountability:commitment_edit": Row(
        get=OWNER_ONLY, kwargs=lambda w: {"pk": w.commitment.pk}, post=OWNER_ONLY
    ),
    "accountability:commitment_close": Row(
        get=OWNER_ONLY, kwargs=lambda w: {"pk": w.commitment.pk}, post=OWNER_ONLY
    ),
    "accountability:commitment_reopen": Row(
        get=POST_ONLY, kwargs=lambda w: {"pk": w.commitment.pk}, post=expect(404, worker=302)
    ),
    "accountability:shared_list": Row(get=SIGNED_IN_200),
    "accountability:shared_entry": Row(
        get=SUPERVISOR_ONLY, kwargs=lambda w: {"pk": w.entry.pk}, post=SUPERVISOR_ONLY
    ),
    "accountability:shared_commitment": Row(
        get=SUPERVISOR_ONLY, kwargs=lambda w: {"pk": w.commitment.pk}, post=SUPERVISOR_ONLY
    ),
    # Learning: the module is the worker's agency's own, so another agency can't open it.
    "learning:catalogue": Row(get=SIGNED_IN_200),
    "learning:record": Row(get=SIGNED_IN_200),
    "learning:record_csv": Row(get=SIGNED_IN_200),
    "learning:shared_reflection": Row(
        get=SUPERVISOR_ONLY, kwargs=lambda w: {"pk": w.reflection.pk}
    ),
    "learning:module": Row(get=expect(200, stranger=404), kwargs=lambda w: {"slug": w.module.slug}),
    "learning:lesson": Row(
        get=expect(200, stranger=404),
        kwargs=lambda w: {"slug": w.module.slug, "pk": w.lesson.pk},
    ),
    "learning:answer": Row(
        get=POST_ONLY,
        kwargs=lambda w: {"slug": w.module.slug, "pk": w.lesson.pk, "question_pk": w.question.pk},
        post=expect(302, stranger=404),
        data=lambda w: {"choice": w.choice.pk},
    ),
    "learning:reflect": Row(
        get=POST_ONLY,
        kwargs=lambda w: {"slug": w.module.slug, "pk": w.lesson.pk, "prompt_pk": w.prompt.pk},
        post=expect(302, stranger=404),
        data=lambda w: {
            f"r{w.prompt.pk}-text": "What I noticed about my own practice.",
            f"r{w.prompt.pk}-loaded_version": version_of(w.reflection),
        },
    ),
    # Self-assessments
    "assessments:list": Row(get=SIGNED_IN_200),
    "assessments:history": Row(get=SIGNED_IN_200),
    "assessments:agency": Row(get=SIGNED_IN_200),
    "assessments:start": Row(
        get=SIGNED_IN_200, kwargs=lambda w: {"pk": w.instrument.pk}, post=expect(302)
    ),
    "assessments:take": Row(
        get=OWNER_ONLY,
        kwargs=lambda w: {"pk": w.open_attempt.pk, "page": 1},
        post=expect(404, worker=302),
        data=lambda w: {f"item_{w.item.pk}": 2, "action": "later"},
    ),
    "assessments:autosave": Row(
        get=POST_ONLY,
        kwargs=lambda w: {"pk": w.open_attempt.pk, "page": 1},
        post=expect(404, worker=204),
    ),
    "assessments:review": Row(get=OWNER_ONLY, kwargs=lambda w: {"pk": w.open_attempt.pk}),
    "assessments:submit": Row(
        get=POST_ONLY, kwargs=lambda w: {"pk": w.open_attempt.pk}, post=expect(404, worker=302)
    ),
    "assessments:results": Row(get=OWNER_ONLY, kwargs=lambda w: {"pk": w.submitted_attempt.pk}),
    "assessments:shared": Row(get=SUPERVISOR_ONLY, kwargs=lambda w: {"pk": w.submitted_attempt.pk}),
}

APP_URL_NAMES = sorted({name for name, _ in walk() if not name.startswith("admin:")})
ADMIN_URLS = sorted({(name, route) for name, route in walk() if name.startswith("admin:")})


@pytest.fixture
def people(worker, teammate, supervisor, other_supervisor, agency_admin, trainer, stranger):
    return {
        "worker": worker,
        "teammate": teammate,
        "supervisor": supervisor,
        "other_supervisor": other_supervisor,
        "agency_admin": agency_admin,
        "trainer": trainer,
        "stranger": stranger,
    }


@pytest.fixture
def world(people, team, agency):
    worker = people["worker"]
    module = ModuleFactory(agency=agency)
    lesson = LessonFactory(module=module)
    question = Question.objects.create(lesson=lesson, text="Which one?")
    choice = Choice.objects.create(question=question, text="This one", is_correct=True)
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    reflection = ReflectionResponse.objects.create(user=worker, prompt=prompt, text="Mine.")
    instrument = build_instrument(dimensions=1, scale_items=1, reflection=False)
    submitted = Attempt.objects.create(user=worker, instrument=instrument)
    item = Item.objects.get(dimension__instrument=instrument)
    attempt_save_answers(attempt=submitted, values={item.pk: 3}, texts={})
    attempt_submit(attempt=submitted)
    open_attempt = Attempt.objects.create(user=worker, instrument=instrument)
    attempt_save_answers(attempt=open_attempt, values={item.pk: 4}, texts={})
    entry = EntryFactory(user=worker)
    commitment = CommitmentFactory(user=worker)
    for shared in (reflection, submitted, entry, commitment):
        sharing.share_item(item=shared)
    return World(
        worker=worker,
        team=team,
        module=module,
        lesson=lesson,
        question=question,
        choice=choice,
        prompt=prompt,
        reflection=reflection,
        instrument=instrument,
        item=item,
        open_attempt=open_attempt,
        submitted_attempt=submitted,
        entry=entry,
        commitment=commitment,
        assignment=AssignmentFactory(team=team, module=module),
    )


@pytest.fixture
def clients(people):
    signed_in = {}
    for persona, user in people.items():
        signed_in[persona] = Client()
        signed_in[persona].force_login(user)
    return {"anonymous": Client()} | signed_in


def outcome(response):
    login = reverse("accounts:login")
    if response.status_code == 302 and response.url.startswith(login + "?"):
        return LOGIN
    return response.status_code


def outcomes(clients, method, url, data):
    """What each persona gets; each request's writes are rolled back.

    Every HTML page on the way is also checked against the Content-Security-Policy's promise:
    nothing inline that the policy would have to allow (see tests/test_headers.py).
    """
    got = {}
    for persona in PERSONAS:
        with transaction.atomic():
            response = getattr(clients[persona], method)(url, data)
            got[persona] = outcome(response)
            transaction.set_rollback(True)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            assert_nothing_inline(response)
    return got


def differences(expected, got):
    return [
        f"{persona}: expected {expected[persona]}, got {got[persona]}"
        for persona in PERSONAS
        if expected[persona] != got[persona]
    ]


def test_every_url_has_a_row_in_the_matrix():
    missing = [name for name in APP_URL_NAMES if name not in MATRIX]
    stale = [name for name in MATRIX if name not in APP_URL_NAMES]
    assert not missing, (
        "These URL names have no row in MATRIX (tests/test_authorization_matrix.py); add one "
        f"saying what each persona gets: {', '.join(missing)}"
    )
    assert not stale, f"MATRIX has rows for URL names that no longer exist: {', '.join(stale)}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_persona_gets_what_the_matrix_says_from_a_get(name, world, clients):
    row = MATRIX[name]
    got = outcomes(clients, "get", reverse(name, kwargs=row.kwargs(world)), {})
    assert not differences(row.get, got), f"GET {name}: " + "; ".join(differences(row.get, got))


POSTED = sorted(name for name, row in MATRIX.items() if row.post is not None)


@pytest.mark.parametrize("name", POSTED)
def test_each_persona_gets_what_the_matrix_says_from_a_post(name, world, clients):
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(world))
    got = outcomes(clients, "post", url, row.data(world))
    assert not differences(row.post, got), f"POST {name}: " + "; ".join(differences(row.post, got))


def test_only_post_only_urls_refuse_a_get_with_405():
    """A URL whose GET is 405 for its owner must not do anything else on GET for others."""
    for name, row in MATRIX.items():
        if row.get["worker"] == 405:
            assert set(row.get.values()) <= {405, LOGIN}, name
            assert row.post is not None, f"{name} refuses GET, so the matrix must say who may POST"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_a_post_without_a_csrf_token_is_refused(name, world, people):
    url = reverse(name, kwargs=MATRIX[name].kwargs(world))
    anonymous = Client(enforce_csrf_checks=True)
    worker = Client(enforce_csrf_checks=True)
    worker.force_login(people["worker"])
    for client in (anonymous, worker):
        response = client.post(url, MATRIX[name].data(world))
        assert response.status_code == 403, name


@pytest.mark.parametrize(("name", "route"), ADMIN_URLS, ids=[route for _, route in ADMIN_URLS])
def test_the_admin_is_closed_to_anonymous_people_and_to_non_staff(name, route, clients):
    """The prefix rule for admin URLs: without staff status, every one of them ends on a sign-in
    page. Who sees what inside is in tests/accounts/test_admin.py."""
    sign_in_pages = {reverse("accounts:login"), reverse("admin:login")}
    for persona in ("anonymous", "worker"):
        response = clients[persona].get(sample_path(route), follow=True)
        assert response.status_code == 200, (name, persona)
        assert response.request["PATH_INFO"] in sign_in_pages, (name, persona)
