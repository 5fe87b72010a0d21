// The import upload, enhanced: the file is sent in the background with a progress bar, and the browser then goes
// where the server sends it (the mapping step) or shows the page the server answers with (an error). Without this
// script the same form posts plainly.
(function () {
  "use strict";

  if (window.team365ImportsLoaded) {
    return;
  }
  window.team365ImportsLoaded = true;

  function csrfToken(form) {
    const meta = document.querySelector('meta[name="_csrf"]');
    if (meta && meta.content) {
      return meta.content;
    }
    const field = form.querySelector('input[name="_csrf"]');
    return field ? field.value : "";
  }

  function showError(form, message) {
    const error = form.querySelector(".error");
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("[data-import-upload]")) {
      return;
    }
    const input = form.querySelector('input[type="file"]');
    const file = input && input.files && input.files[0];
    if (!file) {
      return; // the server names the missing file
    }
    event.preventDefault();
    if (file.size > Number(form.dataset.maxSize)) {
      showError(form, form.dataset.tooLarge);
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    const progress = form.querySelector("progress");
    const button = form.querySelector('button[type="submit"]');
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-CSRF-TOKEN", csrfToken(form));
    xhr.upload.addEventListener("progress", function (e) {
      if (progress && e.lengthComputable) {
        progress.hidden = false;
        progress.value = Math.round((e.loaded / e.total) * 100);
      }
    });
    xhr.addEventListener("load", function () {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL) {
        window.location.assign(xhr.responseURL);
        return;
      }
      const page = new DOMParser().parseFromString(xhr.responseText, "text/html");
      const error = page.querySelector("[data-import-upload] .error:not([hidden])");
      showError(form, error ? error.textContent : xhr.statusText);
      if (button) {
        button.disabled = false;
      }
      if (progress) {
        progress.hidden = true;
      }
    });
    xhr.addEventListener("error", function () {
      showError(form, form.dataset.tooLarge);
      if (button) {
        button.disabled = false;
      }
    });
    if (button) {
      button.disabled = true;
    }
    xhr.send(new FormData(form));
  });
})();
