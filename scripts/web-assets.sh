#!/usr/bin/env bash
# Install the web pages' front-end libraries from the npm registry (versions pinned in
# package.json / package-lock.json) and copy the files the pages load into
# src/accord/web/static/vendor/, which git ignores: third-party code is never committed.
# Idempotent: nothing is downloaded again when the copies match the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

vendor=src/accord/web/static/vendor
stamp=$vendor/.lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$vendor/uplot/uPlot.iife.min.js" ] \
  && [ -f "$vendor/cytoscape/cytoscape.min.js" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is not installed; the pages work without the charts and graphs (tables are always shown)." >&2
  echo "Install Node.js and npm, then run scripts/web-assets.sh again." >&2
  exit 1
fi

npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

rm -rf "$vendor"
mkdir -p "$vendor/uplot" "$vendor/cytoscape"
# uPlot draws the dashboard's time series; Cytoscape.js the graph of an identity's records.
cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css "$vendor/uplot/"
cp node_modules/uplot/LICENSE "$vendor/uplot/LICENSE"
cp node_modules/cytoscape/dist/cytoscape.min.js "$vendor/cytoscape/"
cp node_modules/cytoscape/LICENSE "$vendor/cytoscape/LICENSE"
echo "$want" > "$stamp"
echo "Web assets copied to $vendor"
