from django.shortcuts import render


def home(request):
    """ "My allyship": the signed-in person's starting page."""
    return render(request, "teams/home.html")
