"""French as written in Canada: Django's fr_CA formats (2026-03-02, 13 h 40), for "fr"."""

from django.conf.locale.fr_CA.formats import *  # noqa: F403

# Django's fr_CA times leave the "h" unescaped, so it prints the 12-hour hour: "13 01 40".
TIME_FORMAT = "H\xa0\\h\xa0i"
DATETIME_FORMAT = "j F Y, H\xa0\\h\xa0i"
SHORT_DATETIME_FORMAT = "Y-m-d H\xa0\\h\xa0i"
