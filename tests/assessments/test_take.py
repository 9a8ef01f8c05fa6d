"""Taking an instrument: saving, resuming, reviewing, submitting once."""

import re

import pytest

from assessments.models import Answer, Attempt, DimensionScore, Item
from tests.factories import build_instrument

pytestmark = pytest.mark.django_db


def _items(instrument, part):
    return list(Item.objects.filter(dimension__instrument=instrument, dimension__position=part))


def _start(client, instrument):
    response = client.post(f"/assessments/start/{instrument.pk}/")
    return Attempt.objects.get(pk=int(response.url.split("/")[3]))


def test_it_lists_published_instruments_for_the_persons_agency_and_the_sector(
    client_for, worker, stranger, instrument
):
    build_instrument(title="Draft one", status="draft")
    build_instrument(title="Far Away only", agency=stranger.agency)
    page = client_for(worker).get("/assessments/").content.decode()
    assert instrument.title in page
    assert "Draft one" not in page
    assert "Far Away only" not in page


def test_it_offers_the_newest_version_even_when_its_title_changed(client_for, worker):
    build_instrument(title="Allyship at work", slug="practice", version=1)
    build_instrument(title="Allyship in my practice", slug="practice", version=2)
    page = client_for(worker).get("/assessments/").content.decode()
    assert "Allyship in my practice" in page
    assert "Allyship at work" not in page


def test_it_shows_the_part_and_a_fieldset_per_scale_item(client_for, worker, instrument):
    client = client_for(worker)
    attempt = _start(client, instrument)
    page = client.get(f"/assessments/attempt/{attempt.pk}/part/1/").content.decode()
    assert "Part 1 of 2" in page
    assert page.count("<fieldset") == 2
    assert page.count("<legend") == 2
    assert "Please don&#x27;t include names" in page


def test_it_saves_answers_on_next_and_resumes_at_the_same_page(client_for, worker, instrument):
    client = client_for(worker)
    attempt = _start(client, instrument)
    first, second, reflection = _items(instrument, 1)
    response = client.post(
        f"/assessments/attempt/{attempt.pk}/part/1/",
        {
            f"item_{first.pk}": "4",
            f"item_{second.pk}": "2",
            f"item_{reflection.pk}": "I listened.",
            "action": "next",
        },
    )
    assert response.url == f"/assessments/attempt/{attempt.pk}/part/2/"
    attempt.refresh_from_db()
    assert attempt.current_page == 2
    assert Answer.objects.get(attempt=attempt, item=first).value == 4
    assert Answer.objects.get(attempt=attempt, item=reflection).text == "I listened."

    listing = client.get("/assessments/").content.decode()
    assert f"/assessments/attempt/{attempt.pk}/part/2/" in listing
    page_one = client.get(f"/assessments/attempt/{attempt.pk}/part/1/").content.decode()
    assert re.search(rf'id="id_item_{first.pk}_3"\s+value="4"\s+checked', page_one)
    assert not re.search(rf'id="id_item_{second.pk}_3"\s+value="4"\s+checked', page_one)
    assert "I listened." in page_one


def test_save_and_finish_later_keeps_answers_and_returns_to_the_list(
    client_for, worker, instrument
):
    client = client_for(worker)
    attempt = _start(client, instrument)
    first = _items(instrument, 1)[0]
    response = client.post(
        f"/assessments/attempt/{attempt.pk}/part/1/", {f"item_{first.pk}": "5", "action": "later"}
    )
    assert response.url == "/assessments/"
    assert Answer.objects.get(attempt=attempt, item=first).value == 5


def test_two_tabs_saving_different_pages_keep_both_pages_answers(client_for, worker, instrument):
    client = client_for(worker)
    attempt = _start(client, instrument)
    one = _items(instrument, 1)[0]
    two = _items(instrument, 2)[0]
    client.post(f"/assessments/attempt/{attempt.pk}/part/1/", {f"item_{one.pk}": "5"})
    client.post(f"/assessments/attempt/{attempt.pk}/part/2/", {f"item_{two.pk}": "1"})
    # The first tab saves page 1 again without the reflection field: nothing else is wiped.
    client.post(f"/assessments/attempt/{attempt.pk}/part/1/", {f"item_{one.pk}": "4"})
    answers = dict(Answer.objects.filter(attempt=attempt).values_list("item_id", "value"))
    assert answers == {one.pk: 4, two.pk: 1}


def test_autosave_stores_only_the_posted_field(client_for, worker, instrument):
    client = client_for(worker)
    attempt = _start(client, instrument)
    first, second, reflection = _items(instrument, 1)
    client.post(f"/assessments/attempt/{attempt.pk}/part/1/", {f"item_{first.pk}": "3"})
    response = client.post(
        f"/assessments/attempt/{attempt.pk}/part/1/autosave/",
        {f"item_{reflection.pk}": "Half a thought"},
    )
    assert response.status_code == 204
    answers = {a.item_id: a for a in Answer.objects.filter(attempt=attempt)}
    assert answers[first.pk].value == 3
    assert answers[reflection.pk].text == "Half a thought"


def test_client_information_warning_keeps_the_text_and_save_anyway_saves_it(
    client_for, worker, instrument
):
    client = client_for(worker)
    attempt = _start(client, instrument)
    reflection = _items(instrument, 1)[2]
    text = "The mother named Alice called from 416-555-1234."
    url = f"/assessments/attempt/{attempt.pk}/part/1/"
    response = client.post(url, {f"item_{reflection.pk}": text, "action": "next"})
    assert response.status_code == 200
    assert "may identify a client" in response.content.decode()
    assert text in response.content.decode()
    response = client.post(
        url, {f"item_{reflection.pk}": text, "action": "next", "save_anyway": "on"}
    )
    assert response.status_code == 302
    assert Answer.objects.get(attempt=attempt, item=reflection).text == text


def test_review_lists_unanswered_items_and_refuses_submit(client_for, worker, instrument):
    client = client_for(worker)
    attempt = _start(client, instrument)
    first, second, _ = _items(instrument, 1)
    client.post(f"/assessments/attempt/{attempt.pk}/part/1/", {f"item_{first.pk}": "3"})
    review = client.get(f"/assessments/attempt/{attempt.pk}/review/").content.decode()
    assert second.prompt in review
    assert f"/assessments/attempt/{attempt.pk}/part/1/#item-{second.pk}" in review
    assert first.prompt not in review
    response = client.post(f"/assessments/attempt/{attempt.pk}/submit/")
    assert response.url == f"/assessments/attempt/{attempt.pk}/review/"
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert Answer.objects.get(attempt=attempt, item=first).value == 3


def _answer_all(client, attempt, instrument, value="4"):
    for part in (1, 2):
        data = {f"item_{i.pk}": value for i in _items(instrument, part) if i.is_scale}
        client.post(f"/assessments/attempt/{attempt.pk}/part/{part}/", data)


def test_submitting_twice_records_one_submission(client_for, worker, instrument):
    client = client_for(worker)
    attempt = _start(client, instrument)
    _answer_all(client, attempt, instrument)
    first = client.post(f"/assessments/attempt/{attempt.pk}/submit/")
    attempt.refresh_from_db()
    submitted_at = attempt.submitted_at
    second = client.post(f"/assessments/attempt/{attempt.pk}/submit/")
    assert first.url == second.url == f"/assessments/attempt/{attempt.pk}/results/"
    attempt.refresh_from_db()
    assert attempt.submitted_at == submitted_at
    assert DimensionScore.objects.filter(attempt=attempt).count() == 2


def test_results_show_scores_bands_and_change_since_last_time(client_for, worker, instrument, take):
    take(worker, instrument, value=3)
    # Each dimension has a plain and a reverse-scored item. All 3s: (3 + 3) / 2 = 3 → 50.
    # All 1s: (1 + 5) / 2 = 3 → 50 again, so the change is "the same as last time".
    latest = take(worker, instrument, value=1)
    page = client_for(worker).get(f"/assessments/attempt/{latest.pk}/results/").content.decode()
    assert "50 out of 100" in page
    assert "Middle band text" in page
    assert "the same as last time" in page
    assert '<title id="chart-title">' in page
    assert "<table" in page


def test_a_new_version_leaves_old_results_rendering(client_for, worker, instrument, take):
    from assessments.services import instrument_new_version

    attempt = take(worker, instrument, value=5, text="My reflection")
    copy = instrument_new_version(instrument=instrument)
    copy.status = "published"
    copy.save()
    Item.objects.filter(dimension__instrument=copy).update(prompt="Changed")
    page = client_for(worker).get(f"/assessments/attempt/{attempt.pk}/results/").content.decode()
    assert "My reflection" in page
    assert "Reflect 1" in page
    assert copy.version == 2
    listing = client_for(worker).get("/assessments/").content.decode()
    assert f"/assessments/start/{copy.pk}/" in listing
    assert f"/assessments/start/{instrument.pk}/" not in listing


def test_results_recommend_topics_of_the_two_lowest_dimensions(client_for, worker, take):
    from learning.models import Topic
    from tests.factories import build_instrument

    instrument = build_instrument(dimensions=3, scale_items=1, reflection=False)
    dimensions = list(instrument.dimensions.order_by("position"))
    for dimension, slug in zip(dimensions, ["listening", "power-with", "policy"], strict=True):
        dimension.topics.add(Topic.objects.create(slug=slug, name=slug.title()))
    attempt = Attempt.objects.create(user=worker, instrument=instrument)
    from assessments.services import attempt_save_answers, attempt_submit

    items = {i.dimension_id: i.pk for i in Item.objects.filter(dimension__instrument=instrument)}
    # Part 1 → 100, part 2 → 0, part 3 → 50: the two lowest are parts 2 and 3.
    values = {items[dimensions[0].pk]: 5, items[dimensions[1].pk]: 1, items[dimensions[2].pk]: 3}
    attempt_save_answers(attempt=attempt, values=values, texts={})
    attempt_submit(attempt=attempt)
    page = client_for(worker).get(f"/assessments/attempt/{attempt.pk}/results/").content.decode()
    assert "No modules to suggest on these themes right now" in page
    assert "<li>Power-With</li>" in page
    assert "<li>Policy</li>" in page
    assert "<li>Listening</li>" not in page


def test_results_offer_to_turn_them_into_a_commitment(client_for, worker, instrument, take):
    attempt = take(worker, instrument)
    page = client_for(worker).get(f"/assessments/attempt/{attempt.pk}/results/").content.decode()
    assert "Turn this into a commitment" in page
    assert f'href="/log/commitments/new/?attempt={attempt.pk}"' in page


def test_results_recommend_modules_on_the_lowest_dimensions_not_yet_completed(
    client_for, worker, instrument, take
):
    from learning.models import ModuleCompletion
    from tests.factories import ModuleFactory, TopicFactory

    topic = TopicFactory(name="Listening")
    for dimension in instrument.dimensions.all():
        dimension.topics.add(topic)
    wanted = ModuleFactory(title="Listening to families")
    wanted.topics.add(topic)
    done = ModuleFactory(title="Already finished")
    done.topics.add(topic)
    ModuleCompletion.objects.create(user=worker, module=done, completed_on="2026-01-05")
    draft = ModuleFactory(title="Still a draft", status="draft")
    draft.topics.add(topic)
    attempt = take(worker, instrument)
    page = client_for(worker).get(f"/assessments/attempt/{attempt.pk}/results/").content.decode()
    assert f'href="{wanted.get_absolute_url()}"' in page
    assert "Already finished" not in page
    assert "Still a draft" not in page


def test_results_of_an_attempt_not_yet_submitted_lead_back_to_it(client_for, worker, instrument):
    client = client_for(worker)
    attempt = _start(client, instrument)
    results = f"/assessments/attempt/{attempt.pk}/results/"
    response = client.get(results)
    assert response.status_code == 302
    assert response.url == f"/assessments/attempt/{attempt.pk}/part/1/"

    _answer_all(client, attempt, instrument)
    client.post(f"/assessments/attempt/{attempt.pk}/submit/")
    response = client.get(results)
    assert response.status_code == 200
    assert "Your results" in response.text
