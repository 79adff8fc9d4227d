// Copies the front-end packages the web app serves into its wwwroot/lib (kept out of git).
// Run by MSBuild on the first build of src/SolarDashboard, or by hand: npm ci && npm run build.
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, "..", "src", "SolarDashboard", "wwwroot", "lib");

const files = [
  ["apexcharts/dist/apexcharts.min.js", "apexcharts/apexcharts.min.js"],
  ["apexcharts/dist/apexcharts.css", "apexcharts/apexcharts.css"],
  ["apexcharts/LICENSE.md", "apexcharts/LICENSE.md"],
];

for (const [from, to] of files) {
  const target = join(lib, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(here, "node_modules", from), target);
  console.log(`wwwroot/lib/${to}`);
}
