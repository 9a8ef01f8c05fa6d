from django import template

from allyship.content_language import language_shown

register = template.Library()


@register.simple_tag
def lang_of(obj, field):
    """``<h1 lang="{% lang_of module 'title' %}">``: the language the text is shown in."""
    return language_shown(obj, field)
