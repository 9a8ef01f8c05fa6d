from learning.markdown import render_markdown
from tests.factories import LessonFactory


def test_it_renders_markdown_emphasis():
    assert "<strong>bold</strong>" in render_markdown("**bold**")


def test_it_drops_script_tags():
    html = render_markdown("<script>alert(1)</script>\n\nText")
    assert "<script" not in html


def test_it_drops_event_handler_attributes():
    html = render_markdown('<img src="x" onerror="alert(1)">')
    assert "onerror" not in html


def test_it_drops_javascript_links():
    html = render_markdown('[one](javascript:alert(1)) <a href="javascript:alert(2)">two</a>')
    assert "href" not in html


def test_it_renders_lesson_body_on_save(db):
    lesson = LessonFactory(body="<script>x</script>\n\nSome *hi* text")
    assert "<em>hi</em>" in lesson.body_html
    assert "<script" not in lesson.body_html


def test_it_sanitises_and_renders_each_languages_body_on_save(db):
    lesson = LessonFactory(body="English *hi*")
    lesson.body_fr = '<img src="x" onerror="alert(1)">\n\nSalut **vous**'
    lesson.save(update_fields=["body_fr"])
    lesson.refresh_from_db()
    assert "<em>hi</em>" in lesson.body_html_en
    assert "<strong>vous</strong>" in lesson.body_html_fr
    assert "onerror" not in lesson.body_html_fr
