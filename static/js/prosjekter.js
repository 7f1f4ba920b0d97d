// Steering decisions: show only the chosen phase's checklist. The server renders every list
// (or only the chosen one after a refusal) and validates against the chosen phase; this only
// hides the others and disables their boxes so they are not sent.
document.addEventListener("DOMContentLoaded", () => {
  const velger = document.querySelector("[data-sjekkliste-velger]");
  if (!velger) return;
  const vis = () => {
    document.querySelectorAll("#sjekklister fieldset[data-fase]").forEach((gruppe) => {
      const valgt = gruppe.dataset.fase === velger.value;
      gruppe.hidden = !valgt;
      gruppe.querySelectorAll("input").forEach((boks) => { boks.disabled = !valgt; });
    });
    document.getElementById("sjekklister").hidden = !velger.value;
  };
  velger.addEventListener("change", vis);
  vis();
});

// The timeline's «Print» button (the A3 landscape layout is in css/tidslinje.css).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-skriv-ut]")) window.print();
});
