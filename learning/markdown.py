"""Markdown to safe HTML, shared by every app that stores authored Markdown.

Rendered once on save so pages never run the renderer, and sanitised with nh3 so a trainer's
paste can never carry a script, an event handler or a ``javascript:`` link to a learner.
"""

import nh3
from markdown_it import MarkdownIt

# Raw HTML is allowed through the parser so nh3, not escaping, decides what survives.
_renderer = MarkdownIt("commonmark", {"html": True}).enable("table")

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def render_markdown(text: str) -> str:
    """Safe HTML for ``text``; headings start at h2 because the page owns the h1."""
    html = _renderer.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
