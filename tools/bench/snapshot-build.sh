#!/usr/bin/env bash
# A frozen copy of this checkout's build for A/B rounds against later builds:
# `tools/bench/snapshot-build.sh /tmp/qihe-before` after `npm run build`, then
# `--phases ab --ab 'before:main=/tmp/qihe-before/dist/apps/gateway/src/main.js;after:'`.
# dist/ is copied; @qihe/* resolve to the copy (the checkout's own links would
# lead back to its dist/), every other package to this checkout's node_modules.
set -euo pipefail
out=${1:?usage: snapshot-build.sh <dir>}
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out/node_modules/@qihe" "$out/libs"
cp -r "$root/dist" "$out/dist"
for e in "$root"/node_modules/* "$root"/node_modules/.bin; do
  [ "$(basename "$e")" = "@qihe" ] || ln -s "$e" "$out/node_modules/$(basename "$e")"
done
for l in client contracts data domain server; do
  mkdir -p "$out/libs/$l" && cp "$root/libs/$l/index.js" "$root/libs/$l/package.json" "$out/libs/$l/"
  ln -s "../../libs/$l" "$out/node_modules/@qihe/$l"
done
echo "$out"
