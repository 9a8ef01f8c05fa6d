from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allyship.accountability.forms import (
    CloseCommitmentForm,
    CommentForm,
    CommitmentForm,
    EntryForm,
    FollowUpForm,
    LogFilterForm,
)
from allyship.accountability.models import Commitment, Entry
from allyship.accounts import pages, sharing
from allyship.accounts.models import Share
from assessments.models import Attempt
from learning.models import Module

PAGE_SIZE = 20


def _comments(item):
    return list(item.comments.select_related("author"))


def _mark_comments_seen(item, owner):
    if (
        item.comments.exclude(author=owner)
        .unseen_by_owners()
        .update(seen_by_owner_at=timezone.now())
    ):
        pages.changed(pages.of(owner.pk))  # the new-comment counts on home and the log


def log(request):
    """The person's log, newest first, with filters, search and what is overdue."""
    page = pages.render(request, "accountability/_log.html", lambda: _log_context(request))
    return render(request, "accountability/log.html", {"page": page})


def _log_context(request):
    filters = LogFilterForm(request.GET or None)
    entries = (
        filters.filter(Entry.objects.for_user(request.user))
        .with_new_comment_counts(request.user)
        .annotate(is_shared=sharing.is_shared(Entry))
        .with_group_names()
        .only("title", "date", "kind", "level")
        # The pk last breaks ties, so that no entry shows on two pages.
        .order_by("-date", "-created_at", "-pk")
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    overdue = list(Commitment.objects.for_user(request.user).overdue())
    return {
        "filters": filters,
        "page_obj": page,
        "query_string": query.urlencode(),
        "overdue": overdue,
    }


def entry_create(request):
    form = EntryForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.instance.user = request.user
        entry = form.save()
        messages.success(request, _("Your entry is saved. Only you can see it."))
        return redirect(entry)
    return render(request, "accountability/entry_form.html", {"form": form})


def entry_edit(request, pk):
    entry = get_object_or_404(Entry, pk=pk, user=request.user)
    form = EntryForm(request.POST or None, instance=entry, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes are saved."))
        return redirect(entry)
    return render(request, "accountability/entry_form.html", {"form": form, "entry": entry})


def entry_detail(request, pk):
    """The author's view of an entry; a POST adds the author's reply to the comments."""
    entry = get_object_or_404(
        Entry.objects.select_related("module", "attempt__instrument").prefetch_related(
            "equity_groups", "commitments"
        ),
        pk=pk,
        user=request.user,
    )
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _add_comment(form, entry=entry, author=request.user)
        messages.success(request, _("Your reply is posted."))
        return redirect(entry)
    comments = _comments(entry)
    _mark_comments_seen(entry, request.user)
    return render(
        request,
        "accountability/entry_detail.html",
        {"entry": entry, "comments": comments, "comment_form": form},
    )


def entry_delete(request, pk):
    entry = get_object_or_404(Entry, pk=pk, user=request.user)
    if request.method == "POST":
        # The share and its "seen by" history mean nothing once the entry is gone.
        Share.objects.for_item(entry).delete()
        entry.delete()
        messages.success(request, _("The entry is deleted."))
        return redirect("accountability:log")
    return render(request, "accountability/entry_confirm_delete.html", {"entry": entry})


def commitment_list(request):
    commitments = (
        Commitment.objects.for_user(request.user)
        .open_first()
        .select_related("entry")
        .annotate(follow_up_count=Count("follow_ups", distinct=True))
        .with_new_comment_counts(request.user)
    )
    page = Paginator(commitments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accountability/commitment_list.html", {"page_obj": page})


def _commitment_sources(user):
    """Where a commitment may come from: query parameter (and field) -> where to look it up.

    Each is a queryset of what the signed-in person may link to, so a guessed id of someone
    else's item is simply ignored.
    """
    return {
        "entry": Entry.objects.for_user(user),
        "module": Module.objects.available_to(user),
        "attempt": Attempt.objects.for_user(user).submitted().select_related("instrument"),
    }


def commitment_create(request):
    """A new commitment, optionally made from an item and linked to it.

    ``?entry=<id>``, ``?module=<id>`` or ``?attempt=<id>`` (assessment results and a module's
    completion link here by URL name).
    """
    sources = {
        field: _pick(queryset, request.GET.get(field))
        for field, queryset in _commitment_sources(request.user).items()
    }
    form = CommitmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.user = request.user
        for field, source in sources.items():
            setattr(form.instance, field, source)
        commitment = form.save()
        messages.success(request, _("Your commitment is saved. You'll find it in My log."))
        return redirect(commitment)
    return render(
        request, "accountability/commitment_form.html", {"form": form, "sources": sources}
    )


def commitment_edit(request, pk):
    commitment = get_object_or_404(Commitment, pk=pk, user=request.user)
    form = CommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes are saved."))
        return redirect(commitment)
    return render(
        request,
        "accountability/commitment_form.html",
        {"form": form, "commitment": commitment, "sources": {}},
    )


def _pick(queryset, raw_pk):
    if not raw_pk or not str(raw_pk).isdigit():
        return None
    return queryset.filter(pk=raw_pk).first()


def commitment_detail(request, pk):
    """The author's commitment with its follow-ups; POSTs add a follow-up or a reply."""
    commitment = get_object_or_404(
        Commitment.objects.select_related("entry").prefetch_related("follow_ups"),
        pk=pk,
        user=request.user,
    )
    posted = request.POST if request.method == "POST" else None
    follow_up_form = FollowUpForm(posted if "follow_up-note" in request.POST else None)
    comment_form = CommentForm(posted if "comment-text" in request.POST else None)
    if follow_up_form.is_bound and follow_up_form.is_valid():
        follow_up_form.instance.commitment = commitment
        follow_up_form.save()
        messages.success(request, _("Your follow-up is saved."))
        return redirect(commitment)
    if comment_form.is_bound and comment_form.is_valid():
        _add_comment(comment_form, commitment=commitment, author=request.user)
        messages.success(request, _("Your reply is posted."))
        return redirect(commitment)
    comments = _comments(commitment)
    _mark_comments_seen(commitment, request.user)
    return render(
        request,
        "accountability/commitment_detail.html",
        {
            "commitment": commitment,
            "follow_up_form": follow_up_form,
            "comment_form": comment_form,
            "comments": comments,
        },
    )


def commitment_close(request, pk):
    commitment = get_object_or_404(
        Commitment, pk=pk, user=request.user, status=Commitment.Status.OPEN
    )
    form = CloseCommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your commitment is closed. Thank you for following up."))
        return redirect(commitment)
    return render(
        request, "accountability/commitment_close.html", {"form": form, "commitment": commitment}
    )


@require_POST
def commitment_reopen(request, pk):
    commitment = get_object_or_404(Commitment, pk=pk, user=request.user)
    commitment.status = Commitment.Status.OPEN
    commitment.closed_at = None
    commitment.save(update_fields=["status", "closed_at", "updated_at"])
    messages.success(request, _("Your commitment is open again."))
    return redirect(commitment)


def _add_comment(form, *, author, entry=None, commitment=None):
    comment = form.save(commit=False)
    comment.author = author
    comment.entry = entry
    comment.commitment = commitment
    owner = (entry or commitment).user_id
    if owner == author.pk:
        comment.seen_by_owner_at = timezone.now()
    comment.save()
    return comment


# The supervisor's side: only items shared with them, everything else is a 404.


def shared_list(request):
    """Items that members of the teams I supervise shared with me, most recently shared first."""
    kinds = {
        ContentType.objects.get_for_model(Entry).pk: Entry,
        ContentType.objects.get_for_model(Commitment).pk: Commitment,
    }
    shares = (
        Share.objects.visible_to(request.user)
        .filter(content_type__in=kinds)
        .order_by("-shared_at", "-pk")
    )
    page = Paginator(shares, PAGE_SIZE).get_page(request.GET.get("page"))
    items = {}
    for content_type_id, model in kinds.items():
        ids = [share.object_id for share in page if share.content_type_id == content_type_id]
        queryset = model.objects.filter(pk__in=ids).select_related("user")
        queryset = queryset.annotate(comment_count=Count("comments"))
        items.update({(content_type_id, item.pk): item for item in queryset})
    rows = [
        {"share": share, "item": items[(share.content_type_id, share.object_id)]}
        for share in page
        if (share.content_type_id, share.object_id) in items
    ]
    return render(request, "accountability/shared_list.html", {"page_obj": page, "rows": rows})


def _shared_item(model, pk, viewer, queryset=None):
    queryset = (model.objects if queryset is None else queryset).select_related("user")
    item = get_object_or_404(queryset, pk=pk, pk__in=sharing.shared_ids_visible_to(model, viewer))
    if item.user_id == viewer.pk:
        raise Http404
    return item


def shared_entry(request, pk):
    entry = _shared_item(Entry, pk, request.user, Entry.objects.prefetch_related("equity_groups"))
    return _shared_page(request, entry, "accountability/shared_entry.html", entry=entry)


def shared_commitment(request, pk):
    commitment = _shared_item(
        Commitment, pk, request.user, Commitment.objects.prefetch_related("follow_ups")
    )
    return _shared_page(
        request, commitment, "accountability/shared_commitment.html", commitment=commitment
    )


def _shared_page(request, item, template, **context):
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        field = "entry" if isinstance(item, Entry) else "commitment"
        _add_comment(form, author=request.user, **{field: item})
        messages.success(
            request, _("Your comment is posted. %(name)s will see it.") % {"name": item.user}
        )
        return redirect(request.path)
    sharing.record_view(item=item, viewer=request.user)
    return render(
        request,
        template,
        {**context, "item": item, "comments": _comments(item), "comment_form": form},
    )
