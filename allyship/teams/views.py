import csv
from collections import defaultdict

from django.contrib import messages
from django.contrib.postgres.aggregates import StringAgg
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyship.accountability.models import Commitment, Entry, new_comment_count
from allyship.accounts import figures, pages, sharing
from allyship.accounts.csv_safe import neutralise
from allyship.accounts.models import Membership, Share, Team
from allyship.accounts.privacy import min_group_size
from allyship.teams.forms import AssignmentForm, personal_instruments
from allyship.teams.group_scores import AGENCY, group_scores, team_members
from allyship.teams.models import Assignment
from allyship.teams.progress import Facts, Matrix
from assessments.models import Attempt, DimensionScore
from learning.progress import next_lesson

FEED_SIZE = 10


def _get_team_for_supervisor(request, pk):
    """The team if the signed-in person supervises it; otherwise 404, which confirms nothing."""
    # With its agency: the version of its group figures (accounts.figures) comes in the same row.
    return get_object_or_404(
        Team.objects.supervised_by(request.user).select_related("agency"), pk=pk
    )


def _get_assignment(request, team_pk, pk):
    team = _get_team_for_supervisor(request, team_pk)
    return get_object_or_404(Assignment.objects.with_subject(), team=team, pk=pk)


def _members(team):
    # The matrix shows names only: not every column of 50 people.
    return (
        team.memberships.filter(role=Membership.Role.MEMBER)
        .select_related("user")
        .only("team_id", "user_id", "role", "user__display_name")
        .order_by("user__display_name")
    )


def _my_assignments(user):
    """The person's assignments with their status, what needs doing first."""
    # Only what an assignment line shows: the team and the assignee (always this person or the
    # whole team) would be two more joins for PostgreSQL to plan on every visit to the home page.
    assignments = list(
        Assignment.objects.for_member(user).select_related("module", "instrument", "assigned_by")
    )
    if not assignments:
        return []
    facts = Facts([user.pk])
    rows = [(assignment, facts.progress(assignment, user.pk)) for assignment in assignments]
    return sorted(rows, key=lambda row: (row[1].is_done, row[0].due_on is None, row[0].due_on))


def home(request):
    """ "My allyship": what is the signed-in person's to do, and where they left off."""
    page = pages.render(request, "teams/_home.html", lambda: _home_context(request.user))
    return render(request, "teams/home.html", {"page": page})


def _home_context(user):
    assigned = [row for row in _my_assignments(user) if not row[1].is_done]
    # The last results in one query: the scores of the latest submitted attempt, with it.
    latest_scores = list(
        DimensionScore.objects.filter(
            attempt=Attempt.objects.for_user(user)
            .personal()
            .submitted()
            .order_by("-submitted_at")
            .values("pk")[:1]
        )
        .select_related("dimension", "attempt__instrument")
        .order_by("dimension__position", "dimension__pk")
    )
    supervised = []
    if user.is_supervisor:
        supervised = (
            Team.objects.supervised_by(user)
            .with_member_count()
            .annotate(assignment_count=Count("assignments", distinct=True))
        )
    context = {
        "assigned": assigned,
        "resume": Attempt.objects.for_user(user)
        .personal()
        .in_progress()
        .select_related("instrument")
        .order_by("-updated_at")
        .first(),
        "next_lesson": next_lesson(user),
        "commitments": list(
            Commitment.objects.for_user(user).open().order_by("due_date", "pk")[:5]
        ),
        "new_comments": new_comment_count(user),
        "entries": list(Entry.objects.for_user(user).order_by("-date", "-pk")[:3]),
        "latest_scores": latest_scores,
        "latest": latest_scores[0].attempt if latest_scores else None,
        "supervised_teams": supervised,
    }
    return context


def assigned_to_me(request):
    return render(request, "teams/assigned.html", {"rows": _my_assignments(request.user)})


def _group_scores_section(request, agency, scope):
    """The group-scores section of a team or agency page, for ``?instrument=<slug>``.

    Rendered once per version of the agency's figures (accounts.figures: submissions, members,
    instruments and their dimensions all move it), instrument, language and day, and cached.
    """
    instruments = figures.cached(agency, "instruments", lambda: personal_instruments(agency.pk))
    # In the order of their titles in this language; the first is shown unless one is chosen.
    instruments = sorted(instruments, key=lambda i: i.title.casefold())
    chosen = next((i for i in instruments if i.slug == request.GET.get("instrument")), None)
    instrument = chosen or (instruments[0] if instruments else None)
    key = ":".join(
        [
            "scores",
            str(scope),
            instrument.slug if instrument else "",
            get_language(),
            timezone.localdate().isoformat(),
        ]
    )
    return figures.cached(
        agency, key, lambda: _render_group_scores(request, agency, scope, instruments, instrument)
    )


def _render_group_scores(request, agency, scope, instruments, instrument):
    scores = None
    if instrument is not None:
        scores = group_scores(agency=agency, instrument=instrument, scope=scope)
    context = {
        "instruments": instruments,
        "instrument": instrument,
        "scores": scores,
        "min_group_size": min_group_size(),
    }
    return render_to_string("teams/_scores.html", context, request)


def _feed(request, team):
    """The latest items the members of a team shared, for a supervisor of that team.

    Any active share of a member is visible to the team's supervisors, the only people who
    reach this page: what ``Share.objects.visible_to`` checks, with one join fewer.
    """
    shares = (
        Share.objects.active()
        .filter(owner__memberships__team=team, owner__memberships__role=Membership.Role.MEMBER)
        .select_related("owner")
        .order_by("-shared_at", "-pk")[:FEED_SIZE]
    )
    feed = [(share, *sharing.describe(share)) for share in shares]
    return render_to_string("teams/_feed.html", {"feed": feed}, request)


def _team_matrix(team):
    members = list(_members(team))
    # Facts change when a member starts, completes or submits something, which moves the
    # agency's figures version: cached at that version, they are never older than the data.
    facts = figures.cached(
        team.agency,
        f"facts:{team.pk}",
        lambda: Facts([membership.user_id for membership in members]).loaded(),
    )
    return Matrix(members, team.assignments.with_subject(), facts)


def _progress(request, team, sort):
    matrix = _team_matrix(team)
    context = {"team": team, "matrix": matrix, "rows": matrix.sorted_rows(sort), "sort": sort}
    return render_to_string("teams/_progress.html", context, request)


def team_detail(request, pk):
    team = _get_team_for_supervisor(request, pk)
    sort = Matrix.known_sort(request.GET.get("sort", "name"))
    today = timezone.localdate()
    # Everything the matrix shows (members' names and facts, assignments, titles) moves the
    # agency's figures version when it changes (accounts.figures), so the rendered matrix can be
    # kept for that version; "overdue" depends on the day, the words on the language.
    progress = figures.cached(
        team.agency,
        f"progress:{team.pk}:{sort}:{get_language()}:{today.isoformat()}",
        lambda: _progress(request, team, sort),
    )
    context = {
        "team": team,
        "progress": progress,
        # Sharing, unsharing and deleting a shared item move the version too.
        "feed": figures.cached(
            team.agency, f"feed:{team.pk}:{get_language()}", lambda: _feed(request, team)
        ),
        "group_scores": _group_scores_section(request, team.agency, team.pk),
    }
    return render(request, "teams/team_detail.html", context)


def team_csv(request, pk):
    """The matrix as CSV: participation facts only, every text cell neutralised."""
    team = _get_team_for_supervisor(request, pk)
    matrix = _team_matrix(team)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="team-{team.pk}-progress.csv"'
    writer = csv.writer(response)
    header = [_("Member"), _("Last activity")]
    for assignment in matrix.assignments:
        due = assignment.due_on.isoformat() if assignment.due_on else ""
        title = assignment.title + (f" ({_('due')} {due})" if due else "")
        header += [title, _("Started"), _("Done")]
    writer.writerow([neutralise(cell) for cell in header])
    for row in matrix.sorted_rows("name"):
        cells = [row.user.display_name, _iso(row.last_activity)]
        for progress in row.cells:
            if progress is None:
                cells += [_("Not assigned"), "", ""]
            else:
                cells += [progress.label, _iso(progress.started), _iso(progress.done)]
        writer.writerow([neutralise(str(cell)) for cell in cells])
    return response


def _iso(moment):
    if moment is None:
        return ""
    return moment.date().isoformat() if hasattr(moment, "date") else moment.isoformat()


@require_http_methods(["GET", "POST"])
def assignment_create(request, pk):
    team = _get_team_for_supervisor(request, pk)
    form = AssignmentForm(
        request.POST or None,
        team=team,
        supervisor=request.user,
        instance=Assignment(assigned_by=request.user),
        initial={"assignee": request.GET.get("member")},
    )
    if request.method == "POST" and form.is_valid():
        assignment = form.save()
        messages.success(
            request,
            _("Assigned “%(subject)s”. Members see it on their home page.")
            % {"subject": assignment.title},
        )
        return redirect("teams:detail", pk=team.pk)
    return render(request, "teams/assignment_form.html", {"team": team, "form": form})


@require_http_methods(["GET", "POST"])
def assignment_edit(request, pk, assignment_pk):
    assignment = _get_assignment(request, pk, assignment_pk)
    team = assignment.team
    form = AssignmentForm(
        request.POST or None, team=team, supervisor=request.user, instance=assignment
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The assignment is updated."))
        return redirect("teams:detail", pk=team.pk)
    context = {"team": team, "form": form, "assignment": assignment}
    return render(request, "teams/assignment_form.html", context)


@require_http_methods(["GET", "POST"])
def assignment_withdraw(request, pk, assignment_pk):
    assignment = _get_assignment(request, pk, assignment_pk)
    if request.method == "POST":
        assignment.delete()
        messages.success(
            request,
            _("“%(subject)s” is withdrawn. It no longer shows on members' home pages.")
            % {"subject": assignment.title},
        )
        return redirect("teams:detail", pk=assignment.team_id)
    return render(request, "teams/assignment_withdraw.html", {"assignment": assignment})


def agency_overview(request):
    """Every team of the agency with its participation, and agency-wide group scores."""
    user = request.user
    if not user.is_agency_admin or user.agency_id is None:
        raise Http404
    today = timezone.localdate()
    # Teams, their names, members, supervisors and assignments all move the agency's figures
    # version (accounts.figures); overdue counts change at midnight.
    teams = figures.cached(
        user.agency,
        f"teams:{get_language()}:{today.isoformat()}",
        lambda: _render_teams(request, user.agency_id, today),
    )
    context = {
        "agency": user.agency,
        "teams": teams,
        "group_scores": _group_scores_section(request, user.agency, AGENCY),
    }
    return render(request, "teams/agency_overview.html", context)


def _render_teams(request, agency_id, today):
    teams = (
        Team.objects.filter(agency_id=agency_id)
        .with_member_count()
        .annotate(
            supervisor_names=StringAgg(
                "memberships__user__display_name",
                delimiter=", ",
                filter=Q(memberships__role=Membership.Role.SUPERVISOR),
                distinct=True,
                order_by="memberships__user__display_name",
            ),
        )
    )
    participation = _team_participation(agency_id, today)
    rows = [{"team": team, **participation.get(team.pk, NO_PARTICIPATION)} for team in teams]
    return render_to_string("teams/_teams.html", {"rows": rows}, request)


NO_PARTICIPATION = {"assignments": 0, "rate": None, "overdue": 0}


def _team_participation(agency_id, today):
    """Team id -> its assignments, the share of the people assigned who are done, how many late.

    Only what the counts need is loaded: completions and submissions, not lesson visits.
    """
    members = team_members(agency_id)
    assignments_by_team = defaultdict(list)
    for assignment in Assignment.objects.filter(team__agency_id=agency_id).with_subject():
        assignments_by_team[assignment.team_id].append(assignment)
    facts = Facts([user_id for ids in members.values() for user_id in ids])
    participation = {}
    for team_id, assignments in assignments_by_team.items():
        assigned = done = overdue = 0
        for assignment in assignments:
            late = assignment.due_on is not None and assignment.due_on < today
            for user_id in members.get(team_id, ()):
                if not assignment.applies_to(user_id):
                    continue
                assigned += 1
                if facts.done_on(assignment, user_id):
                    done += 1
                elif late:
                    overdue += 1
        participation[team_id] = {
            "assignments": len(assignments),
            "rate": round(100 * done / assigned) if assigned else None,
            "overdue": overdue,
        }
    return participation
