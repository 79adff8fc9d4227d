// SolarDashboard's chart module: a thin layer over ApexCharts that Blazor drives through JS interop.
// Times arrive already shifted to plant-local time (x = local epoch ms), so the axis shows them as UTC.
import "./apexcharts.min.js";

const charts = new WeakMap();

function options(config) {
  const dark = config.dark === true;
  return {
    chart: {
      type: config.type || "line",
      height: config.height || 300,
      background: "transparent",
      foreColor: dark ? "#c9d1d9" : "#37474f",
      animations: { enabled: false },
      toolbar: { show: true, tools: { download: false, selection: true, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true } },
      zoom: { enabled: config.type !== "bar", type: "x" },
      stacked: config.stacked === true,
    },
    theme: { mode: dark ? "dark" : "light" },
    series: config.series,
    colors: config.colors || undefined,
    stroke: { width: config.type === "bar" ? 0 : 2, curve: "smooth" },
    dataLabels: { enabled: false },
    grid: { borderColor: dark ? "#30363d" : "#e0e0e0" },
    legend: { position: "bottom" }, // the toolbar sits top right; a top legend would be clipped by it
    fill: { opacity: config.type === "area" ? 0.25 : 1 },
    xaxis: {
      type: config.categories ? "category" : "datetime",
      categories: config.categories || undefined,
      labels: { datetimeUTC: true },
      title: { text: config.xTitle || "" },
    },
    yaxis: { title: { text: config.yTitle || "" }, labels: { formatter: (v) => (v === null || v === undefined ? "—" : Number(v).toLocaleString(undefined, { maximumFractionDigits: 2 })) } },
    tooltip: { x: { format: config.tooltipFormat || "dd MMM HH:mm" }, theme: dark ? "dark" : "light" },
    noData: { text: config.noData || "No data for this period" },
  };
}

export function render(element, config) {
  // The element may be gone by the time a redraw arrives (the page re-rendered or navigated): nothing to draw into.
  if (!(element instanceof Element) || !element.isConnected) return;
  destroy(element);
  const chart = new window.ApexCharts(element, options(config));
  charts.set(element, chart);
  chart.render();
}

export function destroy(element) {
  if (!(element instanceof Element)) return;
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
