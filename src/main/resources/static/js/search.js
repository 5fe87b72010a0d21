// The command palette: Ctrl-K / Cmd-K (or "/" outside a text field, or focusing the top bar's box with a click)
// opens a dialog that asks the server for suggestions as you type (150 ms after the last key), moves through them with
// the arrow keys, opens one with Enter and closes with Escape. Without this script the top bar's box still submits
// to the results page.
(function () {
  "use strict";

  if (window.team365SearchLoaded) {
    return;
  }
  window.team365SearchLoaded = true;

  const DEBOUNCE_MS = 150;

  function init() {
    const dialog = document.getElementById("search-palette");
    if (!dialog || typeof dialog.showModal !== "function") {
      return;
    }
    const input = dialog.querySelector("#search-palette-input");
    const results = dialog.querySelector("#search-palette-results");
    const status = dialog.querySelector(".search-palette-status");
    const form = dialog.querySelector("form");
    const url = dialog.dataset.suggestions;
    let timer = null;
    let pending = null;
    let active = -1;
    let returnFocus = null;

    function options() {
      return Array.from(results.querySelectorAll('[role="option"]'));
    }

    function select(index) {
      const all = options();
      all.forEach(function (o, i) {
        o.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(html) {
      const template = document.createElement("template");
      template.innerHTML = html.trim();
      const fresh = template.content.querySelector(".search-suggestions");
      results.replaceChildren();
      if (fresh) {
        results.appendChild(fresh);
        status.textContent = fresh.dataset.status || "";
      }
      const any = options().length > 0;
      input.setAttribute("aria-expanded", any ? "true" : "false");
      select(any ? 0 : -1);
    }

    function clear() {
      results.replaceChildren();
      status.textContent = "";
      input.setAttribute("aria-expanded", "false");
      select(-1);
    }

    function ask() {
      const q = input.value.trim();
      if (pending) {
        pending.abort();
        pending = null;
      }
      if (!q) {
        clear();
        return;
      }
      const controller = new AbortController();
      pending = controller;
      fetch(url + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "text/html" },
        credentials: "same-origin",
        signal: controller.signal,
      })
        .then(function (response) {
          return response.ok ? response.text() : Promise.reject(new Error(String(response.status)));
        })
        .then(function (html) {
          if (pending === controller) {
            pending = null;
            show(html);
          }
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            clear();
          }
        });
    }

    function open(initial) {
      if (dialog.open) {
        input.focus();
        return;
      }
      returnFocus = document.activeElement;
      dialog.showModal();
      if (typeof initial === "string") {
        input.value = initial;
      }
      input.focus();
      input.select();
      if (input.value.trim()) {
        ask();
      }
    }

    function close() {
      if (dialog.open) {
        dialog.close();
      }
    }

    dialog.addEventListener("close", function () {
      if (pending) {
        pending.abort();
        pending = null;
      }
      clearTimeout(timer);
      if (returnFocus && typeof returnFocus.focus === "function" && returnFocus.id !== "topbar-search") {
        returnFocus.focus();
      }
    });

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      const all = options();
      if (event.key === "ArrowDown" && all.length) {
        event.preventDefault();
        select((active + 1) % all.length);
      } else if (event.key === "ArrowUp" && all.length) {
        event.preventDefault();
        select(active <= 0 ? all.length - 1 : active - 1);
      } else if (event.key === "Home" && all.length && event.ctrlKey) {
        event.preventDefault();
        select(0);
      } else if (event.key === "End" && all.length && event.ctrlKey) {
        event.preventDefault();
        select(all.length - 1);
      } else if (event.key === "Enter" && active >= 0 && all[active]) {
        event.preventDefault();
        window.location.assign(all[active].getAttribute("href"));
      }
    });

    form.addEventListener("submit", function (event) {
      if (!input.value.trim()) {
        event.preventDefault();
      }
    });

    results.addEventListener("mousemove", function (event) {
      const option = event.target.closest('[role="option"]');
      if (option) {
        select(options().indexOf(option));
      }
    });

    // a click on the backdrop (outside the dialog's box) closes it
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) {
        close();
      }
    });

    dialog.querySelectorAll("[data-search-palette-close]").forEach(function (button) {
      button.addEventListener("click", close);
    });

    document.querySelectorAll("[data-search-palette-opener]").forEach(function (opener) {
      // typing in the top bar's box continues in the palette; Enter without the palette still submits
      opener.addEventListener("input", function () {
        const text = opener.value;
        opener.value = "";
        open(text);
      });
    });

    document.addEventListener("keydown", function (event) {
      const key = event.key;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (key === "k" || key === "K")) {
        event.preventDefault();
        open();
        return;
      }
      if (key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !dialog.open) {
        const target = event.target;
        const typing = target.closest && target.closest("input, textarea, select, [contenteditable]");
        if (!typing) {
          event.preventDefault();
          open();
        }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
