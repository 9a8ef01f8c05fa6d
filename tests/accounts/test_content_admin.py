"""Content is the sector's or one agency's own: staff author the sector's and their own
agency's in the admin, never another agency's (accounts.admin.ContentAdmin)."""

import pytest
from django.urls import reverse

from allyship.accounts.models import User
from learning.models import Lesson, Question
from tests.factories import (
    AgencyFactory,
    LessonFactory,
    ModuleFactory,
    TrainerFactory,
    build_instrument,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(agency):
    elsewhere = AgencyFactory(name="Far Away CAS", slug="far")
    sector = ModuleFactory(title="Sector module", agency=None)
    ours = ModuleFactory(title="Our own module", agency=agency)
    theirs = ModuleFactory(title="Their own module", agency=elsewhere)
    return {
        "elsewhere": elsewhere,
        "modules": (sector, ours, theirs),
        "lessons": [LessonFactory(module=m, title=f"Lesson of {m.title}") for m in (sector, ours)]
        + [LessonFactory(module=theirs, title="Lesson of their module")],
        "instruments": [
            build_instrument(title="Sector instrument", agency=None),
            build_instrument(title="Their instrument", agency=elsewhere),
        ],
    }


def test_a_trainer_lists_the_sectors_and_their_agencys_content_only(client_for, trainer, content):
    client = client_for(trainer)
    modules = client.get(reverse("admin:learning_module_changelist")).text
    assert "Sector module" in modules and "Our own module" in modules
    assert "Their own module" not in modules
    assert "Far Away CAS" not in modules  # nor in the agency filter
    lessons = client.get(reverse("admin:learning_lesson_changelist")).text
    assert "Lesson of Our own module" in lessons
    assert "Lesson of their module" not in lessons and "Their own module" not in lessons
    instruments = client.get(reverse("admin:assessments_instrument_changelist")).text
    assert "Sector instrument" in instruments and "Their instrument" not in instruments
    dimensions = client.get(reverse("admin:assessments_dimension_changelist")).text
    assert "Their instrument" not in dimensions


def test_another_agencys_content_cannot_be_opened_or_changed(client_for, trainer, content):
    client = client_for(trainer)
    _sector, ours, theirs = content["modules"]
    their_lesson = content["lessons"][2]
    their_instrument = content["instruments"][1]
    for url in (
        reverse("admin:learning_module_change", args=[theirs.pk]),
        reverse("admin:learning_lesson_change", args=[their_lesson.pk]),
        reverse("admin:assessments_instrument_change", args=[their_instrument.pk]),
        reverse("admin:assessments_instrument_preview", args=[their_instrument.pk]),
        reverse(
            "admin:assessments_dimension_change",
            args=[their_instrument.dimensions.first().pk],
        ),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "Their" not in client.get(response.url).text
    assert client.get(reverse("admin:learning_module_change", args=[ours.pk])).status_code == 200

    client.post(
        reverse("admin:learning_module_changelist"),
        {"action": "unpublish", "_selected_action": [theirs.pk]},
    )
    theirs.refresh_from_db()
    assert theirs.status == "published"


def test_a_trainer_chooses_among_their_own_agency_and_visible_modules(
    client_for, trainer, agency, content
):
    client = client_for(trainer)
    module_form = client.get(reverse("admin:learning_module_add")).text
    assert agency.name.replace("'", "&#x27;") in module_form
    assert "Far Away CAS" not in module_form
    lesson_form = client.get(reverse("admin:learning_lesson_add")).text
    assert "Our own module" in lesson_form and "Sector module" in lesson_form
    assert "Their own module" not in lesson_form
    question_form = client.get(reverse("admin:learning_question_add")).text
    assert "Lesson of Our own module" in question_form
    assert "Lesson of their module" not in question_form


def test_a_trainer_cannot_add_a_lesson_to_another_agencys_module(client_for, trainer, content):
    theirs = content["modules"][2]
    client_for(trainer).post(
        reverse("admin:learning_lesson_add"),
        {
            "module": theirs.pk,
            "order": 9,
            "title_en": "Slipped in",
            "body_en": "Text",
            "questions-TOTAL_FORMS": 0,
            "questions-INITIAL_FORMS": 0,
            "reflections-TOTAL_FORMS": 0,
            "reflections-INITIAL_FORMS": 0,
        },
    )
    assert not Lesson.objects.filter(title_en="Slipped in").exists()
    assert not Question.objects.filter(lesson__module=theirs).exists()


def test_the_other_agencys_trainer_sees_theirs_and_not_ours(client_for, content):
    their_trainer = TrainerFactory(agency=content["elsewhere"])
    modules = client_for(their_trainer).get(reverse("admin:learning_module_changelist")).text
    assert "Their own module" in modules and "Sector module" in modules
    assert "Our own module" not in modules


def test_a_superuser_sees_every_agencys_content(client_for, content):
    root = User.objects.create_superuser("root@example.org", "a long root passphrase")
    modules = client_for(root).get(reverse("admin:learning_module_changelist")).text
    assert "Our own module" in modules and "Their own module" in modules
