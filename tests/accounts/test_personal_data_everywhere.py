"""Own data covers the whole app: module reflections and self-assessment answers too."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from assessments.models import Answer, Attempt
from learning.models import LessonProgress, ReflectionPrompt, ReflectionResponse
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    LessonFactory,
    ModuleFactory,
    build_instrument,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def writings(worker, teammate):
    lesson = LessonFactory()
    prompt = ReflectionPrompt.objects.create(lesson=lesson, prompt="What did you notice?")
    ReflectionResponse.objects.create(user=worker, prompt=prompt, text="Robin's own reflection")
    ReflectionResponse.objects.create(user=teammate, prompt=prompt, text="Jordan's reflection")
    LessonProgress.objects.create(user=worker, lesson=lesson)
    instrument = build_instrument(dimensions=1, scale_items=1)
    item = instrument.dimensions.get().items.get(kind="reflection")
    attempt = AttemptFactory(user=worker, instrument=instrument)
    Answer.objects.create(attempt=attempt, item=item, text="Robin's assessment reflection")
    other = AttemptFactory(user=teammate, instrument=instrument)
    Answer.objects.create(attempt=other, item=item, text="Jordan's assessment reflection")
    return attempt


def download(client):
    response = client.post(reverse("accounts:my_data_download"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return json.loads(archive.read("data.json"))


def test_the_download_holds_my_reflections_and_answers_only(client_for, worker, writings):
    text = json.dumps(download(client_for(worker)))
    assert "Robin's own reflection" in text
    assert "Robin's assessment reflection" in text
    assert "Jordan" not in text


def test_deleting_removes_reflections_and_answers_and_keeps_participation(
    client_for, worker, teammate, writings
):
    client = client_for(worker)
    client.post(reverse("accounts:my_data_delete"), {"confirmation": "delete"})
    assert not ReflectionResponse.objects.filter(user=worker).exists()
    assert not Answer.objects.filter(attempt__user=worker).exists()
    assert Attempt.objects.filter(user=worker).exists()
    assert LessonProgress.objects.filter(user=worker).exists()
    assert ReflectionResponse.objects.filter(user=teammate).exists()
    assert Answer.objects.filter(attempt__user=teammate).exists()


def test_the_download_holds_my_assignments_and_their_status(client_for, worker, team, teammate):
    AssignmentFactory(team=team, module=ModuleFactory(title="Power with families"))
    AssignmentFactory(team=team, module=ModuleFactory(title="Jordan only"), assignee=teammate)
    rows = download(client_for(worker))["tables"]["teams_assignments"]
    assert [(row["what"], row["status"]) for row in rows] == [
        ("Power with families", "Not started")
    ]
