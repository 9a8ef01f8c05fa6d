"""Team progress's part of "download my data": what was assigned to the person, and its status.

Assignments are participation facts, kept when a person deletes their private data.
"""

from allyship.teams.models import Assignment
from allyship.teams.progress import Facts


def export(user) -> dict[str, list[dict]]:
    facts = Facts([user.pk])
    rows = []
    for assignment in Assignment.objects.for_member(user).with_subject():
        progress = facts.progress(assignment, user.pk)
        rows.append(
            {
                "id": assignment.pk,
                "what": assignment.title,
                "team": assignment.team.name,
                "assigned_by": str(assignment.assigned_by or ""),
                "assigned_at": assignment.assigned_at,
                "due_on": assignment.due_on,
                "note": assignment.note,
                "status": str(progress.label),
                "started": progress.started,
                "done": progress.done,
            }
        )
    return {"assignments": rows}
