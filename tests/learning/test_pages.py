import csv
import io
import re

from django.urls import reverse

from allyship.accounts import sharing
from learning.models import (
    Choice,
    LessonProgress,
    ModuleCompletion,
    Question,
    QuestionAnswer,
    ReflectionPrompt,
    ReflectionResponse,
)
from tests.factories import LessonFactory, ModuleFactory, TopicFactory


def _lesson_with_check():
    lesson = LessonFactory()
    question = Question.objects.create(lesson=lesson, text="Which one?", explanation="Because.")
    right = Choice.objects.create(question=question, text="Right", is_correct=True, feedback="Yes!")
    wrong = Choice.objects.create(question=question, text="Wrong", feedback="Think again.")
    return lesson, question, right, wrong


def _answer_url(lesson, question):
    return f"{lesson.get_absolute_url()}questions/{question.pk}/"


def test_it_shows_feedback_for_the_chosen_choice(worker, client_for):
    lesson, question, right, wrong = _lesson_with_check()
    client = client_for(worker)
    response = client.post(_answer_url(lesson, question), {"choice": wrong.pk}, follow=True)
    assert "Think again." in response.content.decode()
    assert "Yes!" not in response.content.decode()


def test_it_shows_my_latest_answer_and_never_a_teammates(worker, teammate, client_for):
    lesson, question, right, wrong = _lesson_with_check()
    client_for(teammate).post(_answer_url(lesson, question), {"choice": right.pk})
    client = client_for(worker)
    untouched = client.get(lesson.get_absolute_url()).content.decode()
    assert "checked" not in untouched
    assert "Check my answer" in untouched
    client.post(_answer_url(lesson, question), {"choice": right.pk})
    client.post(_answer_url(lesson, question), {"choice": wrong.pk})
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert re.search(rf'value="{wrong.pk}"\s+id="choice-{wrong.pk}"\s+checked', page)
    assert not re.search(rf'value="{right.pk}"\s+id="choice-{right.pk}"\s+checked', page)
    assert "Not quite. Have another look" in page
    assert "Try again" in page


def test_it_keeps_the_first_answer_after_a_second_try(worker, client_for):
    lesson, question, right, wrong = _lesson_with_check()
    client = client_for(worker)
    client.post(_answer_url(lesson, question), {"choice": wrong.pk})
    client.post(_answer_url(lesson, question), {"choice": right.pk})
    answer = QuestionAnswer.objects.get(user=worker, question=question)
    assert list(answer.first_choices.all()) == [wrong]
    assert list(answer.latest_choices.all()) == [right]
    assert (answer.first_correct, answer.latest_correct, answer.attempts) == (False, True, 2)


def test_it_lists_completed_modules_in_the_record_and_csv(worker, client_for):
    module = ModuleFactory(title="=HYPERLINK(1)", estimated_minutes=20)
    ModuleCompletion.objects.create(user=worker, module=module, completed_on="2026-02-03")
    client = client_for(worker)
    assert "=HYPERLINK(1)" in client.get("/learning/record/").content.decode()
    rows = list(csv.reader(io.StringIO(client.get("/learning/record.csv").content.decode())))
    assert rows[1] == ["'=HYPERLINK(1)", "2026-02-03", "20"]


def test_it_shows_only_my_own_completions_in_the_record(worker, teammate, client_for):
    ModuleCompletion.objects.create(
        user=teammate, module=ModuleFactory(title="Teammate's module"), completed_on="2026-02-03"
    )
    assert (
        "Teammate&#x27;s module" not in client_for(worker).get("/learning/record/").content.decode()
    )


def _reflection(worker):
    lesson = LessonFactory()
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    return ReflectionResponse.objects.create(user=worker, prompt=prompt, text="My private thought")


def test_it_saves_a_private_reflection_from_the_lesson_page(worker, client_for):
    lesson = LessonFactory()
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    client = client_for(worker)
    client.post(
        f"{lesson.get_absolute_url()}reflections/{prompt.pk}/", {f"r{prompt.pk}-text": "I noticed"}
    )
    assert ReflectionResponse.objects.get(user=worker, prompt=prompt).text == "I noticed"
    assert "I noticed" in client.get(lesson.get_absolute_url()).content.decode()


def test_it_warns_and_keeps_text_that_looks_like_client_information(worker, client_for):
    lesson = LessonFactory()
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    text = "The mother named Alice called at 416-555-1234"
    response = client_for(worker).post(
        f"{lesson.get_absolute_url()}reflections/{prompt.pk}/", {f"r{prompt.pk}-text": text}
    )
    assert "Check for client information" in response.content.decode()
    assert text in response.content.decode()
    assert not ReflectionResponse.objects.exists()


def test_it_hides_other_peoples_reflections_on_the_lesson_page(worker, teammate, client_for):
    reflection = _reflection(worker)
    page = client_for(teammate).get(reflection.get_absolute_url()).content.decode()
    assert "My private thought" not in page


def test_it_hides_unshared_reflection_from_supervisor(worker, supervisor, client_for):
    reflection = _reflection(worker)
    assert client_for(supervisor).get(f"/learning/shared/{reflection.pk}/").status_code == 404


def test_it_shows_shared_reflection_to_supervisor_and_records_seen_by(
    worker, supervisor, client_for
):
    reflection = _reflection(worker)
    share = sharing.share_item(item=reflection)
    response = client_for(supervisor).get(f"/learning/shared/{reflection.pk}/")
    assert "My private thought" in response.content.decode()
    assert share.views.filter(viewer=supervisor).exists()


def test_it_hides_reflection_from_supervisor_after_revoking(worker, supervisor, client_for):
    reflection = _reflection(worker)
    sharing.share_item(item=reflection)
    sharing.unshare_item(item=reflection)
    assert client_for(supervisor).get(f"/learning/shared/{reflection.pk}/").status_code == 404


def test_it_hides_shared_reflection_from_everyone_else(
    worker, teammate, other_supervisor, stranger, trainer, agency_admin, client_for
):
    reflection = _reflection(worker)
    sharing.share_item(item=reflection)
    for person in (worker, teammate, other_supervisor, stranger, trainer, agency_admin):
        assert client_for(person).get(f"/learning/shared/{reflection.pk}/").status_code == 404


def test_it_keeps_reflections_and_progress_out_of_the_admin(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert "/admin/learning/module/" in page
    assert "reflectionresponse" not in page
    assert "lessonprogress" not in page
    assert "questionanswer" not in page


def test_it_keeps_catalogue_queries_constant(worker, client_for, django_assert_max_num_queries):
    client = client_for(worker)
    LessonFactory()
    with django_assert_max_num_queries(15):
        client.get("/learning/")
    for _ in range(15):
        for lesson in LessonFactory.create_batch(3, module=ModuleFactory()):
            LessonProgress.objects.create(user=worker, lesson=lesson)
    with django_assert_max_num_queries(15):
        assert client.get("/learning/").status_code == 200


def test_it_keeps_lesson_page_queries_constant(worker, client_for, django_assert_max_num_queries):
    lesson, *_ = _lesson_with_check()
    client = client_for(worker)
    # A first visit writes progress, here completing the module too; each write moves the
    # agency's figures version and the person's pages version (an UPDATE each).
    with django_assert_max_num_queries(21):
        client.get(lesson.get_absolute_url())
    for _ in range(10):
        LessonFactory(module=lesson.module)
        question = Question.objects.create(lesson=lesson, text="More?")
        Choice.objects.create(question=question, text="A", is_correct=True)
        Choice.objects.create(question=question, text="B")
    with django_assert_max_num_queries(17):
        assert client.get(lesson.get_absolute_url()).status_code == 200


def test_it_shows_lessons_done_and_a_continue_link_in_the_catalogue(worker, client_for):
    module = ModuleFactory(title="Listening")
    lessons = LessonFactory.create_batch(5, module=module)
    for lesson in lessons[:3]:
        LessonProgress.objects.create(user=worker, lesson=lesson)
    page = client_for(worker).get("/learning/").content.decode()
    assert "3 of 5 lessons" in page
    assert lessons[3].get_absolute_url() in page


def test_it_filters_the_catalogue_by_topic_and_minutes(worker, client_for):
    topic = TopicFactory(name="Accountability")
    short = ModuleFactory(title="Short one", estimated_minutes=10)
    short.topics.add(topic)
    ModuleFactory(title="Long one", estimated_minutes=90).topics.add(topic)
    ModuleFactory(title="Other topic", estimated_minutes=10)
    page = client_for(worker).get(f"/learning/?topic={topic.slug}&minutes=30").content.decode()
    assert "Short one" in page
    assert "Long one" not in page
    assert "Other topic" not in page


def test_it_lets_the_owner_share_and_revoke_a_reflection_from_the_lesson(
    worker, supervisor, client_for
):
    reflection = _reflection(worker)
    owner = client_for(worker)
    page = owner.get(reflection.get_absolute_url()).content.decode()
    key = "learning.reflectionresponse"
    assert f"/accounts/share/{key}/{reflection.pk}/" in page
    owner.post(f"/accounts/share/{key}/{reflection.pk}/", {"action": "share"})
    assert client_for(supervisor).get(f"/learning/shared/{reflection.pk}/").status_code == 200
    owner.post(f"/accounts/share/{key}/{reflection.pk}/", {"action": "unshare"})
    assert client_for(supervisor).get(f"/learning/shared/{reflection.pk}/").status_code == 404


def test_a_reflection_written_in_two_tabs_is_not_silently_overwritten(worker, client_for):
    lesson = LessonFactory()
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    url = reverse("learning:reflect", args=[lesson.module.slug, lesson.pk, prompt.pk])
    client = client_for(worker)
    # Both tabs opened the lesson before any reflection existed.
    client.post(url, {f"r{prompt.pk}-text": "Saved in tab two", f"r{prompt.pk}-loaded_version": ""})

    response = client.post(
        url, {f"r{prompt.pk}-text": "Typed in tab one", f"r{prompt.pk}-loaded_version": ""}
    )

    page = response.content.decode()
    assert "changed in another tab or window" in page
    assert "Saved in tab two" in page
    assert "Typed in tab one</textarea>" in page
    saved = ReflectionResponse.objects.get(user=worker, prompt=prompt)
    assert saved.text == "Saved in tab two"
    newer = page.split(f'name="r{prompt.pk}-loaded_version" value="', 1)[1].split('"')[0]
    client.post(
        url, {f"r{prompt.pk}-text": "Typed in tab one", f"r{prompt.pk}-loaded_version": newer}
    )
    saved.refresh_from_db()
    assert saved.text == "Typed in tab one"
