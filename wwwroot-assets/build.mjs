// Copies the front-end packages the web app serves into its wwwroot/lib (kept out of git).
// Run by MSBuild on the first build of src/SolarDashboard, or by hand: npm ci && npm run build.
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, "..", "src", "SolarDashboard", "wwwroot", "lib");

// [source, target]: packages from node_modules, our own module from src/. The chart module imports ApexCharts
// from beside itself, so both land in one folder.
const files = [
  [join(here, "node_modules", "apexcharts/dist/apexcharts.min.js"), "solardashboard/apexcharts.min.js"],
  [join(here, "node_modules", "apexcharts/dist/apexcharts.css"), "solardashboard/apexcharts.css"],
  [join(here, "node_modules", "apexcharts/LICENSE.md"), "solardashboard/apexcharts.LICENSE.md"],
  [join(here, "src", "charts.js"), "solardashboard/charts.js"],
  [join(here, "src", "theme.js"), "solardashboard/theme.js"],
];

for (const [from, to] of files) {
  const target = join(lib, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(from, target);
  console.log(`wwwroot/lib/${to}`);
}
