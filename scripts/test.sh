#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, lint, format check, types, then pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh -k journey; -n 0 runs it in one process).
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
# The suite starts many Python processes (workers, backends, command-line runs): let them
# keep the bytecode they compile, even where PYTHONDONTWRITEBYTECODE is set, outside the tree.
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX="${PYTHONPYCACHEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/onestop-kiosk-pycache}"
set +e
# One worker process per core (pytest-xdist); tests/worker_groups.py says which tests share one.
.venv/bin/pytest -n auto "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests; that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
