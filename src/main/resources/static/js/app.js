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

  // A "Show" button beside each password field, so long passphrases can be checked before sending.
  document.querySelectorAll('input[type="password"]').forEach(function (input) {
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "button small ghost password-toggle";
    toggle.textContent = document.documentElement.dataset.showLabel || "Show";
    toggle.setAttribute("aria-pressed", "false");
    toggle.setAttribute("aria-controls", input.id);
    toggle.addEventListener("click", function () {
      const showing = input.type === "text";
      input.type = showing ? "password" : "text";
      toggle.setAttribute("aria-pressed", String(!showing));
      toggle.textContent = showing
        ? document.documentElement.dataset.showLabel || "Show"
        : document.documentElement.dataset.hideLabel || "Hide";
    });
    const wrapper = document.createElement("div");
    wrapper.className = "password-wrap";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(toggle);
  });

  // Charts read their data from the accessible table beside them: the numbers are in the page either way.
  window.addEventListener("load", function () {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      const table = document.querySelector('table.chart-data[data-for="' + canvas.id + '"]');
      if (!table) {
        return;
      }
      const rows = Array.from(table.querySelectorAll("tbody tr"));
      const style = getComputedStyle(document.documentElement);
      const round = canvas.dataset.chart === "doughnut";
      new window.Chart(canvas, {
        type: canvas.dataset.chart,
        data: {
          labels: rows.map(function (row) { return row.cells[0].textContent; }),
          datasets: [{
            label: canvas.dataset.label,
            // a cell may show a formatted amount and keep the plain number in data-value
            data: rows.map(function (row) { return Number(row.cells[1].dataset.value || row.cells[1].textContent); }),
            backgroundColor: round
              ? [style.getPropertyValue("--color-success").trim() || "#15803d",
                 style.getPropertyValue("--color-danger").trim() || "#b91c1c"]
              : style.getPropertyValue("--color-primary").trim()
          }]
        },
        options: {
          animation: false,
          plugins: { legend: { display: round } },
          scales: round ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
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
        const label = button.textContent;
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = "✓";
          window.setTimeout(function () {
            button.textContent = label;
          }, 2000);
        });
      }
    });
  });

  // On a phone the navigation scrolls sideways: bring the current section into view.
  document.querySelectorAll('.sidebar [aria-current="page"], .tabs [aria-current="page"]').forEach(function (link) {
    link.scrollIntoView({ block: "nearest", inline: "center" });
  });

  document.querySelectorAll("input[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () {
      input.select();
    });
  });
})();
