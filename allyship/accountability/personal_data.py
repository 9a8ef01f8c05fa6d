"""The accountability log's part of "download my data" and "delete my private data"."""

from django.utils.translation import gettext as _

from allyship.accountability.models import Comment, Commitment, Entry, FollowUp


def export(user) -> dict[str, list[dict]]:
    entries = [
        {
            "id": entry.pk,
            "date": entry.date,
            "kind": entry.get_kind_display(),
            "level": entry.get_level_display(),
            "title": entry.title,
            "what_happened": entry.what_happened,
            "what_i_learned": entry.what_i_learned,
            "what_i_will_do_differently": entry.what_i_will_do_differently,
            "equity_groups": [group.name for group in entry.equity_groups.all()],
            "module_id": entry.module_id,
            "attempt_id": entry.attempt_id,
            "created_at": entry.created_at,
            "updated_at": entry.updated_at,
        }
        for entry in Entry.objects.for_user(user).prefetch_related("equity_groups")
    ]
    commitments = [
        {
            "id": commitment.pk,
            "what_i_will_do": commitment.text,
            "due_date": commitment.due_date,
            "status": commitment.get_status_display(),
            "entry_id": commitment.entry_id,
            "module_id": commitment.module_id,
            "attempt_id": commitment.attempt_id,
            "what_changed": commitment.closing_note,
            "closed_at": commitment.closed_at,
            "created_at": commitment.created_at,
        }
        for commitment in Commitment.objects.for_user(user)
    ]
    follow_ups = [
        {"commitment_id": row.commitment_id, "date": row.date, "note": row.note}
        for row in FollowUp.objects.filter(commitment__user=user).order_by("date", "pk")
    ]
    # Only what the person wrote: a supervisor's comment is the supervisor's words.
    comments = [
        {
            "entry_id": comment.entry_id,
            "commitment_id": comment.commitment_id,
            "text": comment.text,
            "created_at": comment.created_at,
        }
        for comment in Comment.objects.filter(author=user)
    ]
    return {
        "entries": entries,
        "commitments": commitments,
        "follow_ups": follow_ups,
        "comments": comments,
    }


def erase(user) -> dict[str, int]:
    """Delete the person's entries, commitments (with follow-ups) and comments; count them."""
    counts = {_("follow-ups"): FollowUp.objects.filter(commitment__user=user).count()}
    _total, by_model = Comment.objects.filter(author=user).delete()
    counts[_("comments you wrote")] = by_model.get("accountability.Comment", 0)
    # Others' comments on the person's items go with the items (they were about them).
    _total, by_model = Commitment.objects.for_user(user).delete()
    counts[_("commitments")] = by_model.get("accountability.Commitment", 0)
    _total, by_model = Entry.objects.for_user(user).delete()
    counts[_("log entries")] = by_model.get("accountability.Entry", 0)
    return counts
