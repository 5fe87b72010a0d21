// The deal board: drag a card to another stage (SortableJS). The server answers with the card's new version and
// every column's totals; a refused move (stale version, missing lost reason) puts the card back with the reason.
(function () {
  "use strict";
  var board = document.querySelector(".deal-board");
  if (!board || board.dataset.editable !== "true" || typeof window.Sortable === "undefined") {
    return;
  }
  var token = document.querySelector('meta[name="_csrf"]').getAttribute("content");
  var message = document.getElementById("board-message");
  var dialog = document.getElementById("lost-dialog");

  function show(text) {
    message.textContent = text || "";
    message.hidden = !text;
  }

  function putBack(evt) {
    evt.from.insertBefore(evt.item, evt.from.children[evt.oldIndex] || null);
  }

  // resolves with the reason, or null when the person cancels
  function askReason() {
    return new Promise(function (resolve) {
      var form = dialog.querySelector("form");
      var reason = dialog.querySelector("textarea");
      var error = dialog.querySelector(".error");
      reason.value = "";
      error.hidden = true;
      function onSubmit(event) {
        if (event.submitter && event.submitter.value === "confirm" && !reason.value.trim()) {
          event.preventDefault();
          error.hidden = false;
          reason.focus();
        }
      }
      function onClose() {
        form.removeEventListener("submit", onSubmit);
        dialog.removeEventListener("close", onClose);
        resolve(dialog.returnValue === "confirm" ? reason.value.trim() : null);
      }
      dialog.returnValue = "";
      form.addEventListener("submit", onSubmit);
      dialog.addEventListener("close", onClose);
      dialog.showModal();
      reason.focus();
    });
  }

  function updateColumns(columns) {
    columns.forEach(function (column) {
      var section = board.querySelector('.deal-column[data-stage-id="' + column.stageId + '"]');
      if (section) {
        section.querySelector("[data-count]").textContent = column.countText;
        section.querySelector("[data-totals]").textContent = column.totals;
      }
    });
  }

  function moved(evt) {
    if (evt.from === evt.to && evt.oldIndex === evt.newIndex) {
      return;
    }
    var card = evt.item;
    var column = evt.to.closest(".deal-column");
    if (evt.from === evt.to) {
      return; // the order inside a stage is not stored; only the stage is
    }
    var asking = column.dataset.stageKind === "lost" ? askReason() : Promise.resolve("");
    asking.then(function (reason) {
      if (reason === null) {
        putBack(evt);
        return;
      }
      var body = new URLSearchParams();
      body.set("stageId", column.dataset.stageId);
      body.set("version", card.dataset.version);
      body.set("reason", reason);
      fetch("/deals/" + card.dataset.dealId + "/stage", {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "X-CSRF-TOKEN": token,
          "Accept": "application/json",
          "Content-Type": "application/x-www-form-urlencoded"
        },
        body: body
      })
        .then(function (response) {
          return response.json().then(function (json) {
            return { ok: response.ok && json.ok, json: json };
          });
        })
        .then(function (result) {
          if (!result.ok) {
            putBack(evt);
            show(result.json.message || board.dataset.errorLabel);
            return;
          }
          show("");
          card.dataset.version = result.json.version;
          var version = card.querySelector('input[name="version"]');
          if (version) {
            version.value = result.json.version;
          }
          var select = card.querySelector('select[name="stageId"]');
          if (select) {
            select.value = result.json.stageId;
          }
          updateColumns(result.json.columns);
        })
        .catch(function () {
          putBack(evt);
          show(board.dataset.errorLabel);
        });
    });
  }

  board.querySelectorAll(".deal-cards").forEach(function (list) {
    window.Sortable.create(list, {
      group: "deals",
      animation: 150,
      draggable: ".deal-card",
      filter: "select, button, input, label",
      preventOnFilter: false,
      onEnd: moved
    });
  });
})();
