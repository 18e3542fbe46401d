"""``kiosk printer ...`` and ``kiosk receipt render``: what staff and vendors run at a printer.

Exit codes: 0 done (or the printer can print), 1 the printer cannot print or the job failed,
2 a bad URI, file or configuration.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from drivers.printers import open_printer
from drivers.printers.base import PaperState, PrinterError, PrinterStatus
from drivers.printers.profile import printer_options_from_query
from kiosk.config import ConfigError, load_config
from kiosk.i18n import Language

EXIT_OK, EXIT_CANNOT_PRINT, EXIT_USAGE = 0, 1, 2


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    printer = commands.add_parser("printer", help="check, test and reprint on a receipt printer")
    actions = printer.add_subparsers(dest="printer_command", required=True, metavar="ACTION")
    status = actions.add_parser("status", help="ask the printer how it is (exit 1: cannot print)")
    status.add_argument("--printer", required=True, metavar="URI")
    test = actions.add_parser("test", help="print a test page: scripts, width ruler, QR, barcode")
    test.add_argument("--printer", required=True, metavar="URI")
    test.add_argument("--language", default="zh-Hant", choices=[lang.value for lang in Language])
    reprint = actions.add_parser("reprint", help="list or print receipts kept after a failure")
    reprint.add_argument("--config", type=Path, required=True, help="the kiosk's TOML file")
    which = reprint.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="reprint every kept receipt")
    which.add_argument("--reference", help="reprint the receipt with this number")

    receipt = commands.add_parser("receipt", help="receipt tools")
    receipt_actions = receipt.add_subparsers(
        dest="receipt_command", required=True, metavar="ACTION"
    )
    render = receipt_actions.add_parser("render", help="draw ESC/POS bytes as the paper would look")
    render.add_argument("file", type=Path, help="ESC/POS bytes, e.g. a file printer's .bin")
    render.add_argument("--out", type=Path, required=True, help="the PNG to write")
    render.add_argument("--paper", default="80mm", help="58mm, 80mm or 80mm-512 (default 80mm)")
    render.add_argument(
        "--encoding", default="gb18030", help="gb18030, big5 or raster (default gb18030)"
    )


def main(argv: list[str]) -> int:
    """``kiosk COMMAND ...`` for this module's commands (argv starts with the command)."""
    parser = argparse.ArgumentParser(prog="kiosk")
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "receipt":
            return _render(args.file, args.out, args.paper, args.encoding)
        if args.printer_command == "status":
            return _status(args.printer)
        if args.printer_command == "test":
            return _test_page(args.printer, Language(args.language))
        return _reprint(args.config, reprint_all=args.all, reference=args.reference)
    except ConfigError as error:
        return _fail(f"config error: {error}", EXIT_USAGE)


def _fail(message: str, code: int) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return code


def describe(status: PrinterStatus) -> str:
    if status.online is None and status.paper is PaperState.UNKNOWN:
        return "status unknown (the printer did not answer status queries)"
    parts = [{True: "online", False: "offline", None: "online state unknown"}[status.online]]
    parts.append(f"paper {status.paper.value}")
    if status.cover_open:
        parts.append("cover open")
    if status.error:
        parts.append("error")
    return ", ".join(parts)


def _status(uri: str) -> int:
    try:
        printer = open_printer(uri)
    except PrinterError as error:
        return _fail(str(error), EXIT_USAGE)
    try:
        status = printer.status()
    finally:
        printer.close()
    print(f"{uri}: {describe(status)}")
    return EXIT_OK if status.can_print else EXIT_CANNOT_PRINT


def _test_page(uri: str, language: Language) -> int:
    from kiosk.receipts import printer_test_page

    try:
        printer = open_printer(uri)
        paper = printer_options_from_query(urlsplit(uri).query).paper
    except PrinterError as error:
        return _fail(str(error), EXIT_USAGE)
    label = uri.split("?", 1)[0]
    try:
        printer.print(
            printer_test_page(printer_label=label, columns=paper.columns, language=language)
        )
    except PrinterError as error:
        return _fail(f"test page not printed: {error}", EXIT_CANNOT_PRINT)
    finally:
        printer.close()
    print(f"{label}: test page printed ({paper.name}, {paper.columns} columns)")
    return EXIT_OK


def _reprint(config_path: Path, *, reprint_all: bool, reference: str | None) -> int:
    from kiosk.app import reprint_spool

    config = load_config(config_path)
    spool = reprint_spool(config)
    jobs = spool.pending()
    if not reprint_all and reference is None:
        for job in jobs:
            kept = datetime.fromtimestamp(job.kept_at).strftime("%Y-%m-%d %H:%M")
            print(f"{job.reference}\t{kept}\t{job.reason}")
        if not jobs:
            print("no receipts are waiting for a reprint")
        return EXIT_OK
    chosen = jobs if reprint_all else [job for job in jobs if job.reference == reference]
    if not chosen:
        return _fail(f"no kept receipt {reference!r}", EXIT_USAGE)
    try:
        printer = open_printer(config.devices.printer)
    except PrinterError as error:
        return _fail(str(error), EXIT_USAGE)
    try:
        for job in chosen:
            spool.reprint(job, printer)
            print(f"{job.reference}: reprinted")
    except PrinterError as error:
        return _fail(f"reprint stopped: {error}", EXIT_CANNOT_PRINT)
    finally:
        printer.close()
    return EXIT_OK


def _render(source: Path, out: Path, paper_name: str, encoding_name: str) -> int:
    try:
        options = printer_options_from_query(f"paper={paper_name}&encoding={encoding_name}")
        data = source.read_bytes()
    except PrinterError as error:
        return _fail(str(error), EXIT_USAGE)
    except OSError as error:
        return _fail(f"cannot read {source}: {error.strerror}", EXIT_USAGE)
    from drivers.printers.preview import render_png

    try:
        render_png(data, out, paper_dots=options.paper.dots, encoding=options.encoding)
    except OSError as error:
        return _fail(f"cannot write {out}: {error.strerror}", EXIT_USAGE)
    print(out)
    return EXIT_OK
