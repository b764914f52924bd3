#!/usr/bin/env bash
# Installs the browser the console's browser tests drive (test/browser): Debian's
# chromium at /usr/bin/chromium (or QIHE_CHROMIUM), when it is missing.
set -euo pipefail
CHROMIUM=${QIHE_CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "chromium is missing at $CHROMIUM: the browser tests need it (run this script as root, or: apt-get update && apt-get install chromium)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing at $CHROMIUM and apt-get is not available: install Chromium and set QIHE_CHROMIUM to its path" >&2
  exit 1
fi
echo "installing chromium (for the browser tests) …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "chromium was installed but $CHROMIUM is still missing: set QIHE_CHROMIUM to the browser's path" >&2
  exit 1
fi
