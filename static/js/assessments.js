// A quiet autosave while answering; the page saves on every button without it.
(function () {
  "use strict";
  const form = document.getElementById("assessment-form");
  if (!form || !window.fetch) {
    return;
  }
  const status = document.getElementById("autosave-status");
  let timer = null;
  const changed = new Set();

  function save() {
    timer = null;
    if (changed.size === 0) {
      return;
    }
    const data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    // Only the fields that changed, so another tab's answers are never overwritten.
    changed.forEach(function (name) {
      const field = form.elements[name];
      data.append(name, field.value);
    });
    changed.clear();
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      if (response.ok && status) {
        status.textContent = status.dataset.saved;
      }
    });
  }

  function schedule(event) {
    if (!event.target.name || !event.target.name.startsWith("item_")) {
      return;
    }
    changed.add(event.target.name);
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(save, 1500);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
