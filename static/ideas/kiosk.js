/* Kiosk mode: the thank-you screen counts down, then opens an empty form for the next family; a kiosk form
   the browser brings back from its history (the back button) is emptied, so no family sees another's answer. */
(function () {
    "use strict";
    var form = document.querySelector("[data-kiosk-form]");
    if (form) {
        window.addEventListener("pageshow", function (event) {
            if (event.persisted) form.reset();
        });
    }
    var countdown = document.querySelector("[data-kiosk-countdown]");
    if (!countdown) return;
    var seconds = parseInt(countdown.getAttribute("data-kiosk-countdown"), 10) || 10;
    var shown = countdown.querySelector("[data-kiosk-seconds]");
    countdown.hidden = false;
    var timer = window.setInterval(function () {
        seconds -= 1;
        if (shown) shown.textContent = String(Math.max(seconds, 0));
        if (seconds <= 0) {
            window.clearInterval(timer);
            window.location.replace(countdown.getAttribute("data-kiosk-url"));
        }
    }, 1000);
})();
