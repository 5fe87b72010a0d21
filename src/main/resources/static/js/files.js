// The files panel, enhanced: uploads in the background with a progress bar, deletes and restores without leaving
// the page, the panel re-rendered from the server's answer each time. Without this script the same forms post
// plainly and come back to the page. Listeners are on the document, so panels loaded later by htmx work too.
(function () {
  "use strict";

  if (window.team365FilesLoaded) {
    return;
  }
  window.team365FilesLoaded = true;

  function csrfToken(form) {
    const meta = document.querySelector('meta[name="_csrf"]');
    if (meta && meta.content) {
      return meta.content;
    }
    const field = form.querySelector('input[name="_csrf"]');
    return field ? field.value : "";
  }

  function replacePanel(panel, html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    const fresh = template.content.querySelector("[data-files-panel]");
    if (!fresh) {
      return false;
    }
    panel.replaceWith(fresh);
    const focus = fresh.querySelector('[aria-invalid="true"]') || fresh.querySelector('[role="status"]');
    if (focus && focus.matches("input")) {
      focus.focus();
    }
    return true;
  }

  function showError(form, panel, message) {
    const error = form.querySelector(".error") || panel.querySelector(".files-status");
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
  }

  // Sends the form with XMLHttpRequest (fetch reports no upload progress) and swaps in the panel it answers with.
  function send(form, panel, onProgress) {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-CSRF-TOKEN", csrfToken(form));
    xhr.setRequestHeader("HX-Request", "true");
    if (onProgress) {
      xhr.upload.addEventListener("progress", onProgress);
    }
    xhr.addEventListener("load", function () {
      if ((xhr.status === 200 || xhr.status === 422) && replacePanel(panel, xhr.responseText)) {
        return;
      }
      showError(form, panel, xhr.status === 413 ? panel.dataset.tooLarge : panel.dataset.uploadFailed);
      reset(form);
    });
    xhr.addEventListener("error", function () {
      showError(form, panel, panel.dataset.uploadFailed);
      reset(form);
    });
    xhr.send(new FormData(form));
  }

  function reset(form) {
    const progress = form.querySelector("progress");
    if (progress) {
      progress.hidden = true;
    }
    form.querySelectorAll("button").forEach(function (button) {
      button.disabled = false;
    });
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    const panel = form.closest("[data-files-panel]");
    if (!panel || !(form.matches("[data-files-upload]") || form.matches("[data-files-action]"))) {
      return;
    }
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    event.preventDefault();
    if (form.matches("[data-files-action]")) {
      send(form, panel, null);
      return;
    }
    const input = form.querySelector('input[type="file"]');
    const file = input && input.files && input.files[0];
    const max = Number(form.dataset.maxSize || 0);
    if (file && max > 0 && file.size > max) {
      showError(form, panel, panel.dataset.tooLarge);
      return;
    }
    const progress = form.querySelector("progress");
    const status = form.querySelector(".files-status");
    form.querySelectorAll("button").forEach(function (button) {
      button.disabled = true;
    });
    if (progress) {
      progress.value = 0;
      progress.hidden = false;
    }
    if (status) {
      status.textContent = panel.dataset.uploading || "";
    }
    send(form, panel, function (progressEvent) {
      if (progress && progressEvent.lengthComputable) {
        progress.value = Math.round((progressEvent.loaded / progressEvent.total) * 100);
      }
    });
  });
})();
