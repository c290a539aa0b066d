"""The Qt-free catalogue: every text built with tr()/tr_n() has English, with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from coursekeeper import i18n
from coursekeeper.i18n import read_po, tr, tr_n

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = ["services", "domain", "excel", "printing", "db"]
QT_FREE_FILES = ["cli.py", "cli_records.py", "cli_staff.py", "errors.py", "settings.py", "i18n.py"]


def _sources() -> list[Path]:
    files = [p for d in QT_FREE for p in sorted((ROOT / "coursekeeper" / d).rglob("*.py"))]
    return files + [ROOT / "coursekeeper" / f for f in QT_FREE_FILES]


def extracted() -> dict[str, tuple[str, str | None]]:
    """msgid → (where, plural) for every tr/tr_n/N_ call with literal texts."""
    found: dict[str, tuple[str, str | None]] = {}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("tr", "tr_n", "N_") or not node.args:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            literals = [a.value for a in node.args[:2] if isinstance(a, ast.Constant)]
            assert literals and isinstance(literals[0], str), f"{where}: tr() needs a literal text"
            plural = literals[1] if node.func.id == "tr_n" and len(literals) > 1 else None
            found[literals[0]] = (where, plural)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_has_english_with_the_same_placeholders() -> None:
    english = read_po(i18n.catalogue_path("en"))
    problems = []
    for msgid, (where, plural) in extracted().items():
        entry = english.get(msgid)
        if not entry:
            problems.append(f"{where}: no English for {msgid!r}")
            continue
        forms = entry if isinstance(entry, list) else [entry]
        sources = [msgid, plural] if plural is not None else [msgid]
        if len(forms) != len(sources) or not all(forms):
            problems.append(f"{where}: English needs {len(sources)} form(s) for {msgid!r}")
            continue
        for source, form in zip(sources, forms, strict=True):
            if _fields(source) != _fields(form):
                problems.append(f"{where}: placeholders differ in {form!r}")
    assert problems == [], "add to resources/translations/coursekeeper_en.po:\n" + "\n".join(problems)


def test_no_english_text_is_left_without_a_source() -> None:
    stale = sorted(set(read_po(i18n.catalogue_path("en"))) - set(extracted()))
    assert stale == [], "remove from coursekeeper_en.po (no tr() uses them any more)"


def test_no_msgid_is_written_twice() -> None:
    text = i18n.catalogue_path("en").read_text(encoding="utf-8")
    ids = [line for line in text.splitlines() if line.startswith("msgid ")]
    assert len(ids) == len(set(ids))


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("nb")


def test_tr_follows_the_language(english) -> None:
    assert tr("Fant ikke påmelding med id {id}.", id=7) == "No enrolment with id 7."
    i18n.set_language("nb")
    assert tr("Fant ikke påmelding med id {id}.", id=7) == "Fant ikke påmelding med id 7."


def test_unknown_text_falls_back_to_norwegian(english) -> None:
    assert tr("Ukjent tekst {x}", x=1) == "Ukjent tekst 1"
    assert tr_n("{n} plass", "{n} plasser", 2) == "2 plasser"
    assert tr_n("{n} plass", "{n} plasser", 1) == "1 plass"


def test_read_po_plurals_and_continuations(tmp_path) -> None:
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        'msgid "{n} rad"\nmsgid_plural "{n} rader"\nmsgstr[0] "{n} row"\nmsgstr[1] "{n} rows"\n\n'
        'msgid "Lang "\n"tekst \\"sitat\\""\nmsgstr ""\n"Long text \\"quote\\""\n',
        encoding="utf-8",
    )
    entries = read_po(po)
    assert entries["{n} rad"] == ["{n} row", "{n} rows"]
    assert entries['Lang tekst "sitat"'] == 'Long text "quote"'
