// The triage form (ideer/templates/ideer/_triageskjema.html): each action's fields sit under
// its radio button. Without JavaScript all are shown and only the chosen action's are read;
// with it, only the chosen action's fields are shown. Runs again on the page htmx swaps in.
(function () {
  "use strict";

  function vis(skjema) {
    var valgt = skjema.querySelector("input[name=handling]:checked");
    skjema.querySelectorAll("[data-triage-for]").forEach(function (blokk) {
      blokk.hidden = !valgt || blokk.dataset.triageFor !== valgt.value;
    });
  }

  function alle() {
    document.querySelectorAll("form[data-triage]").forEach(vis);
  }

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.name === "handling" && el.form && el.form.matches("[data-triage]")) vis(el.form);
  });
  document.body.addEventListener("htmx:afterSettle", alle);
  alle();
})();
