"""Re-extract the Qt texts into coursekeeper_en.ts, refill English from other versions, compile .qm.

It also drops repeated entries from coursekeeper_en.po (the Qt-free catalogue merges by union).

After a merge (or a conflict in the .ts file) run::

    python tools/update_translations.py --from main --from HEAD --from MERGE_HEAD

lupdate reads the sources as they are now; every message left unfinished gets the English that
any of the named git revisions (or .ts files) had for the same context and source text. What is
still unfinished is printed: translate it in the .ts file and run the script again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "coursekeeper_en.ts"
PO = ROOT / "resources" / "translations" / "coursekeeper_en.po"


def dedupe_po() -> int:
    """Drop repeated entries from the .po (two branches adding the same text merge by union)."""
    if not PO.exists():
        return 0
    blocks = PO.read_text(encoding="utf-8").strip().split("\n\n")
    seen: set[str] = set()
    kept = []
    for block in blocks:
        key = "\n".join(line for line in block.splitlines() if line.startswith(("msgid", '"')))
        key = key.split("msgstr")[0]
        if block.lstrip().startswith("msgid") and key in seen:
            continue
        seen.add(key)
        kept.append(block)
    PO.write_text("\n\n".join(kept) + "\n", encoding="utf-8")
    return len(blocks) - len(kept)


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        sys.exit(f"{name} not found (pip install PySide6-Essentials)")
    return found


def _known(sources: list[str]) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    by_context: dict[tuple[str, str], str] = {}
    by_text: dict[str, str] = {}
    for source in sources:
        if Path(source).exists():
            text = Path(source).read_text(encoding="utf-8")
        else:
            shown = subprocess.run(
                ["git", "show", f"{source}:resources/translations/coursekeeper_en.ts"],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            if shown.returncode != 0:
                print(f"skipped {source}: {shown.stderr.strip()}")
                continue
            text = shown.stdout
        markers = ("<<<<<<<", "=======", ">>>>>>>")
        text = "\n".join(line for line in text.splitlines() if not line.startswith(markers))
        try:
            tree = ET.fromstring(text)
        except ET.ParseError as error:
            print(f"skipped {source}: {error}")
            continue
        for context in tree.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished" or not translation.text:
                    continue
                by_context.setdefault((name, message.findtext("source") or ""), translation.text)
                by_text.setdefault(message.findtext("source") or "", translation.text)
    return by_context, by_text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="sources", action="append", default=[], metavar="REV_OR_TS")
    args = parser.parse_args()
    dropped = dedupe_po()
    if dropped:
        print(f"removed {dropped} repeated entries from {PO.name}")
    by_context, by_text = _known([*args.sources, str(TS)] if TS.exists() else args.sources)
    if TS.exists() and "<<<<<<<" in TS.read_text(encoding="utf-8"):
        TS.unlink()
    sources = sorted(str(p) for p in (ROOT / "coursekeeper" / "ui").rglob("*.py"))
    sources.append(str(ROOT / "coursekeeper" / "app.py"))
    lupdate = [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(TS)]
    subprocess.run(lupdate, check=True, capture_output=True)
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            english = by_context.get((name, source)) or by_text.get(source)
            if english:
                translation.text = english
                del translation.attrib["type"]
            else:
                missing.append(f"{name}: {source}")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    subprocess.run(lupdate, check=True, capture_output=True)  # lupdate's own layout again
    subprocess.run([_tool("pyside6-lrelease"), str(TS)], check=True, capture_output=True)
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
