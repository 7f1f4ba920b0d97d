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

  // The idea form's «source» (<select data-opphav-for-bestilling="politisk …">) offers only the
  // sources that fit the chosen kind (radio buttons name="type"), and picks a sensible default
  // when the current choice no longer fits.
  function tilpassOpphav(select) {
    var form = select.form;
    var valgt = form && form.querySelector("input[name=type]:checked");
    if (!valgt) return;
    var bestilling = valgt.value === "bestilling";
    var forBestilling = select.dataset.opphavForBestilling.split(" ");
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) return;
      var passer = (forBestilling.indexOf(option.value) !== -1) === bestilling;
      option.hidden = !passer;
      option.disabled = !passer;
    });
    select.querySelectorAll("optgroup").forEach(function (gruppe) {
      gruppe.hidden = !gruppe.querySelector("option:not([disabled])");
    });
    var gjeldende = select.options[select.selectedIndex];
    if (!gjeldende || gjeldende.disabled) {
      select.value = bestilling ? select.dataset.opphavStandardBestilling : select.dataset.opphavStandardIde;
    }
  }
  document.querySelectorAll("select[data-opphav-for-bestilling]").forEach(tilpassOpphav);
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("input[name=type]") && el.form) {
      el.form.querySelectorAll("select[data-opphav-for-bestilling]").forEach(tilpassOpphav);
    }
  });
})();
