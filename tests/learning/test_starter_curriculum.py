from learning.models import Lesson, Module, Topic
from learning.starter import load_starter_curriculum

TOPICS_THE_SELF_ASSESSMENT_NEEDS = {
    "acknowledging-privilege",
    "not-the-expert",
    "lived-experience",
    "systems-of-oppression",
    "accountability",
    "power-with-families",
    "challenging-oppressive-practice",
}


def test_it_loads_the_real_starter_curriculum(db):
    load_starter_curriculum()
    assert Module.objects.filter(is_starter=True, status="published").count() == 8
    assert TOPICS_THE_SELF_ASSESSMENT_NEEDS <= set(Topic.objects.values_list("slug", flat=True))
    for module in Module.objects.prefetch_related("lessons"):
        assert module.lessons.count() >= 3, module.slug
    for lesson in Lesson.objects.all():
        assert lesson.questions.exists(), lesson.title
        assert lesson.reflections.exists(), lesson.title
        assert all(q.choices.filter(is_correct=True).exists() for q in lesson.questions.all())


def test_every_topic_a_starter_module_names_exists(db):
    import yaml

    from learning.starter import STARTER_DIR

    load_starter_curriculum()
    for path in (STARTER_DIR / "modules").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        module = Module.objects.get(slug=data["slug"])
        assert module.topics.count() == len(set(data["topics"])), path.name


def test_it_reloads_the_real_curriculum_without_duplicates(db):
    first = load_starter_curriculum()
    second = load_starter_curriculum()
    assert first == second
    assert Module.objects.count() == 8


def test_the_command_loads_the_starter_curriculum(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_starter_curriculum", stdout=out)
    assert "8 modules" in out.getvalue()
    assert Module.objects.count() == 8
