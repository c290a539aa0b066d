"""The Windows installer, proved on Linux: installer.nsi built with makensis and run under Wine.

Each test builds the installer from a stand-in payload (what PyInstaller's one-folder build
looks like: CourseKeeper.exe plus _internal/resources/...), installs it silently into a fresh
Wine prefix in tmp_path, and reads the result off the prefix: files, shortcuts and the HKCU
uninstall entry (user.reg). An installer can exit 0 under Wine and install nothing (without
wine32, for one), so every test looks at the files themselves.

Needs makensis (Debian: nsis) and Wine with its 32-bit half (wine, wine64, wine32:i386), as
.ci/install-windows-tools.sh installs them; skipped where makensis or wine is missing.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NSI = ROOT / "installer.nsi"
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\CourseKeeper"
UMLAUT_NAME = "kursbevis-mal-æøå.txt"
NORWEGIAN_LOCALE = "nb_NO.UTF-8"

INSTALL_TIMEOUT = 180  # the first program run in a new prefix also creates the prefix
WINESERVER_TIMEOUT = 90

pytestmark = pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (NSIS) not installed")
needs_wine = pytest.mark.skipif(
    shutil.which("wine") is None or shutil.which("wineserver") is None,
    reason="wine not installed",
)


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def stand_in_exe() -> bytes:
    """A small real PE program from Wine's own files, else a dummy that only looks like one."""
    for pattern in (
        "/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/hostname.exe",
        "/usr/lib/*/wine/*-windows/hostname.exe",
        "/usr/lib/wine/*-windows/hostname.exe",
        "/opt/wine*/lib*/wine/*-windows/hostname.exe",
    ):
        for found in sorted(glob.glob(pattern)):
            return Path(found).read_bytes()
    return b"MZ" + bytes(1022)


def make_payload(folder: Path, *, extra: dict[str, str] | None = None) -> Path:
    """A stand-in for dist/CourseKeeper, PyInstaller 6's one-folder layout."""
    (folder / "_internal" / "resources" / "icons").mkdir(parents=True)
    (folder / "_internal" / "migrations").mkdir()
    (folder / "CourseKeeper.exe").write_bytes(stand_in_exe())
    (folder / "coursekeeper-cli.exe").write_bytes(stand_in_exe())  # the console twin for commands
    shutil.copy(
        ROOT / "resources" / "icons" / "coursekeeper.png",
        folder / "_internal" / "resources" / "icons" / "coursekeeper.png",
    )
    (folder / "_internal" / "resources" / UMLAUT_NAME).write_text("Kursbevis for Ærlig Øystein Åsen")
    (folder / "_internal" / "migrations" / "0001_initial.sql").write_text("-- stand-in\n")
    for rel, text in (extra or {}).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


def build_installer(tmp_path: Path, version: str, payload: Path) -> Path:
    out = tmp_path / f"CourseKeeper-{version}-Setup.exe"
    result = subprocess.run(
        ["makensis", "-V2", f"-DVERSION={version}", f"-DPAYLOAD_DIR={payload}", f"-DOUTFILE={out}", str(NSI)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"makensis failed:\n{result.stdout}\n{result.stderr}"
    assert out.is_file()
    return out


def parse_reg(path: Path) -> dict[str, dict[str, str | int]]:
    """Wine's user.reg: [Key\\\\Path] timestamp, then "name"="text" or "name"=dword:hex."""
    keys: dict[str, dict[str, str | int]] = {}
    values: dict[str, str | int] | None = None
    text = path.read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        header = re.match(r"^\[(.+?)\](?: \d+)?$", line)
        if header:
            values = keys.setdefault(header.group(1).replace("\\\\", "\\"), {})
            continue
        if values is None:
            continue
        item = re.match(r'^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$', line)
        if item:
            name = item.group(1)
            if item.group(3) is not None:
                values[name] = int(item.group(3), 16)
            else:
                values[name] = re.sub(r"\\(.)", r"\1", item.group(2))
    return keys


@dataclass
class WinePrefix:
    root: Path
    env: dict[str, str]

    def run(self, exe: Path, *args: str, timeout: float = INSTALL_TIMEOUT, locale: str = "C.UTF-8") -> int:
        env = dict(self.env, LC_ALL=locale)
        result = subprocess.run(
            ["wine", str(exe), *args], env=env, capture_output=True, text=True, timeout=timeout
        )
        self.wait()
        return result.returncode

    def wait(self) -> None:
        """Waits for every program in the prefix to end and the registry to reach user.reg."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=WINESERVER_TIMEOUT, check=False)

    def kill(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=30, check=False, capture_output=True)

    @property
    def user_dir(self) -> Path:
        users = [p for p in (self.root / "drive_c" / "users").iterdir() if p.is_dir() and p.name != "Public"]
        assert len(users) == 1, f"expected one user folder in the prefix, found {users}"
        return users[0]

    @property
    def local_appdata(self) -> Path:
        return self.user_dir / "AppData" / "Local"

    @property
    def install_dir(self) -> Path:
        return self.local_appdata / "Programs" / "CourseKeeper"

    @property
    def data_dir(self) -> Path:
        return self.local_appdata / "CourseKeeper"

    @property
    def start_menu_link(self) -> Path:
        return (
            self.user_dir
            / "AppData"
            / "Roaming"
            / "Microsoft"
            / "Windows"
            / "Start Menu"
            / "Programs"
            / "CourseKeeper.lnk"
        )

    @property
    def desktop_link(self) -> Path:
        return self.user_dir / "Desktop" / "CourseKeeper.lnk"

    def registry(self) -> dict[str, dict[str, str | int]]:
        user_reg = self.root / "user.reg"
        return parse_reg(user_reg) if user_reg.exists() else {}


@pytest.fixture
def wine(tmp_path: Path):
    """A fresh Wine prefix and home folder in tmp_path; no Mono/Gecko prompts, no host menus."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("WINE", "LC_", "XDG_")) and k not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        WINEPREFIX=str(tmp_path / "prefix"),
        WINEDEBUG="-all",
        WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
        # Wine maps the Windows desktop and documents to the home folder: keep them in tmp_path.
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    prefix = WinePrefix(tmp_path / "prefix", env)
    yield prefix
    prefix.kill()


def assert_installed(wine: WinePrefix, version: str) -> dict[str, str | int]:
    install_dir = wine.install_dir
    exe = install_dir / "CourseKeeper.exe"
    assert exe.is_file(), (
        f"nothing installed at {install_dir} (a silent NSIS installer exits 0 under Wine even "
        "when it cannot run: is wine32 (i386) installed?)"
    )
    assert exe.read_bytes() == stand_in_exe()
    assert (install_dir / "coursekeeper-cli.exe").read_bytes() == stand_in_exe()
    assert (install_dir / "Uninstall.exe").is_file()
    umlaut = install_dir / "_internal" / "resources" / UMLAUT_NAME
    assert umlaut.read_text() == "Kursbevis for Ærlig Øystein Åsen"
    assert (install_dir / "_internal" / "resources" / "icons" / "coursekeeper.png").is_file()
    assert (install_dir / "_internal" / "migrations" / "0001_initial.sql").is_file()

    windows_exe = f"C:\\users\\{wine.user_dir.name}\\AppData\\Local\\Programs\\CourseKeeper"
    for link in (wine.start_menu_link, wine.desktop_link):
        assert link.is_file(), f"no shortcut {link}"
        assert f"{windows_exe}\\CourseKeeper.exe".encode() in link.read_bytes()

    registry = wine.registry()
    entries = [
        k
        for k, v in registry.items()
        if k.startswith(UNINSTALL_KEY.rsplit("\\", 1)[0] + "\\") and v.get("DisplayName") == "CourseKeeper"
    ]
    assert entries == [UNINSTALL_KEY]
    entry = registry[UNINSTALL_KEY]
    assert entry["DisplayName"] == "CourseKeeper"
    assert entry["DisplayVersion"] == version
    assert entry["Publisher"] == "CourseKeeper"
    assert entry["InstallLocation"] == windows_exe
    assert entry["DisplayIcon"] == f"{windows_exe}\\CourseKeeper.exe,0"
    assert entry["UninstallString"] == f'"{windows_exe}\\Uninstall.exe"'
    assert entry["QuietUninstallString"] == f'"{windows_exe}\\Uninstall.exe" /S'
    assert entry["NoModify"] == 1
    assert entry["NoRepair"] == 1
    # Kilobytes of what is installed: the stand-in is some tens of kB, never zero or megabytes.
    installed_kb = sum(p.stat().st_size for p in install_dir.rglob("*") if p.is_file()) / 1024
    assert isinstance(entry["EstimatedSize"], int)
    assert 0.5 * installed_kb <= entry["EstimatedSize"] <= 2 * installed_kb + 8
    return entry


def write_user_data(wine: WinePrefix) -> dict[Path, bytes]:
    files = {
        wine.data_dir / "coursekeeper.db": b"SQLite format 3\x00 stand-in",
        wine.data_dir / "backups" / "coursekeeper-2026-01-31.db": b"backup",
        wine.data_dir / "logs" / "coursekeeper.log": b"log",
    }
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


@needs_wine
def test_install_then_uninstall_keeps_user_data(tmp_path: Path, wine: WinePrefix) -> None:
    version = project_version()
    setup = build_installer(tmp_path, version, make_payload(tmp_path / "payload"))

    assert wine.run(setup, "/S") == 0
    entry = assert_installed(wine, version)
    assert entry["InstallerLanguage"] == "1033"  # English outside Norwegian locales

    user_files = write_user_data(wine)
    # The uninstaller copies itself to a temporary folder, starts that copy and returns at once;
    # run() then waits for every program in the prefix (wineserver -w).
    assert wine.run(wine.install_dir / "Uninstall.exe", "/S") == 0

    assert not wine.install_dir.exists(), list(wine.install_dir.rglob("*"))
    assert (wine.local_appdata / "Programs").is_dir()
    assert not wine.start_menu_link.exists()
    assert not wine.desktop_link.exists()
    assert UNINSTALL_KEY not in wine.registry()
    for path, data in user_files.items():
        assert path.read_bytes() == data, f"uninstall touched the user's data: {path}"


@needs_wine
def test_upgrade_over_older_version(tmp_path: Path, wine: WinePrefix) -> None:
    old_version, new_version = "0.0.1", project_version()
    assert old_version != new_version
    old_setup = build_installer(
        tmp_path,
        old_version,
        make_payload(tmp_path / "old", extra={"_internal/removed_in_new_version.pyd": "old"}),
    )
    new_setup = build_installer(tmp_path, new_version, make_payload(tmp_path / "new"))

    assert wine.run(old_setup, "/S") == 0
    assert_installed(wine, old_version)
    assert (wine.install_dir / "_internal" / "removed_in_new_version.pyd").is_file()
    user_files = write_user_data(wine)

    assert wine.run(new_setup, "/S") == 0
    assert_installed(wine, new_version)
    assert not (wine.install_dir / "_internal" / "removed_in_new_version.pyd").exists()
    for path, data in user_files.items():
        assert path.read_bytes() == data

    # The one uninstall entry left is the new version's, and its uninstaller works.
    assert wine.run(wine.install_dir / "Uninstall.exe", "/S") == 0
    assert not wine.install_dir.exists()
    assert UNINSTALL_KEY not in wine.registry()
    for path, data in user_files.items():
        assert path.read_bytes() == data


def _have_locale(name: str) -> bool:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    wanted = name.lower().replace("-", "")
    return any(line.lower().replace("-", "") == wanted for line in out.splitlines())


@needs_wine
@pytest.mark.skipif(
    not _have_locale(NORWEGIAN_LOCALE),
    reason=f"locale {NORWEGIAN_LOCALE} not generated (Debian: locales, locale-gen)",
)
def test_norwegian_system_gets_norwegian_installer(tmp_path: Path, wine: WinePrefix) -> None:
    setup = build_installer(tmp_path, project_version(), make_payload(tmp_path / "payload"))
    assert wine.run(setup, "/S", locale=NORWEGIAN_LOCALE) == 0
    entry = assert_installed(wine, project_version())
    assert entry["InstallerLanguage"] == "1044"  # Norwegian Bokmål


def test_makensis_refuses_missing_defines(tmp_path: Path) -> None:
    payload = make_payload(tmp_path / "payload")
    cases = {
        "VERSION is not defined": [f"-DPAYLOAD_DIR={payload}"],
        "PAYLOAD_DIR is not defined": ["-DVERSION=1.2.3"],
        "has no CourseKeeper.exe": ["-DVERSION=1.2.3", f"-DPAYLOAD_DIR={tmp_path / 'nowhere'}"],
    }
    for message, defines in cases.items():
        result = subprocess.run(
            ["makensis", "-V2", *defines, f"-DOUTFILE={tmp_path / 'x.exe'}", str(NSI)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0, defines
        assert message in result.stdout + result.stderr, (defines, result.stdout, result.stderr)
        assert not (tmp_path / "x.exe").exists()
