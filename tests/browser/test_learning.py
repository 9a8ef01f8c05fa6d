import pytest

from learning.models import Choice, ModuleCompletion, Question, ReflectionPrompt
from tests.factories import LessonFactory, ModuleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# The focused control's visible name: its label for a form field, its text otherwise.
FOCUSED_NAME = """(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  if (el.labels && el.labels.length) return el.labels[0].textContent.trim();
  return el.textContent.trim();
})()"""


def tab_to(page, text, limit=80):
    """Press Tab until the focused element's text contains ``text``, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_NAME)
        if text in focused:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def _module():
    module = ModuleFactory(title="Power with families", content_note="Discusses removals.")
    first = LessonFactory(module=module, order=1, title="Where power sits")
    question = Question.objects.create(lesson=first, text="Who holds the most power?")
    Choice.objects.create(question=question, text="The agency", is_correct=True, feedback="Yes.")
    Choice.objects.create(question=question, text="The family", feedback="Look again.")
    ReflectionPrompt.objects.create(lesson=first, prompt="Where do you hold power?")
    LessonFactory(module=module, order=2, title="Sharing power")
    return module


def test_a_worker_completes_a_module_with_the_keyboard_only(
    page, site, sign_in, worker, password, assert_accessible
):
    module = _module()
    sign_in(worker.email, password)
    page.goto(f"{site}/learning/")
    assert_accessible()
    tab_to(page, "Power with families")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/learning/{module.slug}/")
    assert_accessible()
    tab_to(page, "Start")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Where power sits')")
    assert_accessible()

    tab_to(page, "The agency")
    page.keyboard.press("Space")
    tab_to(page, "Check my answer")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=That's right.")

    tab_to(page, "Your reflection (private)")
    page.keyboard.type("I decide when a file opens, and I can share that power.")
    tab_to(page, "Save my reflection")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Only you can see it.")
    assert_accessible()

    tab_to(page, "Next lesson")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Sharing power')")
    assert page.get_by_role("heading", name="Module completed").is_visible()
    assert ModuleCompletion.objects.filter(user=worker, module=module).exists()

    page.goto(f"{site}/learning/record/")
    assert "Power with families" in page.locator("main").inner_text()
    assert_accessible()
