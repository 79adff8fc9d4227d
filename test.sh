#!/usr/bin/env bash
# Runs every test project, as CI does (.ci/run calls this). First installs what a fresh machine lacks:
# Debian's Chromium for the browser tests (Playwright never downloads a browser here), Debian's npm to check the
# vendored front-end packages against package-lock.json, and the dotnet-ef tool of .config/dotnet-tools.json.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
# Hundreds of in-process hosts start during a run; without this each would watch its appsettings files, and the
# per-user inotify limit (128 on many machines) can run out when other builds share the machine.
export DOTNET_hostBuilder__reloadConfigOnChange=false
rm -rf "$results"
mkdir -p "$results"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing ${missing[*]} (Debian packages)"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null); then
    echo "Could not install ${missing[*]}; the tests cannot run." >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

echo "== Front-end packages (wwwroot-assets)"
if ! (cd wwwroot-assets && npm ci --no-audit --no-fund --silent && npm run --silent check); then
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== Tools (.config/dotnet-tools.json)"
if ! dotnet tool restore >/dev/null; then
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== Building"
if ! dotnet build SolarDashboard.sln --nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/SolarDashboard.Tests tests/SolarDashboard.IntegrationTests tests/SolarDashboard.E2E; do
  name=$(basename "$project")
  echo "== $name"
  if ! dotnet test "$project" --no-build --nologo --logger "console;verbosity=minimal" \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results"; then
    status=1
  fi
  if [ ! -f "$results/$name.trx" ]; then
    echo "$name produced no results (it did not run)." >&2
    status=1
  fi
done

# One short run of every benchmark scenario: the same code paths end to end, correctness checked, timings printed
# but not judged (they depend on the machine; the README's figures come from full runs).
echo "== SolarDashboard.Benchmarks (all --smoke)"
bench_failed=0
if ! dotnet run --no-build --project tests/SolarDashboard.Benchmarks -- all --smoke; then
  bench_failed=1
  status=1
fi

# Totals over all projects, from the TRX counters.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
failed=$((failed + bench_failed))
[ "$failed" -gt 0 ] && status=1
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
