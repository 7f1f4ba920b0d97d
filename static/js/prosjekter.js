// Styre: the benefits trend chart. The figures come from a JSON script tag (allowed by the CSP)
// and are the same as in the table beside the chart.
document.addEventListener("DOMContentLoaded", () => {
  const lerret = document.getElementById("gevinsttrend");
  const kilde = document.getElementById("gevinsttrend-data");
  if (!lerret || !kilde || typeof Chart === "undefined") return;
  const data = JSON.parse(kilde.textContent);
  new Chart(lerret, {
    type: "line",
    data: {
      labels: data.etiketter,
      datasets: [{ label: lerret.getAttribute("aria-label"), data: data.verdier, borderColor: "#0b4f6c", tension: 0.2 }],
    },
    options: { scales: { y: { ticks: { callback: (v) => v + " %" } } }, plugins: { legend: { display: false } } },
  });
});

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
