#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, lint, format check, types, then pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh -k journey).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh

CODE=(kiosk ui drivers server assets tests bench)
echo "== ruff check"
.venv/bin/ruff check "${CODE[@]}"
echo "== ruff format --check"
.venv/bin/ruff format --check "${CODE[@]}"
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
set +e
.venv/bin/pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests; that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
