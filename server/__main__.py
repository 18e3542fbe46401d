"""``python -m server``: run the reference backend (see ``python -m server --help``)."""

import sys

from server.cli import main

raise SystemExit(main(sys.argv[1:]))
