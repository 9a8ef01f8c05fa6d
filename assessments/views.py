from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allyship.accounts import pages, sharing
from allyship.content_language import shown_in_english
from assessments import charts
from assessments.forms import AgencyStartForm, PageForm, field_name
from assessments.models import Attempt, Dimension, DimensionScore, Instrument, Item
from assessments.recommend import recommended_modules, recommended_topics
from assessments.services import attempt_save_answers, attempt_submit, unanswered_scale_items

HISTORY_PAGE_SIZE = 25


def _dimensions(instrument):
    return list(
        Dimension.objects.filter(instrument=instrument).prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("position", "pk"))
        )
    )


def _own_attempt(request, pk):
    attempt = get_object_or_404(
        Attempt.objects.select_related("instrument"), pk=pk, user=request.user
    )
    # Its owner is the signed-in person, already loaded: reading attempt.user costs no query.
    attempt.user = request.user
    return attempt


def _can_answer_for_agency(user):
    return user.is_agency_admin


def instrument_list(request):
    instruments = sorted(
        Instrument.objects.available_to(request.user).newest_versions(),
        key=lambda instrument: instrument.title.casefold(),
    )
    own = Attempt.objects.for_user(request.user)
    last_dates = dict(
        own.submitted()
        .values("instrument__slug")
        .annotate(last=Max("submitted_at"))
        .values_list("instrument__slug", "last")
    )
    open_attempts = {a.instrument_id: a for a in own.in_progress()}
    rows = []
    for instrument in instruments:
        if instrument.is_agency and not _can_answer_for_agency(request.user):
            continue
        rows.append(
            {
                "instrument": instrument,
                "last": last_dates.get(instrument.slug),
                "open": open_attempts.get(instrument.pk),
            }
        )
    return render(request, "assessments/list.html", {"rows": rows})


def start(request, pk):
    instrument = get_object_or_404(Instrument.objects.available_to(request.user), pk=pk)
    if instrument.is_agency and not _can_answer_for_agency(request.user):
        raise Http404
    form = AgencyStartForm(request.POST or None) if instrument.is_agency else None
    if request.method == "POST" and (form is None or form.is_valid()):
        attempt = Attempt.objects.create(
            user=request.user,
            instrument=instrument,
            agency=request.user.agency if instrument.is_agency else None,
            group_note=form.cleaned_data["group_note"] if form else "",
        )
        return redirect("assessments:take", pk=attempt.pk, page=1)
    return render(
        request,
        "assessments/start.html",
        {
            "instrument": instrument,
            "form": form,
            "shown_in_english": shown_in_english(instrument),
        },
    )


def take(request, pk, page):
    attempt = _own_attempt(request, pk)
    if attempt.is_submitted:
        return redirect("assessments:results", pk=attempt.pk)
    dimensions = _dimensions(attempt.instrument)
    if not 1 <= page <= len(dimensions):
        raise Http404
    dimension = dimensions[page - 1]
    items = list(dimension.items.all())
    saved = {a.item_id: a for a in attempt.answers.filter(item__in=items)}
    initial = {}
    for item in items:
        answer = saved.get(item.pk)
        if answer:
            initial[f"item_{item.pk}"] = answer.value if item.is_scale else answer.text
    form = PageForm(request.POST or None, items=items, initial=initial, saved=saved)
    if request.method == "POST" and form.is_valid() and form.edited_elsewhere(saved):
        form = form.rebased_on(saved)
    elif request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "next")
        target = {"previous": page - 1, "next": page + 1}.get(action, page)
        target = max(1, min(target, len(dimensions)))
        values, texts = form.posted_answers()
        attempt_save_answers(attempt=attempt, values=values, texts=texts, page=target)
        if action == "later":
            messages.success(request, _("Saved. You can pick up where you left off at any time."))
            return redirect("assessments:list")
        if action == "review" or (action == "next" and page == len(dimensions)):
            return redirect("assessments:review", pk=attempt.pk)
        return redirect("assessments:take", pk=attempt.pk, page=target)
    if request.method == "GET" and attempt.current_page != page:
        attempt_save_answers(attempt=attempt, values={}, texts={}, page=page)
    return render(
        request,
        "assessments/take.html",
        {
            "attempt": attempt,
            "dimension": dimension,
            "form": form,
            "page": page,
            "pages": len(dimensions),
            "shown_in_english": shown_in_english(attempt.instrument, dimension, items),
        },
    )


@require_POST
def autosave(request, pk, page):
    """The quiet autosave behind static/js/assessments.js: save what was posted, nothing else."""
    attempt = _own_attempt(request, pk)
    if attempt.is_submitted:
        return JsonResponse({"saved": False}, status=409)
    dimensions = _dimensions(attempt.instrument)
    if not 1 <= page <= len(dimensions):
        raise Http404
    items = list(dimensions[page - 1].items.all())
    form = PageForm(request.POST, items=items)
    form.full_clean()
    # The client-information warning is shown when the page is saved; autosave keeps the text.
    form.cleaned_data = {
        name: value for name, value in form.cleaned_data.items() if name not in form.errors
    }
    values, texts = form.posted_answers()
    saved = {a.item_id: a for a in attempt.answers.filter(item__in=items)}
    # An answer another tab changed meanwhile is left alone; saving the page shows both.
    conflicts = form.edited_elsewhere(saved)
    for item in conflicts:
        values.pop(item.pk, None)
        texts.pop(item.pk, None)
    attempt_save_answers(attempt=attempt, values=values, texts=texts)
    if conflicts:
        return JsonResponse({"edited_elsewhere": [field_name(i) for i in conflicts]}, status=409)
    return HttpResponse(status=204)


def review(request, pk):
    attempt = _own_attempt(request, pk)
    if attempt.is_submitted:
        return redirect("assessments:results", pk=attempt.pk)
    dimensions = _dimensions(attempt.instrument)
    page_of = {d.pk: number for number, d in enumerate(dimensions, start=1)}
    missing = [(item, page_of[item.dimension_id]) for item in unanswered_scale_items(attempt)]
    return render(
        request,
        "assessments/review.html",
        {"attempt": attempt, "missing": missing, "pages": len(dimensions)},
    )


@require_POST
def submit(request, pk):
    attempt = _own_attempt(request, pk)
    if attempt.is_submitted:
        return redirect("assessments:results", pk=attempt.pk)
    if unanswered_scale_items(attempt).exists():
        messages.error(request, _("A few questions still need an answer before you submit."))
        return redirect("assessments:review", pk=attempt.pk)
    if attempt_submit(attempt=attempt):
        messages.success(request, _("Submitted. Here are your results."))
    return redirect("assessments:results", pk=attempt.pk)


def _scores_by_attempt(attempts):
    # Grouped by attempt below, so ordered by dimension only: the default ordering would join
    # the attempts again to sort by their start.
    rows = (
        DimensionScore.objects.filter(attempt__in=attempts)
        .select_related("dimension")
        .order_by("dimension__position")
    )
    by_attempt = {}
    for row in rows:
        by_attempt.setdefault(row.attempt_id, []).append(row)
    return by_attempt


def _series(attempts, scores_by_attempt):
    """Chart data: one line per dimension (by slug or name, so new versions continue the line)."""
    names, points = [], {}
    for attempt in attempts:
        for row in scores_by_attempt.get(attempt.pk, []):
            key = row.dimension.slug or row.dimension.name
            if key not in points:
                names.append((key, row.dimension.name))
                points[key] = []
            points[key].append((attempt.submitted_at, row.score))
    return [{"name": name, "points": points[key]} for key, name in names]


def _commitment_url(attempt):
    try:
        return reverse("accountability:commitment_create") + f"?attempt={attempt.pk}"
    except NoReverseMatch:
        return None


def _results_context(attempt, *, with_history=True):
    """Everything a results page shows, in a constant number of queries."""
    same = Attempt.objects.filter(instrument__slug=attempt.instrument.slug)
    if attempt.instrument.is_agency:
        same = same.filter(agency_id=attempt.agency_id)
    else:
        same = same.filter(user_id=attempt.user_id)
    history = list(same.submitted().order_by("submitted_at"))
    if not with_history:
        # Workers see the agency's latest result only, without the change since last time.
        history = [a for a in history if a.pk == attempt.pk]
    scores_by_attempt = _scores_by_attempt(history)
    scores = scores_by_attempt.get(attempt.pk, [])
    earlier = [a for a in history if a.submitted_at < attempt.submitted_at]
    previous = {}
    if earlier:
        for row in scores_by_attempt.get(earlier[-1].pk, []):
            previous[row.dimension.slug or row.dimension.name] = row.score
    stages = list(attempt.instrument.stages.all()) if attempt.instrument.is_agency else []
    dimension_rows = []
    for row in scores:
        before = previous.get(row.dimension.slug or row.dimension.name)
        dimension_rows.append(
            {
                "dimension": row.dimension,
                "score": row.score,
                "band": row.dimension.band_text(row.score),
                "change": None if before is None else row.score - before,
                "stage": stages[row.stage - 1] if row.stage and len(stages) >= row.stage else None,
            }
        )
    series = _series(history, scores_by_attempt)
    reflections = list(
        attempt.answers.filter(item__kind=Item.Kind.REFLECTION)
        .exclude(text="")
        .select_related("item__dimension")
        .order_by("item__dimension__position", "item__position")
    )
    topics = recommended_topics(attempt, scores)
    return {
        "attempt": attempt,
        "rows": dimension_rows,
        "chart": charts.line_chart(series),
        "series": series,
        "history": history,
        "topics": topics,
        "modules": recommended_modules(attempt.user, topics),
        "reflections": reflections,
    }


def results(request, pk):
    # Kept only once submitted (a submission moves the version), for its owner: the key holds
    # the person and the address.
    try:
        page = pages.render(request, "assessments/_results.html", lambda: _own_results(request, pk))
    except _NotSubmitted as not_submitted:
        return redirect(not_submitted.attempt.get_absolute_url())
    return render(request, "assessments/results.html", {"page": page})


class _NotSubmitted(Exception):
    def __init__(self, attempt):
        self.attempt = attempt


def _own_results(request, pk):
    attempt = _own_attempt(request, pk)
    if not attempt.is_submitted:
        raise _NotSubmitted(attempt)
    context = _results_context(attempt)
    context["commitment_url"] = _commitment_url(attempt)
    context["is_owner"] = True
    return context


def history(request):
    attempts = (
        Attempt.objects.for_user(request.user)
        .personal()
        .select_related("instrument")
        .order_by("-started_at", "-pk")
    )
    page_obj = Paginator(attempts, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    scores_by_attempt = _scores_by_attempt([a for a in page_obj if a.is_submitted])
    rows = [{"attempt": a, "scores": scores_by_attempt.get(a.pk, [])} for a in page_obj]
    return render(request, "assessments/history.html", {"rows": rows, "page_obj": page_obj})


def shared_results(request, pk):
    """A supervisor reads an attempt a member of their team chose to share; otherwise 404."""
    attempt = get_object_or_404(
        Attempt.objects.select_related("instrument", "user").submitted(),
        pk=pk,
        pk__in=sharing.shared_ids_visible_to(Attempt, request.user),
    )
    sharing.record_view(item=attempt, viewer=request.user)
    context = _results_context(attempt)
    context["is_owner"] = False
    return render(request, "assessments/shared_results.html", context)


def _agency_viewer(user):
    return user.agency_id is not None and (user.is_agency_admin or user.is_supervisor)


def agency_results(request):
    """The agency-level assessment: history for supervisors and admins, the latest for everyone."""
    attempts = list(
        Attempt.objects.for_agency(request.user.agency_id)
        .submitted()
        .select_related("instrument")
        .order_by("-submitted_at")
    )
    if not attempts:
        return render(request, "assessments/agency.html", {"latest": None})
    sees_history = _agency_viewer(request.user)
    context = _results_context(attempts[0], with_history=sees_history)
    context["latest"] = attempts[0]
    context["sees_history"] = sees_history
    if not sees_history:
        context["reflections"] = []
    return render(request, "assessments/agency.html", context)
