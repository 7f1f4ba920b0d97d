// Every chart in the portal: a <canvas data-diagram="ID"> reads its figures from the JSON script
// tag ID (portefolje/diagram.py; allowed by the CSP, unlike inline scripts). The same figures are
// always in a table on the page; the chart is a picture of it.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas[data-diagram]").forEach((lerret) => {
    const kilde = document.getElementById(lerret.dataset.diagram);
    if (!kilde) return;
    const d = JSON.parse(kilde.textContent);
    const medEnhet = (v) => (d.enhet ? `${v.toLocaleString("nb-NO")} ${d.enhet}` : v.toLocaleString("nb-NO"));
    const sirkel = d.type === "doughnut" || d.type === "pie";
    const datasett = d.serier.map((s) => ({
      label: s.navn,
      data: s.verdier,
      backgroundColor: sirkel ? d.serier.map((x) => x.farge) : s.farge,
      borderColor: s.farge,
      tension: 0.2,
    }));
    const akser = sirkel ? {} : {
      [d.vannrett ? "x" : "y"]: { stacked: d.stablet, beginAtZero: true, ticks: { callback: medEnhet } },
      [d.vannrett ? "y" : "x"]: { stacked: d.stablet },
    };
    new Chart(lerret, {
      type: d.type,
      data: { labels: d.etiketter, datasets: datasett },
      options: {
        indexAxis: d.vannrett ? "y" : "x",
        animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
        scales: akser,
        plugins: {
          legend: { display: sirkel || d.serier.length > 1 },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${medEnhet(sirkel ? c.parsed : d.vannrett ? c.parsed.x : c.parsed.y)}` } },
        },
      },
    });
  });
});
