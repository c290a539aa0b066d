"""A regular (not editable) install into a fresh virtual environment finds resources and migrations."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(os.environ.get("COURSEKEEPER_SKIP_PACKAGING") == "1", reason="skipped on request")
def test_regular_install_finds_resources_and_migrations(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # System site packages give the venv the already-installed dependencies (no downloads),
    # while the project itself is installed fresh from a built wheel.
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COURSEKEEPER_DB")}
    clean_env["COURSEKEEPER_DATA_DIR"] = str(tmp_path / "brukerdata")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(ROOT)],
        check=True,
        env=clean_env,
        cwd=tmp_path,
        timeout=300,
    )
    probe = (
        "import coursekeeper, coursekeeper.settings as s;"
        "print(coursekeeper.__file__);"
        "print((s.resources_dir() / 'municipalities.csv').is_file());"
        "print((s.migrations_dir() / '0001_initial.py').is_file())"
    )
    out = subprocess.run(
        [str(python), "-c", probe],
        check=True,
        env=clean_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.split()
    assert str(env_dir) in out[0], f"imported from the source tree, not the install: {out[0]}"
    assert out[1:] == ["True", "True"]
    db = tmp_path / "data æøå" / "kurs.db"
    result = subprocess.run(
        [str(python), "-m", "coursekeeper", "--db", str(db), "courses", "--json"],
        env=clean_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '"courses": []' in result.stdout
    assert sys.version_info >= (3, 11)
