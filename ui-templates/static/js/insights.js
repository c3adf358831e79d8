// Draws the dashboard's charts from its own tables (the tables stay the accessible source of the
// figures; charts are hidden from assistive technology). Chart.js is served by the app
// (/webjars/chart.js/...); without it, or without script, the tables alone remain.

// A German page writes 62,5 where the CSV has 62.5 (the server shows figures in the reader's language).
const number = (text) => {
  const value = Number.parseFloat(String(text).replace("%", "").replace(",", ".").trim());
  return Number.isFinite(value) ? value : 0;
};

function draw(table) {
  const canvas = document.querySelector(`canvas[data-chart-for="${CSS.escape(table.id)}"]`);
  if (!canvas || typeof window.Chart !== "function") {
    return;
  }
  const kind = table.dataset.chart;
  const series = (table.dataset.series || "").split(",").filter(Boolean).map(Number);
  const headers = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
  const rows = [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim()));
  const datasets = series.map((index) => ({
    label: headers[index],
    data: rows.map((r) => number(r[index])),
  }));
  try {
    new window.Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: { labels: rows.map((r) => r[0]), datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: kind === "stacked-bar" ? { x: { stacked: true }, y: { stacked: true } } : {},
      },
    });
  } catch (cause) {
    // The table below holds the same figures; a chart that fails is only logged.
    console.warn(new Error(`Chart for ${table.id} failed`, { cause }));
  }
}

document.querySelectorAll("table[data-chart]").forEach((table) => {
  if (table.dataset.chart) {
    draw(table);
  }
});
