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
    // Only the fields that changed, each with the answer this page last saw, so the server can
    // tell when another tab saved something else meanwhile and leave it alone.
    const sent = {};
    changed.forEach(function (name) {
      const field = form.elements[name];
      sent[name] = field.value;
      data.append(name, field.value);
      data.append("was_" + name, form.elements["was_" + name].value);
    });
    changed.clear();
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      if (response.status === 409) {
        return response.json().then(function (body) {
          Object.keys(sent).forEach(function (name) {
            if (body.edited_elsewhere.indexOf(name) === -1) {
              form.elements["was_" + name].value = sent[name];
            }
          });
          if (status) {
            status.textContent = status.dataset.editedElsewhere;
          }
        });
      }
      if (response.ok) {
        // What this tab saved is now the answer it has seen.
        Object.keys(sent).forEach(function (name) {
          form.elements["was_" + name].value = sent[name];
        });
        if (status) {
          status.textContent = status.dataset.saved;
        }
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
