#!/bin/sh
# Installs the system Chromium that the PDF export and the browser tests drive through
# Playwright. Nothing is downloaded by Playwright itself: it launches /usr/bin/chromium.
set -eu
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    echo "chromium is already installed: $(command -v chromium || echo /usr/bin/chromium)"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update
$SUDO apt-get install -y chromium
