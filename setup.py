"""Build hook: ship the top-level ``resources/`` and ``migrations/`` inside the package.

A regular (non-editable) install has no source tree next to it, so the two folders are copied to
``coursekeeper/_data/`` in the wheel, where ``coursekeeper.settings`` looks first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED_FOLDERS = ("resources", "migrations")


class BuildWithData(build_py):
    """``build_py`` that also copies resources/ and migrations/ into the package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "coursekeeper" / "_data"
        for name in SHIPPED_FOLDERS:
            destination = target / name
            if destination.exists():
                shutil.rmtree(destination)
            shutil.copytree(
                ROOT / name,
                destination,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts"),
            )


setup(cmdclass={"build_py": BuildWithData})
