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
