from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from learning.models import LessonProgress, Module, ModuleCompletion
from learning.progress import progress_by_module


def _module_for(request, slug):
    """Published modules the learner may see; staff may preview drafts."""
    modules = (
        Module.objects.all() if request.user.is_staff else Module.objects.available_to(request.user)
    )
    return get_object_or_404(modules, slug=slug)


def catalogue(request):
    modules = Module.objects.available_to(request.user).prefetch_related("topics")
    progress = progress_by_module(request.user)
    rows = [(module, progress.get(module.pk)) for module in modules]
    return render(request, "learning/catalogue.html", {"rows": rows})


def module_detail(request, slug):
    module = _module_for(request, slug)
    lessons = list(module.lessons.all())
    visited = set(
        LessonProgress.objects.filter(user=request.user, lesson__module=module).values_list(
            "lesson_id", flat=True
        )
    )
    completion = ModuleCompletion.objects.filter(user=request.user, module=module).first()
    return render(
        request,
        "learning/module.html",
        {"module": module, "lessons": lessons, "visited": visited, "completion": completion},
    )


def lesson_detail(request, slug, pk):
    module = _module_for(request, slug)
    lesson = get_object_or_404(module.lessons.prefetch_related("questions__choices"), pk=pk)
    LessonProgress.objects.get_or_create(user=request.user, lesson=lesson)
    lessons = list(module.lessons.values_list("pk", flat=True))
    if not ModuleCompletion.objects.filter(user=request.user, module=module).exists():
        done = LessonProgress.objects.filter(user=request.user, lesson__module=module).count()
        if done >= len(lessons):
            ModuleCompletion.objects.get_or_create(
                user=request.user, module=module, defaults={"completed_on": timezone.localdate()}
            )
    return render(request, "learning/lesson.html", {"module": module, "lesson": lesson})
