// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // --- Drafts: text typed into a form is kept in this tab until a page confirms it was saved. ---
  // sessionStorage (not localStorage) so that nothing private outlives the browser tab, while a
  // reflection still survives an expired session, a sign-in and the return to the same page.
  var DRAFT_PREFIX = "allyship-draft:";
  // Drafts sent with a form are kept until a page confirms a save (a success message): a submit
  // that ends at the sign-in page (the session had expired), on an error page or on a refused
  // form loses nothing.
  var SENT = "allyship-drafts-sent";

  function draftKey(form, field, index) {
    return DRAFT_PREFIX + window.location.pathname + ":" + index + ":" + field.name;
  }

  function sentKeys() {
    try {
      return JSON.parse(window.sessionStorage.getItem(SENT)) || [];
    } catch (error) {
      return [];
    }
  }

  function setSentKeys(keys) {
    if (keys.length) {
      window.sessionStorage.setItem(SENT, JSON.stringify(keys));
    } else {
      window.sessionStorage.removeItem(SENT);
    }
  }

  function forgetSavedDrafts() {
    if (!document.querySelector("[data-confirms-save]")) {
      return;
    }
    sentKeys().forEach(function (key) {
      window.sessionStorage.removeItem(key);
    });
    setSentKeys([]);
  }

  function setUpDrafts() {
    forgetSavedDrafts();
    var restored = false;
    var sent = sentKeys();
    document.querySelectorAll("form[method=post]").forEach(function (form, index) {
      var fields = form.querySelectorAll("textarea[name]:not([data-no-draft])");
      fields.forEach(function (field) {
        var key = draftKey(form, field, index);
        var draft = window.sessionStorage.getItem(key);
        if (draft !== null && draft !== field.value) {
          field.value = draft;
          restored = true;
          // Back in its field, it is a draft again until this form is sent.
          sent = sent.filter(function (sentKey) {
            return sentKey !== key;
          });
        }
        field.addEventListener("input", function () {
          window.sessionStorage.setItem(key, field.value);
        });
      });
      form.addEventListener("submit", function () {
        var keys = sentKeys();
        fields.forEach(function (field) {
          var key = draftKey(form, field, index);
          if (window.sessionStorage.getItem(key) !== null && keys.indexOf(key) === -1) {
            keys.push(key);
          }
        });
        setSentKeys(keys);
      });
    });
    setSentKeys(sent);
    // Signing out on purpose leaves nothing typed behind for the next person at this computer.
    document.querySelectorAll("form[data-sign-out]").forEach(function (form) {
      form.addEventListener("submit", function () {
        Object.keys(window.sessionStorage).forEach(function (key) {
          if (key.indexOf(DRAFT_PREFIX) === 0 || key === SENT) {
            window.sessionStorage.removeItem(key);
          }
        });
      });
    });
    var notice = document.getElementById("draft-restored");
    if (restored && notice) {
      notice.hidden = false;
    }
  }

  // --- Idle session: warn two minutes before the end, offer to stay (WCAG 2.2.1). -------------
  function setUpSessionWarning() {
    var body = document.body;
    var seconds = parseInt(body.dataset.sessionSeconds || "0", 10);
    var panel = document.getElementById("session-warning");
    if (!seconds || !panel) {
      return;
    }
    var warnAfter = Math.max(seconds - 120, 10) * 1000;
    var warnTimer;
    var endTimer;

    function schedule() {
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
      warnTimer = window.setTimeout(show, warnAfter);
      endTimer = window.setTimeout(expire, seconds * 1000);
    }

    function show() {
      panel.hidden = false;
      panel.querySelector("[data-session-keepalive]").focus();
    }

    function expire() {
      var next = encodeURIComponent(window.location.pathname + window.location.search);
      window.location.assign(body.dataset.loginUrl + "?next=" + next);
    }

    panel.querySelector("[data-session-keepalive]").addEventListener("click", function () {
      var token = document.querySelector("[name=csrfmiddlewaretoken]");
      window
        .fetch(body.dataset.keepaliveUrl, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": token ? token.value : "" },
        })
        .then(function (response) {
          if (response.status === 204) {
            panel.hidden = true;
            schedule();
          } else {
            expire();
          }
        });
    });
    schedule();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpDrafts();
    setUpSessionWarning();
  });
})();
