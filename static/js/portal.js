// Porteføljeportalen's own behaviour. No inline scripts anywhere (Content Security Policy), so
// everything a page needs is wired here through data attributes.
(function () {
  "use strict";

  // A double-click must not post a form twice: disable its submit buttons once it is sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.allowResubmit !== undefined) return;
    if (form.dataset.submitted) { event.preventDefault(); return; }
    form.dataset.submitted = "1";
    form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) {
      b.setAttribute("aria-disabled", "true");
    });
  });

  // <button data-confirm="Er du sikker?"> asks before it submits.
  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.dataset.confirm)) event.preventDefault();
  });

  // <select data-autosubmit> and <input data-autosubmit> submit their form on change (filters).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("[data-autosubmit]") && el.form) el.form.requestSubmit();
  });
})();
