"""Re-extract the Qt texts into coursekeeper_en.ts and _nb.ts, refill them from other versions, compile .qm.

It also drops repeated entries from coursekeeper_en.po (the Qt-free catalogue merges by union).

After a merge (or a conflict in a .ts file) run::

    python tools/update_translations.py --from main --from HEAD --from MERGE_HEAD

lupdate reads the sources as they are now; every message left unfinished gets the translation
that any of the named git revisions had for the same context and source text. What is still
unfinished is printed: translate it in the .ts file named and run the script again.

``coursekeeper_en.ts`` holds every text. ``coursekeeper_nb.ts`` holds only the texts with a count
(``self.tr("%n plasser", "", n)``): the Norwegian source gives one form, so Norwegian needs its
singular and plural (``<numerusform>%n plass</numerusform><numerusform>%n plasser</numerusform>``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
#: Language → extra lupdate options: English gets every text, Norwegian only the counted ones.
LANGUAGES = {"en": [], "nb": ["-pluralonly", "-source-language", "nb", "-target-language", "nb"]}
PO = TRANSLATIONS / "coursekeeper_en.po"


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


def _forms(message: ET.Element) -> list[str] | None:
    """The finished translation of ``message``: its text, or its numerus forms; None when unfinished."""
    translation = message.find("translation")
    if translation is None or translation.get("type") == "unfinished":
        return None
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in translation.iter("numerusform")]
    else:
        forms = [translation.text or ""]
    return forms if forms and all(forms) else None


def _known(ts: Path, sources: list[str]) -> tuple[dict[tuple[str, str], list[str]], dict[str, list[str]]]:
    by_context: dict[tuple[str, str], list[str]] = {}
    by_text: dict[str, list[str]] = {}
    for source in sources:
        if Path(source).exists():
            if Path(source).name != ts.name:
                continue  # a file holds one language: the one its name says
            text = Path(source).read_text(encoding="utf-8")
        else:
            shown = subprocess.run(
                ["git", "show", f"{source}:resources/translations/{ts.name}"],
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
                forms = _forms(message)
                if forms is None:
                    continue
                by_context.setdefault((name, message.findtext("source") or ""), forms)
                by_text.setdefault(message.findtext("source") or "", forms)
    return by_context, by_text


def _fill(message: ET.Element, forms: list[str]) -> bool:
    """Put ``forms`` into an unfinished message; False when their number does not fit it."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        slots = list(translation.iter("numerusform"))
        if len(slots) != len(forms):
            return False
        for slot, form in zip(slots, forms, strict=True):
            slot.text = form
    elif len(forms) == 1:
        translation.text = forms[0]
    else:
        return False
    del translation.attrib["type"]
    return True


def update(ts: Path, options: list[str], sources: list[str]) -> list[str]:
    """Extract into ``ts``, refill what is unfinished, compile; the messages still unfinished."""
    by_context, by_text = _known(ts, [*sources, str(ts)] if ts.exists() else sources)
    if ts.exists() and "<<<<<<<" in ts.read_text(encoding="utf-8"):
        ts.unlink()
    code = sorted(str(p) for p in (ROOT / "coursekeeper" / "ui").rglob("*.py"))
    code.append(str(ROOT / "coursekeeper" / "app.py"))
    lupdate = [
        _tool("pyside6-lupdate"),
        *code,
        "-no-obsolete",
        "-locations",
        "none",
        *options,
        "-ts",
        str(ts),
    ]
    subprocess.run(lupdate, check=True, capture_output=True)
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.find("translation").get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            known = by_context.get((name, source)) or by_text.get(source)
            if not known or not _fill(message, known):
                missing.append(f"{ts.name}: {name}: {source}")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    subprocess.run(lupdate, check=True, capture_output=True)  # lupdate's own layout again
    subprocess.run([_tool("pyside6-lrelease"), str(ts)], check=True, capture_output=True)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="sources", action="append", default=[], metavar="REV_OR_TS")
    args = parser.parse_args()
    dropped = dedupe_po()
    if dropped:
        print(f"removed {dropped} repeated entries from {PO.name}")
    missing = []
    for language, options in LANGUAGES.items():
        missing += update(TRANSLATIONS / f"coursekeeper_{language}.ts", options, args.sources)
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
