from django.contrib.auth.models import Group

from learning.models import Module
from tests.factories import AgencyFactory, LessonFactory, ModuleFactory, TrainerFactory


def test_trainers_may_author_content_but_not_see_learner_records(trainer):
    codenames = set(
        Group.objects.get(name="Trainers").permissions.values_list("codename", flat=True)
    )
    for model in ("topic", "module", "lesson", "question", "choice", "reflectionprompt"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= codenames
    for model in ("reflectionresponse", "lessonprogress", "questionanswer", "modulecompletion"):
        assert not any(code.endswith(f"_{model}") for code in codenames)


def test_a_trainer_edits_a_module_with_its_lessons_inline(trainer, client_for):
    lesson = LessonFactory(title="Lesson inline")
    page = client_for(trainer).get(f"/admin/learning/module/{lesson.module.pk}/change/")
    assert page.status_code == 200
    assert "Lesson inline" in page.content.decode()
    assert "Starter content — to be reviewed with people with lived experience" in (
        page.content.decode()
    )


def test_a_trainer_publishes_and_unpublishes_modules(trainer, client_for):
    module = ModuleFactory(status="draft")
    client = client_for(trainer)
    client.post("/admin/learning/module/", {"action": "publish", "_selected_action": [module.pk]})
    module.refresh_from_db()
    assert module.status == Module.Status.PUBLISHED
    client.post("/admin/learning/module/", {"action": "unpublish", "_selected_action": [module.pk]})
    module.refresh_from_db()
    assert module.status == Module.Status.DRAFT


def test_a_trainer_previews_a_draft_as_a_learner(trainer, client_for):
    module = ModuleFactory(status="draft", title="Draft to preview")
    listing = client_for(trainer).get("/admin/learning/module/").content.decode()
    assert module.get_absolute_url() in listing
    page = client_for(trainer).get(module.get_absolute_url()).content.decode()
    assert "Draft preview" in page


def test_it_hides_another_agencys_module_from_a_worker(worker, stranger, client_for):
    module = ModuleFactory(agency=stranger.agency)
    assert client_for(worker).get(module.get_absolute_url()).status_code == 404
    assert client_for(stranger).get(module.get_absolute_url()).status_code == 200
    assert list(Module.objects.available_to(worker)) == []


def test_a_trainer_writes_a_lesson_in_english_and_french_side_by_side(trainer, client_for):
    lesson = LessonFactory(title="Listening first", body="Listen **first**.")
    client = client_for(trainer)
    page = client.get(f"/admin/learning/lesson/{lesson.pk}/change/").content.decode()
    assert page.index('name="title_en"') < page.index('name="title_fr"')
    assert 'name="body_fr"' in page
    response = client.post(
        f"/admin/learning/lesson/{lesson.pk}/change/",
        {
            "module": lesson.module.pk,
            "order": "1",
            "title_en": "Listening first",
            "title_fr": "D'abord écouter",
            "body_en": "Listen **first**.",
            "body_fr": "Écouter **d'abord**.",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
            "reflections-TOTAL_FORMS": "0",
            "reflections-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.title_fr == "D'abord écouter"
    assert lesson.body_html_en.strip() == "<p>Listen <strong>first</strong>.</p>"
    assert lesson.body_html_fr.strip() == "<p>Écouter <strong>d'abord</strong>.</p>"


def test_the_module_page_in_the_admin_edits_both_languages_of_its_lessons(trainer, client_for):
    lesson = LessonFactory(title="Lesson inline")
    page = client_for(trainer).get(f"/admin/learning/module/{lesson.module.pk}/change/")
    html = page.content.decode()
    assert 'name="summary_en"' in html and 'name="summary_fr"' in html
    assert 'name="lessons-0-title_fr"' in html
    assert 'name="lessons-0-body_fr"' in html


def test_staff_of_another_agency_cannot_preview_an_agencys_own_module(client_for, agency):
    own = ModuleFactory(status="draft", agency=agency, title="Maple's own draft")
    elsewhere = TrainerFactory(agency=AgencyFactory(name="Far Away CAS", slug="far"))
    client = client_for(elsewhere)
    assert client.get(f"/learning/{own.slug}/").status_code == 404
    own.status = "published"
    own.save()
    assert client.get(f"/learning/{own.slug}/").status_code == 404
    sector_draft = ModuleFactory(status="draft", agency=None)
    assert client.get(f"/learning/{sector_draft.slug}/").status_code == 200
