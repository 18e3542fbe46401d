#!/usr/bin/env bash
# Set up (if needed) and run the fleet demo: a backend of its own with a dozen kiosks reporting
# varied health, to see the office's fleet page. Prints the page's address and a staff token;
# Ctrl+C stops everything. Options (see --help): --kiosks N, --port P, --host H, --data-dir D.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/python scripts/fleet_demo.py "$@"
