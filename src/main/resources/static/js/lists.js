// List pages: the filter builder offers each field's own operators and a fresh row when the last one is used;
// the table's "select all" box and the bulk bar's count. Without this script the forms still work.
(function () {
    "use strict";

    function limitOperators(row) {
        const field = row.querySelector("[data-field]");
        const operator = row.querySelector("[data-operator]");
        const chosen = field.selectedOptions[0];
        const allowed = chosen && chosen.dataset.operators ? chosen.dataset.operators.split(" ") : null;
        for (const option of operator.options) {
            const usable = option.value === "" || allowed === null || allowed.includes(option.value);
            option.hidden = !usable;
            option.disabled = !usable;
        }
        if (operator.selectedOptions[0] && operator.selectedOptions[0].disabled) {
            operator.value = "";
        }
        const value = row.querySelector("input[name=fv]");
        const kind = chosen ? chosen.dataset.kind : "";
        value.type = kind === "date" ? "date" : kind === "number" ? "number" : "text";
    }

    function addRowIfLastUsed(list) {
        const rows = list.querySelectorAll(".condition");
        const last = rows[rows.length - 1];
        if (last && last.querySelector("[data-field]").value !== "" && rows.length < 20) {
            const fresh = last.cloneNode(true);
            fresh.querySelectorAll("select").forEach(function (select) { select.value = ""; });
            fresh.querySelector("input[name=fv]").value = "";
            list.appendChild(fresh);
            limitOperators(fresh);
        }
    }

    document.querySelectorAll("[data-conditions]").forEach(function (list) {
        list.querySelectorAll(".condition").forEach(limitOperators);
        list.addEventListener("change", function (event) {
            const row = event.target.closest(".condition");
            if (row && event.target.matches("[data-field]")) {
                limitOperators(row);
                addRowIfLastUsed(list);
            }
        });
    });

    document.querySelectorAll("[data-bulk]").forEach(function (form) {
        const boxes = function () {
            return document.querySelectorAll("input[name=ids][form=" + form.id + "]");
        };
        const count = form.querySelector("[data-selected-count]");
        const hint = count ? count.textContent : "";
        const update = function () {
            const selected = Array.from(boxes()).filter(function (box) { return box.checked; }).length;
            if (count) {
                count.textContent = selected === 0 ? hint : selected + " ✓";
            }
        };
        document.querySelectorAll("[data-select-all]").forEach(function (all) {
            all.addEventListener("change", function () {
                boxes().forEach(function (box) { box.checked = all.checked; });
                update();
            });
        });
        document.addEventListener("change", function (event) {
            if (event.target.matches("input[name=ids]")) {
                update();
            }
        });
        form.addEventListener("submit", function (event) {
            const action = form.querySelector("[data-bulk-action]").value;
            if (action === "delete" && !window.confirm(form.dataset.deleteConfirm || "Delete?")) {
                event.preventDefault();
            }
        });
    });
})();
