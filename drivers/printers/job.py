"""``python -m drivers.printers.job``: print one receipt read as JSON from standard input.

Input: ``{"uri": PRINTER_URI, "receipt": <layout.receipt_to_json>}``. Exit 0 when printed, 3 when
the printer is unavailable (nothing sent), 4 when the job failed; the reason is the last line
on standard error.
"""

from __future__ import annotations

import json
import sys

from drivers.printers import open_printer
from drivers.printers.base import PrinterError, PrinterUnavailable
from drivers.printers.isolated import EXIT_FAILED, EXIT_PRINTED, EXIT_UNAVAILABLE
from drivers.printers.layout import receipt_from_json


def main() -> int:
    try:
        job = json.loads(sys.stdin.buffer.read())
        printer = open_printer(str(job["uri"]))
        receipt = receipt_from_json(job["receipt"])
    except (ValueError, KeyError, TypeError, PrinterError) as error:
        print(f"print job: malformed job: {error}", file=sys.stderr)
        return EXIT_FAILED
    try:
        printer.print(receipt)
    except PrinterUnavailable as error:
        print(str(error), file=sys.stderr)
        return EXIT_UNAVAILABLE
    except PrinterError as error:
        print(str(error), file=sys.stderr)
        return EXIT_FAILED
    finally:
        printer.close()
    return EXIT_PRINTED


if __name__ == "__main__":
    sys.exit(main())
