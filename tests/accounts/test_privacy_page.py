from django.test import override_settings
from django.urls import reverse


def test_it_requires_sign_in(client, db):
    response = client.get(reverse("accounts:privacy"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@override_settings(MIN_GROUP_SIZE=7)
def test_it_explains_what_stays_private_and_the_group_size(client_for, worker):
    response = client_for(worker).get(reverse("accounts:privacy"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Our privacy promise" in page
    assert "only when at least 7 people answered" in page
    assert reverse("accounts:my_data") in page


def test_every_signed_in_page_links_to_it(client_for, worker):
    page = client_for(worker).get(reverse("accountability:log")).content.decode()
    assert f'href="{reverse("accounts:privacy")}"' in page
