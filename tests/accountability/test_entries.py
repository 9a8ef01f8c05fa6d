"""Writing, reading, editing, deleting and finding log entries."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from allyship.accountability.models import Comment, Commitment, Entry, EquityGroup
from allyship.accounts.edited_elsewhere import version_of
from allyship.accounts.models import User
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def entry_data(**overrides):
    data = {
        "kind": "mistake",
        "date": "2026-03-02",
        "title": "Interrupted a mother at a family meeting",
        "what_happened": "I explained the plan before she had finished speaking.",
        "what_i_learned": "She knew better than I did what would work at home.",
        "what_i_will_do_differently": "Ask, then wait.",
        "level": "individual",
        "equity_groups": [],
    }
    data.update(overrides)
    return data


def test_the_equity_groups_named_in_the_source_text_are_seeded():
    names = set(EquityGroup.objects.values_list("name", flat=True))
    assert {
        "African Canadian people",
        "Immigrants and refugees",
        "Indigenous peoples",
        "2SLGBTQIA+ people",
        "People with low incomes",
        "Disabled people and people with mental health issues",
        "Racialized people",
        "Single-mother families",
    } <= names


def test_it_saves_an_entry_for_its_author(client_for, worker):
    group = EquityGroup.objects.get(name="Single-mother families")
    response = client_for(worker).post("/log/entries/new/", entry_data(equity_groups=[group.pk]))
    entry = Entry.objects.get()
    assert response.status_code == 302
    assert response.url == f"/log/entries/{entry.pk}/"
    assert entry.user == worker
    assert entry.kind == Entry.Kind.MISTAKE
    assert list(entry.equity_groups.all()) == [group]


def test_it_warns_about_client_information_and_keeps_the_text(client_for, worker):
    text = "A mother named Grace called me at 416-555-0199."
    response = client_for(worker).post("/log/entries/new/", entry_data(what_happened=text))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Check for client information" in page
    assert "a phone number" in page and "a person&#x27;s name" in page
    assert "Grace called me at 416-555-0199" in page
    assert 'type="checkbox" name="save_anyway"' in page
    assert not Entry.objects.exists()


def test_save_anyway_saves_the_text_as_written(client_for, worker):
    text = "A mother named Grace called me at 416-555-0199."
    client_for(worker).post("/log/entries/new/", entry_data(what_happened=text, save_anyway="on"))
    assert Entry.objects.get().what_happened == text


def test_every_text_box_carries_the_reminder(client_for, worker):
    page = client_for(worker).get("/log/entries/new/").content.decode()
    assert page.count("could identify a client or family") >= 4


def test_the_author_edits_an_entry(client_for, worker):
    entry = EntryFactory(user=worker)
    client_for(worker).post(
        f"/log/entries/{entry.pk}/edit/",
        entry_data(title="Renamed", loaded_version=version_of(entry)),
    )
    entry.refresh_from_db()
    assert entry.title == "Renamed"


def test_deleting_asks_first_then_deletes(client_for, worker):
    entry = EntryFactory(user=worker, title="To be deleted")
    client = client_for(worker)
    confirm = client.get(f"/log/entries/{entry.pk}/delete/")
    assert "Delete this entry?" in confirm.content.decode()
    assert Entry.objects.filter(pk=entry.pk).exists()
    response = client.post(f"/log/entries/{entry.pk}/delete/")
    assert response.url == "/log/"
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_the_log_lists_newest_first(client_for, worker):
    EntryFactory(user=worker, title="Older one", date=datetime.date(2026, 1, 5))
    EntryFactory(user=worker, title="Newer one", date=datetime.date(2026, 2, 5))
    page = client_for(worker).get("/log/").content.decode()
    assert page.index("Newer one") < page.index("Older one")


def test_the_log_shows_only_my_entries(client_for, worker, teammate):
    EntryFactory(user=worker, title="Mine")
    EntryFactory(user=teammate, title="Jordan's own")
    page = client_for(worker).get("/log/").content.decode()
    assert "Mine" in page
    assert "Jordan&#x27;s own" not in page and "Jordan's own" not in page


def test_an_empty_log_says_what_to_do_first(client_for, worker):
    page = client_for(worker).get("/log/").content.decode()
    assert "Your log is empty" in page


@pytest.fixture
def varied_log(worker):
    indigenous = EquityGroup.objects.get(name="Indigenous peoples")
    racialized = EquityGroup.objects.get(name="Racialized people")
    a = EntryFactory(
        user=worker,
        title="Asked the band representative first",
        kind="action",
        level="individual",
        date=datetime.date(2026, 1, 10),
    )
    a.equity_groups.add(indigenous)
    b = EntryFactory(
        user=worker,
        title="Raised the interpreter budget",
        kind="advocacy",
        level="agency",
        date=datetime.date(2026, 3, 1),
        what_happened="Brought the translation backlog to the managers' meeting.",
    )
    b.equity_groups.add(racialized)
    EntryFactory(
        user=worker,
        title="Feedback from a youth",
        kind="feedback",
        level="individual",
        date=datetime.date(2026, 5, 20),
    )
    return indigenous


def titles(response):
    return [entry.title for entry in response.context["page_obj"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=advocacy", ["Raised the interpreter budget"]),
        ("?level=agency", ["Raised the interpreter budget"]),
        ("?date_from=2026-02-01&date_to=2026-04-01", ["Raised the interpreter budget"]),
        ("?q=translation+backlog", ["Raised the interpreter budget"]),
        ("?q=YOUTH", ["Feedback from a youth"]),
        ("?q=nothing-like-this", []),
        (
            "",
            [
                "Feedback from a youth",
                "Raised the interpreter budget",
                "Asked the band representative first",
            ],
        ),
    ],
)
def test_filters_and_search_narrow_the_log(client_for, worker, varied_log, query, expected):
    assert titles(client_for(worker).get(f"/log/{query}")) == expected


def test_the_equity_group_filter_narrows_the_log(client_for, worker, varied_log):
    response = client_for(worker).get(f"/log/?group={varied_log.pk}")
    assert titles(response) == ["Asked the band representative first"]


def test_no_match_says_so_and_offers_everything(client_for, worker, varied_log):
    page = client_for(worker).get("/log/?q=zzz").content.decode()
    assert "No entries match these filters." in page


def test_the_log_paginates(client_for, worker):
    EntryFactory.create_batch(25, user=worker)
    response = client_for(worker).get("/log/?page=2")
    assert len(response.context["page_obj"]) == 5
    assert "Page 2 of 2" in response.content.decode()


@pytest.mark.parametrize("how_many", [5, 500])
def test_the_log_makes_a_constant_number_of_queries(
    client_for, worker, how_many, django_assert_max_num_queries
):
    groups = list(EquityGroup.objects.all()[:2])
    for entry in EntryFactory.create_batch(how_many, user=worker):
        entry.equity_groups.add(*groups)
    client = client_for(worker)
    with django_assert_max_num_queries(7):
        response = client.get("/log/?q=parent&level=individual")
    assert len(response.context["page_obj"]) == min(how_many, 20)


@override_settings(DEBUG=True)
def test_the_demo_worker_has_a_log_and_running_seed_demo_again_adds_nothing():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    worker = User.objects.get(email="worker@demo.allyship.test")
    assert Entry.objects.for_user(worker).count() == 3
    assert Commitment.objects.for_user(worker).overdue().count() == 1
    assert Comment.objects.filter(entry__user=worker).count() == 1


def test_an_entry_can_link_my_results_and_a_module_but_not_someone_elses(
    client_for, worker, teammate
):
    from tests.factories import AttemptFactory, ModuleFactory, build_instrument

    instrument = build_instrument(dimensions=1, scale_items=1, title="Allyship in my practice")
    mine = AttemptFactory(user=worker, instrument=instrument, submitted_at=timezone.now())
    theirs = AttemptFactory(user=teammate, instrument=instrument, submitted_at=timezone.now())
    module = ModuleFactory(title="Power with families")
    client = client_for(worker)
    data = {
        "kind": "learning",
        "date": "2026-03-02",
        "title": "What my results showed me",
        "what_happened": "I read my results.",
        "level": "individual",
        "module": module.pk,
    }
    refused = client.post("/log/entries/new/", {**data, "attempt": theirs.pk})
    assert "Select a valid choice" in refused.content.decode()
    assert not Entry.objects.exists()
    client.post("/log/entries/new/", {**data, "attempt": mine.pk})
    entry = Entry.objects.get()
    assert (entry.attempt, entry.module) == (mine, module)
    page = client.get(entry.get_absolute_url()).content.decode()
    assert f'href="/assessments/attempt/{mine.pk}/results/"' in page
    assert "Power with families" in page
