"""``python -m coursekeeper`` runs the command line (no arguments opens the desktop program)."""

from __future__ import annotations

import sys

from coursekeeper.cli import main

if __name__ == "__main__":
    sys.exit(main())
