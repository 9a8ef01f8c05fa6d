import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allyship.accounts import pages, sharing
from allyship.accounts.csv_safe import neutralise
from allyship.accounts.models import sector_or_agency
from allyship.content_language import shown_in_english
from learning.forms import ReflectionForm
from learning.models import (
    Choice,
    Lesson,
    LessonProgress,
    Module,
    ModuleCompletion,
    Question,
    QuestionAnswer,
    ReflectionPrompt,
    ReflectionResponse,
    Topic,
)
from learning.progress import progress_by_module
from learning.services import lesson_visit, question_answer

CATALOGUE_PAGE_SIZE = 20


def _modules_for(user):
    """Modules the learner may open; staff may also preview drafts, of their own agency or
    sector-wide: another agency's module stays a 404, as it is for its learners."""
    if user.is_superuser:
        return Module.objects.all()
    if user.is_staff:
        return Module.objects.filter(sector_or_agency(user.agency_id))
    return Module.objects.available_to(user)


def _module_for(request, slug):
    return get_object_or_404(_modules_for(request.user), slug=slug)


def _lesson_for(request, slug, pk):
    """A lesson of a module the learner may open, with its module and the ids of the module's
    lessons in order (``module_lesson_ids``), in one query."""
    siblings = Lesson.objects.filter(module=OuterRef("module")).order_by("order", "pk")
    lessons = (
        Lesson.objects.select_related("module")
        .filter(module__in=_modules_for(request.user).values("pk"))
        .annotate(module_lesson_ids=ArraySubquery(siblings.values("pk")))
    )
    return get_object_or_404(lessons, module__slug=slug, pk=pk)


def catalogue(request):
    modules = Module.objects.available_to(request.user).prefetch_related("topics")
    topic = request.GET.get("topic", "")
    if topic:
        modules = modules.filter(topics__slug=topic)
    max_minutes = request.GET.get("minutes", "")
    if max_minutes.isdigit():
        modules = modules.filter(estimated_minutes__lte=int(max_minutes))
    page_obj = Paginator(modules.distinct(), CATALOGUE_PAGE_SIZE).get_page(request.GET.get("page"))
    modules = list(page_obj)
    progress = progress_by_module(request.user, [m.pk for m in modules])
    first_unvisited = _first_unvisited_lessons(request.user, modules)
    rows = [(m, progress.get(m.pk), first_unvisited.get(m.pk)) for m in modules]
    return render(
        request,
        "learning/catalogue.html",
        {
            "rows": rows,
            "topics": Topic.objects.all(),
            "topic": topic,
            "minutes": max_minutes,
            "page_obj": page_obj,
            "query_string": urlencode({"topic": topic, "minutes": max_minutes}),
        },
    )


def _first_unvisited_lessons(user, modules):
    """The lesson to continue with, per module, in one query."""
    lessons = (
        Lesson.objects.filter(module__in=modules)
        .exclude(progress__user=user)
        .order_by("module_id", "order", "pk")
        .distinct("module_id")
        .values_list("module_id", "pk")
    )
    return dict(lessons)


def module_detail(request, slug):
    module = _module_for(request, slug)
    lessons = list(module.lessons.all())
    visited = set(
        LessonProgress.objects.filter(user=request.user, lesson__module=module).values_list(
            "lesson_id", flat=True
        )
    )
    next_lesson = next((lesson for lesson in lessons if lesson.pk not in visited), None)
    completion = ModuleCompletion.objects.filter(user=request.user, module=module).first()
    return render(
        request,
        "learning/module.html",
        {
            "module": module,
            "lessons": lessons,
            "visited": visited,
            "next_lesson": next_lesson,
            "completion": completion,
            "started": bool(visited),
            "commitment_url": _commitment_url(module),
            "shown_in_english": shown_in_english(module, lessons),
        },
    )


def _commitment_url(module):
    # The accountability app sits above this one; link to it by URL name only when it exists.
    try:
        return f"{reverse('accountability:commitment_create')}?module={module.pk}"
    except NoReverseMatch:
        return None


def lesson_detail(request, slug, pk):
    page = pages.render(request, "learning/_lesson.html", lambda: _visit(request, slug, pk))
    return render(request, "learning/lesson.html", {"page": page})


def _visit(request, slug, pk):
    lesson = _lesson_for(request, slug, pk)
    # A first visit records progress, which moves the person's pages version: the page kept
    # under the version this request read is never asked for again. So a kept page is only
    # ever served after the visit was recorded.
    completion = lesson_visit(user=request.user, lesson=lesson)
    return _lesson_context(request, lesson, completion)


def _lesson_context(request, lesson, completion=None, forms_by_prompt=None):
    module = lesson.module
    # Ordered within the lesson and the question: the models' default ordering goes through
    # the lesson and its module, which would join two more tables into every query here.
    # The learner's latest answer comes as two subqueries rather than two more queries.
    mine = QuestionAnswer.objects.filter(user=request.user, question=OuterRef("pk"))
    my_choices = QuestionAnswer.latest_choices.through.objects.filter(
        questionanswer__user=request.user, questionanswer__question=OuterRef("pk")
    )
    questions = list(
        lesson.questions.order_by("order", "pk")
        .annotate(
            my_latest_correct=Subquery(mine.values("latest_correct")),
            my_choice_ids=ArraySubquery(my_choices.values("choice_id")),
        )
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")))
    )
    for question in questions:
        question.answered = question.my_latest_correct is not None
        question.choice_rows = [
            (choice, choice.pk in question.my_choice_ids) for choice in question.choices.all()
        ]
    prompts = list(
        lesson.reflections.order_by("order", "pk").prefetch_related(
            Prefetch(
                "responses",
                queryset=ReflectionResponse.objects.for_user(request.user),
                to_attr="my_responses",
            )
        )
    )
    forms_by_prompt = forms_by_prompt or {}
    for prompt in prompts:
        prompt.my_response = prompt.my_responses[0] if prompt.my_responses else None
        prompt.form = forms_by_prompt.get(prompt.pk) or ReflectionForm(
            instance=prompt.my_response, prefix=f"r{prompt.pk}"
        )
    order = lesson.module_lesson_ids
    index = order.index(lesson.pk)
    previous_id = order[index - 1] if index > 0 else None
    next_id = order[index + 1] if index + 1 < len(order) else None
    if completion is None and next_id is None:
        # Shown on the last lesson only; the module may have been completed before lessons
        # were added to it.
        completion = ModuleCompletion.objects.filter(user=request.user, module=module).first()
    return {
        "title": lesson.title,
        "module": module,
        "lesson": lesson,
        "questions": questions,
        "prompts": prompts,
        "position": index + 1,
        "lesson_count": len(order),
        "previous_id": previous_id,
        "next_id": next_id,
        "completion": completion,
        "commitment_url": _commitment_url(module),
        "shown_in_english": shown_in_english(
            lesson,
            questions,
            [choice for question in questions for choice in question.choices.all()],
            prompts,
        ),
    }


@require_POST
def answer_question(request, slug, pk, question_pk):
    lesson = _lesson_for(request, slug, pk)
    question = get_object_or_404(
        Question.objects.prefetch_related("choices"), pk=question_pk, lesson=lesson
    )
    chosen_ids = {int(v) for v in request.POST.getlist("choice") if v.isdigit()}
    choices = [c for c in question.choices.all() if c.pk in chosen_ids]
    if question.kind == Question.Kind.SINGLE:
        choices = choices[:1]
    if not choices:
        messages.error(request, _("Choose an answer first."))
    else:
        question_answer(user=request.user, question=question, choices=choices)
    return redirect(f"{lesson.get_absolute_url()}#question-{question.pk}")


@require_POST
def save_reflection(request, slug, pk, prompt_pk):
    lesson = _lesson_for(request, slug, pk)
    prompt = get_object_or_404(ReflectionPrompt, pk=prompt_pk, lesson=lesson)
    response = ReflectionResponse.objects.for_user(request.user).filter(prompt=prompt).first()
    form = ReflectionForm(request.POST, instance=response, prefix=f"r{prompt.pk}")
    if form.is_valid():
        response = form.save(commit=False)
        response.user = request.user
        response.prompt = prompt
        response.save()
        messages.success(request, _("Your reflection is saved. Only you can see it."))
        return redirect(f"{lesson.get_absolute_url()}#prompt-{prompt.pk}")
    context = _lesson_context(request, lesson, forms_by_prompt={prompt.pk: form})
    # Rendered afresh, not kept: it holds what the person typed and the form's errors.
    page = pages.Page(lesson.title, render_to_string("learning/_lesson.html", context, request))
    return render(request, "learning/lesson.html", {"page": page})


def learning_record(request):
    completions = _record_rows(request.user)
    total = sum(c.module.estimated_minutes for c in completions)
    return render(
        request, "learning/record.html", {"completions": completions, "total_minutes": total}
    )


def _record_rows(user):
    return list(
        ModuleCompletion.objects.filter(user=user)
        .select_related("module")
        .order_by("completed_on", "module__title")
    )


def learning_record_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="learning-record.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Module"), _("Completed on"), _("Estimated minutes")])
    for completion in _record_rows(request.user):
        writer.writerow(
            [
                neutralise(completion.module.title),
                completion.completed_on.isoformat(),
                completion.module.estimated_minutes,
            ]
        )
    return response


def shared_reflection(request, pk):
    """A supervisor reads a reflection a member chose to share with them."""
    response = get_object_or_404(
        ReflectionResponse.objects.select_related("user", "prompt__lesson__module").filter(
            pk__in=sharing.shared_ids_visible_to(ReflectionResponse, request.user)
        ),
        pk=pk,
    )
    if response.user_id == request.user.pk:
        raise Http404
    sharing.record_view(item=response, viewer=request.user)
    return render(request, "learning/shared_reflection.html", {"response": response})
