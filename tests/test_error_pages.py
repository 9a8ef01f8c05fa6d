import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_page_is_a_friendly_404_that_reveals_nothing(client_for, worker):
    response = client_for(worker).get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "We couldn't find that page" in html
    assert "URL patterns" not in html
    assert "Traceback" not in html


def test_the_404_page_has_the_site_layout(client_for, worker):
    html = client_for(worker).get("/missing/").content.decode()
    assert '<html lang="en">' in html
    assert 'href="#main"' in html


def test_the_500_page_stands_alone_and_says_nothing_is_lost(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Nothing you had already saved is lost." in html
