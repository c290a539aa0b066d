"""``python -m coursekeeper`` runs the command line (no arguments opens the desktop program)."""

from __future__ import annotations

import multiprocessing
import sys

from coursekeeper.cli import main

if __name__ == "__main__":
    # Workbooks are read in a spawned child process; in the frozen program that child is this
    # executable again, and freeze_support hands it over to multiprocessing instead of main().
    multiprocessing.freeze_support()
    sys.exit(main())
