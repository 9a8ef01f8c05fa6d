"""Walking the project's URL patterns, for tests that must cover every URL."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

SAMPLE = {"int": "1", "str": "x", "slug": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def walk(patterns=None, prefix="", namespace=""):
    """(namespaced name, route) of every URL pattern, included ones too."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, route, ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", route


def sample_path(route):
    """A path that the route matches, with placeholder values for its parameters."""
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), route)
    return "/" + re.sub(r"[\^\$]|\(\?P<\w+>[^)]*\)", "x", path).replace("\\", "")
