// The front-end packages the web app serves are vendored into src/SolarDashboard/wwwroot/lib (committed), so that
// `dotnet run` works on a machine with only the .NET SDK. npm is the source of truth:
//   npm ci && npm run update   copies them from node_modules (after changing a version in package.json)
//   npm ci && npm run check    fails when a vendored file differs from the pinned package (./test.sh runs it)
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, "..", "src", "SolarDashboard", "wwwroot", "lib");
const files = [
  ["apexcharts/dist/apexcharts.min.js", "apexcharts/apexcharts.min.js"],
  ["apexcharts/LICENSE.md", "apexcharts/LICENSE.md"],
];

const check = process.argv.includes("--check");
let stale = 0;
for (const [from, to] of files) {
  const source = join(here, "node_modules", from);
  const target = join(lib, to);
  if (check) {
    let same = false;
    try { same = readFileSync(source).equals(readFileSync(target)); } catch { same = false; }
    if (!same) { stale++; console.error(`wwwroot/lib/${to} differs from node_modules/${from}: run npm run update`); }
  } else {
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
    console.log(`wwwroot/lib/${to}`);
  }
}
if (check) {
  if (stale > 0) process.exit(1);
  console.log(`wwwroot/lib matches package-lock.json (${files.length} files)`);
}
