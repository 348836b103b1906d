#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/web, marked `browser`) when
# /usr/bin/chromium is missing. Idempotent; needs root when it has to install.
# Playwright drives this browser: its own browser download does not work on these machines.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is not installed. Run as root, or: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "Installing Chromium (Debian package)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
