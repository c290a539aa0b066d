"""``python -m coursekeeper`` runs the command line (no arguments opens the desktop program)."""

from __future__ import annotations

import multiprocessing
import sys

from coursekeeper.cli import main

if __name__ == "__main__":
    # In the frozen program a child process started with "spawn" (workbooks are read in one)
    # runs this same executable; freeze_support hands it over to the child's work.
    multiprocessing.freeze_support()
    sys.exit(main())
