"""What a user installs works outside the source tree: a regular install into a fresh virtual
environment, and the frozen (PyInstaller, one-folder) program built from ``coursekeeper.spec``."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
import sysconfig
import time
import tomllib
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _clean_env(data_dir: Path) -> dict[str, str]:
    """The environment a user has: no source tree on the path, no chosen database, own data folder."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("COURSEKEEPER_")}
    env["COURSEKEEPER_DATA_DIR"] = str(data_dir)
    env["PYTHONIOENCODING"] = "utf-8"
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _make_venv_seeing_our_packages(env_dir: Path) -> Path:
    """A new venv whose only extra path is the running environment's site-packages.

    ``system_site_packages=True`` would show the *base* interpreter's packages, which lack the
    dependencies when the tests themselves run in a virtual environment (as the README says).
    """
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    nested = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (Path(nested) / "_coursekeeper_test_deps.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return python


@pytest.mark.skipif(os.environ.get("COURSEKEEPER_SKIP_PACKAGING") == "1", reason="skipped on request")
def test_regular_install_finds_resources_and_migrations(tmp_path: Path) -> None:
    python = _make_venv_seeing_our_packages(tmp_path / "venv")
    clean_env = _clean_env(tmp_path / "brukerdata")
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
    assert str(tmp_path / "venv") in out[0], f"imported from the source tree, not the install: {out[0]}"
    assert out[1:] == ["True", "True"]
    db = tmp_path / "data æøå" / "kurs.db"
    db.parent.mkdir()
    result = subprocess.run(
        [str(python), "-m", "coursekeeper", "courses", "--json", "--db", str(db)],
        env=clean_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '"courses": []' in result.stdout


# --- the frozen program -------------------------------------------------------------------------


@dataclass(frozen=True)
class Frozen:
    """A one-folder build of coursekeeper.spec and what it cost."""

    exe: Path  # the windowed program
    cli: Path  # the console program for commands
    folder: Path
    seconds: float
    megabytes: float


def _folder_megabytes(folder: Path) -> float:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Frozen:
    """coursekeeper.spec built once for this module (about a minute on two cores)."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip('PyInstaller is not installed (python -m pip install ".[freeze]"; .ci/run does)')
    work = tmp_path_factory.mktemp("frys")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "coursekeeper.spec"),
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    folder = work / "dist" / "CourseKeeper"
    suffix = ".exe" if os.name == "nt" else ""
    exe, cli = folder / f"CourseKeeper{suffix}", folder / f"coursekeeper-cli{suffix}"
    assert exe.is_file() and cli.is_file()
    built = Frozen(exe, cli, folder, time.monotonic() - started, _folder_megabytes(folder))
    print(f"\nfrozen build: {built.seconds:.0f} s, {built.megabytes:.0f} MB in {folder}")
    return built


def _run_frozen(frozen: Frozen, tmp_path: Path, *args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(frozen.cli), *map(str, args)],
        env=_clean_env(tmp_path / "brukerdata"),
        cwd=tmp_path,  # not the source tree: everything must come from the bundle
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def _participant_list(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Fornavn", "Etternavn", "E-post", "Telefon", "Fødselsdato"])
    sheet.append(["Åse", "Ødegård", "aase.odegard@example.no", "912 34 567", "1990-05-01"])
    sheet.append(["Bjørn", "Sæther", "bjorn.saether@example.no", "48 12 34 56", "1985-11-30"])
    book.save(path)


def test_frozen_program_runs_the_commands(frozen: Frozen, tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert frozen.seconds < 300, f"the build took {frozen.seconds:.0f} s"
    assert frozen.megabytes < 400, f"the folder grew to {frozen.megabytes:.0f} MB"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    shown = _run_frozen(frozen, tmp_path, "--version")
    assert (shown.returncode, shown.stdout.strip()) == (0, f"CourseKeeper {version}")  # metadata bundled

    db = tmp_path / "Kurs æøå" / "kurs.db"
    db.parent.mkdir()
    demo = _run_frozen(frozen, tmp_path, "demo", "--db", db)
    assert demo.returncode == 0, demo.stderr
    assert "Demodata er lagt inn" in demo.stdout

    check = _run_frozen(frozen, tmp_path, "check", "--db", db)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Alt i orden." in check.stdout

    con = sqlite3.connect(db)
    finished = con.execute("SELECT id FROM course WHERE title LIKE '%Øygarden'").fetchone()[0]
    open_course = con.execute("SELECT id FROM course WHERE status = 'open'").fetchone()[0]
    con.close()

    pdf = tmp_path / "kursbevis æøå.pdf"
    printed = _run_frozen(
        frozen, tmp_path, "print", "certificates", "--course", finished, "--out", pdf, "--db", db
    )
    assert printed.returncode == 0, printed.stderr
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Kurs for treningskontakter – Øygarden" in text
    fonts = {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in name for name in fonts), fonts  # the bundled fonts, not a fallback

    listing = tmp_path / "deltakere æøå.xlsx"
    _participant_list(listing)
    imported = _run_frozen(frozen, tmp_path, "import", listing, "--course", open_course, "--json", "--db", db)
    assert imported.returncode == 0, imported.stderr
    assert '"created": 2' in imported.stdout

    # «Skriv ut» in the window renders pages with pdfium: its native library must travel too.
    assert list(frozen.folder.rglob("*pdfium*.so*")) or list(frozen.folder.rglob("*pdfium*.dll"))

    refused = _run_frozen(frozen, tmp_path, "eksporter")
    assert refused.returncode == 1
    assert "ugyldig valg" in refused.stderr  # the catalogue (.po) travels with the program


def test_frozen_window_stays_open(frozen: Frozen, tmp_path: Path) -> None:
    """The desktop program starts offscreen, opens (and creates) its database and keeps running."""
    db = tmp_path / "vindu.db"
    window = subprocess.Popen(
        [str(frozen.exe), "--db", str(db)],
        env=_clean_env(tmp_path / "brukerdata"),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        time.sleep(5)
        still_running = window.poll() is None
    finally:
        if window.poll() is None:
            window.terminate()
        out, err = window.communicate(timeout=30)
    assert still_running, f"the window closed by itself (exit {window.returncode}): {out}{err}"
    assert "Traceback" not in err, err
    con = sqlite3.connect(db)
    try:
        applied = {row[0] for row in con.execute("SELECT name FROM schema_migration")}
    finally:
        con.close()
    migrations = {p.stem for p in (ROOT / "migrations").glob("0*.py")}
    assert applied == migrations  # the bundled migrations ran
