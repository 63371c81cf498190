/* TIA samverkansplattform: small enhancements. Every page works without them;
   loaded from our own static files (the content security policy allows no
   inline script). */
(function () {
    "use strict";

    /* The error summary (core/templates/components/error_summary.html) takes
       focus when the page loads, so that a screen reader reads the errors
       first; a link in it moves focus to its field and shows the field's
       label or legend, which a plain #link would scroll out of sight. */
    function errorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) {
            return;
        }
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            if (!link) {
                return;
            }
            var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
            if (!target) {
                return;
            }
            event.preventDefault();
            var fieldset = target.closest("fieldset");
            var legend = fieldset && fieldset.querySelector("legend");
            var label = document.querySelector("label[for='" + CSS.escape(target.id) + "']");
            (legend || label || target).scrollIntoView();
            target.focus({preventScroll: true});
        });
    }

    /* Filters in <details open data-collapse-narrow> fold away on a narrow
       screen, so that the first result shows without scrolling past them;
       they open again when the screen becomes wide. */
    function collapsibleFilters() {
        var narrow = window.matchMedia("(max-width: 40rem)");
        var panels = document.querySelectorAll("details[data-collapse-narrow]");
        panels.forEach(function (details) {
            if (narrow.matches) {
                details.open = false;
            }
        });
        narrow.addEventListener("change", function (event) {
            if (!event.matches) {
                panels.forEach(function (details) {
                    details.open = true;
                });
            }
        });
    }

    /* A live region filled before the page loaded is not read out; one whose
       text changes is. [data-announce] (the directory's number of results
       after filtering) gets its text again a moment after the load. */
    function announce() {
        document.querySelectorAll("[data-announce]").forEach(function (region) {
            var text = region.textContent;
            // Keep its height meanwhile, so that nothing below it moves.
            region.style.minBlockSize = region.offsetHeight + "px";
            region.textContent = "";
            window.setTimeout(function () {
                region.textContent = text;
                region.style.minBlockSize = "";
            }, 300);
        });
    }

    errorSummary();
    collapsibleFilters();
    announce();
}());
