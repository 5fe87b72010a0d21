// Copy buttons in the privacy panels, which htmx loads after the page: one listener on the document.
(function () {
  "use strict";
  if (window.team365PrivacyCopy) {
    return;
  }
  window.team365PrivacyCopy = true;
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-privacy-copy]");
    if (!button) {
      return;
    }
    const field = document.getElementById(button.dataset.privacyCopy);
    field.select();
    if (navigator.clipboard) {
      const label = button.textContent;
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = "✓";
        window.setTimeout(function () {
          button.textContent = label;
        }, 2000);
      });
    }
  });
})();
