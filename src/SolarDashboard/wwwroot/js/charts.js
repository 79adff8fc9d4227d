// SolarDashboard's chart module: a thin layer over ApexCharts that Blazor drives through JS interop.
// Times arrive already shifted to plant-local time (x = local epoch ms), so the axis shows them as UTC.
import "../lib/apexcharts/apexcharts.min.js";

const charts = new WeakMap();

const number = (v) => (v === null || v === undefined ? "—" : Number(v).toLocaleString(undefined, { maximumFractionDigits: 2 }));

function options(config) {
  const dark = config.dark === true;
  // A Y title that is a bare unit ("kW", "kWh") follows every tooltip value, so "To grid: 1.2 kW" needs no axis to read.
  const unit = /^(k|M)?(W|Wh)$|^%$/.test(config.yTitle || "") ? " " + config.yTitle : "";
  return {
    chart: {
      type: config.type || "line",
      height: config.height || 300,
      background: "transparent",
      foreColor: config.textColor || (dark ? "#b0b7c0" : "#4a5561"),
      fontFamily: "inherit",
      animations: { enabled: false },
      toolbar: { show: true, tools: { download: false, selection: true, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true } },
      zoom: { enabled: config.type !== "bar", type: "x" },
      stacked: config.stacked === true,
    },
    theme: { mode: dark ? "dark" : "light" },
    series: config.series,
    colors: config.colors || undefined,
    stroke: { width: config.type === "bar" ? 0 : 2, curve: "smooth" },
    // A line of one or two points draws next to nothing: such points get a dot.
    markers: { size: config.type !== "bar" && Math.max(0, ...(config.series || []).map((s) => s.data.length)) < 3 ? 4 : 0 },
    dataLabels: { enabled: false },
    grid: { borderColor: config.gridColor || (dark ? "#3a4049" : "#d5dbe1") },
    legend: { position: "bottom" }, // the toolbar sits top right; a top legend would be clipped by it
    fill: { opacity: config.type === "area" ? 0.25 : 1 },
    xaxis: {
      type: config.categories ? "category" : "datetime",
      categories: config.categories || undefined,
      labels: { datetimeUTC: true },
      title: { text: config.xTitle || "" },
    },
    yaxis: { title: { text: config.yTitle || "" }, labels: { formatter: number } },
    tooltip: { x: { format: config.tooltipFormat || "dd MMM HH:mm" }, y: { formatter: (v) => (v === null || v === undefined ? "—" : number(v) + unit) }, theme: dark ? "dark" : "light" },
    noData: { text: config.noData || "No data for this period" },
  };
}

export function render(element, config) {
  // The element may be gone by the time a redraw arrives (the page re-rendered or navigated): nothing to draw into.
  if (!(element instanceof Element) || !element.isConnected) return;
  destroy(element);
  const settings = options(config);
  // On a narrow screen 24 hourly (or 31 daily) bars get every fourth label, upright, instead of an unreadable slant.
  if (config.categories && config.categories.length > 12 && element.clientWidth < 600) {
    settings.xaxis.tickAmount = Math.ceil(config.categories.length / 4);
    settings.xaxis.labels = { ...settings.xaxis.labels, rotate: 0, hideOverlappingLabels: true };
  }
  const chart = new window.ApexCharts(element, settings);
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
