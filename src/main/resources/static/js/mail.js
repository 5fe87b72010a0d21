// Mail reader: remote images stay blocked (no src) until the reader asks for them, one message at a time.
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-show-images]");
        if (!button) {
            return;
        }
        var message = document.getElementById(button.getAttribute("data-show-images"));
        if (!message) {
            return;
        }
        message.querySelectorAll("img[data-remote-src]").forEach(function (img) {
            var src = img.getAttribute("data-remote-src");
            if (/^https?:\/\//i.test(src)) {
                img.setAttribute("src", src);
            }
            img.removeAttribute("data-remote-src");
        });
        var notice = button.closest(".mail-images-blocked");
        if (notice) {
            notice.hidden = true;
        }
    });
})();
