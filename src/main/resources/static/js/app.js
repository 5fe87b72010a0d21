// Small progressive enhancements; every page works without them. No inline script: the CSP forbids it.
(function () {
  "use strict";

  const csrf = document.querySelector('meta[name="_csrf"]');

  // htmx requests carry the CSRF token in the header Spring Security expects.
  document.addEventListener("htmx:configRequest", function (event) {
    if (csrf && csrf.content) {
      event.detail.headers["X-CSRF-TOKEN"] = csrf.content;
    }
  });

  document.documentElement.classList.add("js");

  // Selects that submit their form when changed (role pickers, the organisation switcher).
  document.querySelectorAll("form[data-autosubmit] select, select[data-autosubmit-field]").forEach(function (select) {
    select.addEventListener("change", function () {
      select.form.requestSubmit();
    });
  });

  // Destructive actions ask once.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });

  // Copy buttons for values shown once, such as a new API token.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      const field = document.getElementById(button.dataset.copy);
      field.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = "✓";
        });
      }
    });
  });

  document.querySelectorAll("input[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () {
      input.select();
    });
  });
})();
