from django.contrib.postgres.aggregates import StringAgg
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from allyship.accounts.models import Membership, Team


def _get_team_for_supervisor(request, pk):
    """The team if the signed-in person supervises it; otherwise 404, which confirms nothing."""
    return get_object_or_404(Team.objects.supervised_by(request.user), pk=pk)


def _members(team):
    return (
        team.memberships.filter(role=Membership.Role.MEMBER)
        .select_related("user")
        .order_by("user__display_name")
    )


def home(request):
    """ "My allyship": the signed-in person's starting page."""
    supervised = Team.objects.supervised_by(request.user).with_member_count()
    return render(request, "teams/home.html", {"supervised_teams": supervised})


def team_detail(request, pk):
    team = _get_team_for_supervisor(request, pk)
    return render(request, "teams/team_detail.html", {"team": team, "members": _members(team)})


def agency_overview(request):
    """Every team of the agency, for its agency admins."""
    if not request.user.is_agency_admin or request.user.agency_id is None:
        raise Http404
    teams = (
        Team.objects.filter(agency_id=request.user.agency_id)
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
    return render(
        request, "teams/agency_overview.html", {"agency": request.user.agency, "teams": teams}
    )
