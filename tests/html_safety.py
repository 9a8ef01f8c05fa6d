"""What "no unsanitised HTML" means in the tests: markup a browser would run, found by parsing."""

from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"<{tag} {name}=…>")
            scheme = "".join((value or "").split()).lower()
            if name in URL_ATTRIBUTES and scheme.startswith(("javascript:", "vbscript:", "data:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not (dict(attrs).get("src") or "").startswith("/static/"):
            self.problems.append("<script> that isn't one of ours")
        if tag in {"iframe", "object", "embed", "style", "svg", "math", "form", "base", "meta"}:
            self.problems.append(f"<{tag}>")

    handle_startendtag = handle_starttag


def runnable_markup(html: str, *, page: bool = False) -> list[str]:
    """Elements and attributes in ``html`` that could run script or restyle the page.

    ``page`` is for whole pages, whose own forms, meta and inline SVG icons are expected.
    """
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    if page:
        expected = ("<form>", "<meta>", "<svg>")
        return [problem for problem in scanner.problems if problem not in expected]
    return scanner.problems
