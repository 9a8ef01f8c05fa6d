from learning.models import LessonProgress, ModuleCompletion
from learning.progress import completed_module_ids, progress_by_module
from tests.factories import LessonFactory, ModuleFactory


def test_it_completes_a_module_when_every_lesson_is_visited(worker, client_for):
    module = ModuleFactory()
    lessons = LessonFactory.create_batch(2, module=module)
    client = client_for(worker)
    for lesson in lessons:
        assert client.get(lesson.get_absolute_url()).status_code == 200
    assert completed_module_ids(worker) == {module.pk}


def test_it_keeps_completion_when_a_lesson_is_added(worker):
    module = ModuleFactory()
    lesson = LessonFactory(module=module)
    LessonProgress.objects.create(user=worker, lesson=lesson)
    ModuleCompletion.objects.create(user=worker, module=module, completed_on="2026-01-01")
    LessonFactory(module=module)
    progress = progress_by_module(worker)[module.pk]
    assert (progress.lessons_visited, progress.lessons_total) == (1, 2)
    assert str(progress.completed_on) == "2026-01-01"


def test_it_drops_a_removed_lesson_from_x_of_y(worker):
    module = ModuleFactory()
    kept, removed = LessonFactory.create_batch(2, module=module)
    LessonProgress.objects.create(user=worker, lesson=removed)
    removed.delete()
    progress = progress_by_module(worker)[module.pk]
    assert (progress.lessons_visited, progress.lessons_total) == (0, 1)


def test_it_hides_draft_modules_from_workers(worker, client_for):
    module = ModuleFactory(status="draft")
    assert client_for(worker).get(module.get_absolute_url()).status_code == 404
