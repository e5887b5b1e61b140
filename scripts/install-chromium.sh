#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests once (Playwright drives it; it downloads no browser of its own).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-noto-core > /dev/null
/usr/bin/chromium --version
