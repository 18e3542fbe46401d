#!/usr/bin/env bash
# Set up (if needed) and start the kiosk on embedded defaults: local backend, demo card, file
# printer. Extra arguments go to `kiosk demo` (e.g. --fullscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/kiosk demo "$@"
