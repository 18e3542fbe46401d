"""The card decoders' and SAM frame parser's property tests, run long.

    .venv/bin/python bench/fuzz.py [--examples N]

The test command runs each property with 200 examples; this runs them with 20,000 (or N) and
prints how long each file took. A failure prints hypothesis's minimal example and exits 1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FUZZ_TESTS = (
    "tests/unit/drivers/cards/test_profiles_decoders_fuzz.py",
    "tests/unit/drivers/cards/test_sam_frames.py",
    "tests/unit/drivers/cards/test_sam_text.py",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20000)
    args = parser.parse_args()
    env = {**os.environ, "ONESTOP_FUZZ_EXAMPLES": str(args.examples)}  # read by tests/conftest
    print("| file | examples per property | seconds | result |")
    print("|---|---:|---:|---|")
    failed = False
    for test_file in FUZZ_TESTS:
        started = time.monotonic()
        command = [sys.executable, "-m", "pytest", "-q", "-x", test_file]
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        seconds = time.monotonic() - started
        verdict = "passed" if result.returncode == 0 else "FAILED"
        failed |= result.returncode != 0
        print(f"| {test_file} | {args.examples} | {seconds:.1f} | {verdict} |", flush=True)
        if result.returncode != 0:
            print(result.stdout[-4000:], file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
