"""Emails to one person, always in that person's language, whatever language sends them."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def email_person(person, template, context):
    """Send ``<template>_subject.txt`` and ``<template>.txt``, rendered in ``person``'s language."""
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
