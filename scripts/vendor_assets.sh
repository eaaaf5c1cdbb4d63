#!/usr/bin/env bash
# How the web reader's third-party assets under src/newsgraph/web/static/vendor/
# were obtained.  Re-run to refresh them (needs npm and the npm registry); the
# files are committed, so the web app itself never fetches anything (no CDN:
# users may be offline, and the Content-Security-Policy allows 'self' only).
#
#   world-atlas 2.0.2      countries-110m.json (TopoJSON, ~105 KB)   ISC licence;
#                          the geometry is Natural Earth 1:110m (public domain)
#   topojson-client 3.1.0  topojson-client.min.js (~7 KB)            ISC licence
#   cytoscape 3.35.0       cytoscape.min.js (~430 KB)                MIT licence;
#                          draws the entity graphs (/graph, entity pages)
#
# Each package's LICENSE file is copied next to its asset.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/newsgraph/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm pack --silent world-atlas@2.0.2 topojson-client@3.1.0 cytoscape@3.35.0 >/dev/null
for pkg in world-atlas-2.0.2 topojson-client-3.1.0 cytoscape-3.35.0; do
    mkdir -p "$pkg"
    tar xzf "$pkg.tgz" -C "$pkg"
done

mkdir -p "$dest/world-atlas" "$dest/topojson-client" "$dest/cytoscape"
cp world-atlas-2.0.2/package/countries-110m.json "$dest/world-atlas/"
cp world-atlas-2.0.2/package/LICENSE "$dest/world-atlas/LICENSE"
cp topojson-client-3.1.0/package/dist/topojson-client.min.js "$dest/topojson-client/"
cp topojson-client-3.1.0/package/LICENSE "$dest/topojson-client/LICENSE"
cp cytoscape-3.35.0/package/dist/cytoscape.min.js "$dest/cytoscape/"
cp cytoscape-3.35.0/package/LICENSE "$dest/cytoscape/LICENSE"
cat > "$dest/README.md" <<'TXT'
# Vendored assets

Fetched from the npm registry by `scripts/vendor_assets.sh`; do not edit by hand.

| file | package | licence |
| --- | --- | --- |
| world-atlas/countries-110m.json | world-atlas 2.0.2 | ISC (LICENSE); data: Natural Earth 1:110m, public domain |
| topojson-client/topojson-client.min.js | topojson-client 3.1.0 | ISC (LICENSE) |
| cytoscape/cytoscape.min.js | cytoscape 3.35.0 | MIT (LICENSE) |
TXT
du -sh "$dest"
