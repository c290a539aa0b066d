"""The English translation loads and covers every visible string."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from coursekeeper import settings
from coursekeeper.domain.hours import hours_text


def test_every_message_has_an_english_translation() -> None:
    ts = settings.resources_dir() / "translations" / "coursekeeper_en.ts"
    unfinished = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []


def test_english_is_applied_when_chosen(qapp) -> None:
    from coursekeeper.app import install_translators

    installed = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("CoursePage", "%1 av %Ln plasser", "", 1) == "%1 of 1 seat"
        assert QCoreApplication.translate("CoursePage", "%1 av %Ln plasser", "", 1000) == "%1 of 1,000 seats"
        assert QCoreApplication.translate("MainWindow", "Nøkkeltall") == "Key figures"
        assert hours_text(90) == "1.5 hours"  # the window's language reaches the Qt-free catalogue
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal))
        from coursekeeper import i18n

        i18n.set_language("nb")
    assert QCoreApplication.translate("MainWindow", "Nøkkeltall") == "Nøkkeltall"


def _numerus(name: str) -> dict[tuple[str, str], list[str]]:
    """(context, source) → the forms of every counted (``%n``) message in ``name``."""
    tree = ET.parse(settings.resources_dir() / "translations" / name).getroot()
    return {
        (c.findtext("name"), m.findtext("source")): [f.text or "" for f in m.iter("numerusform")]
        for c in tree.iter("context")
        for m in c.iter("message")
        if m.get("numerus") == "yes"
    }


def test_counted_texts_have_both_forms_in_english_and_norwegian() -> None:
    english, norwegian = _numerus("coursekeeper_en.ts"), _numerus("coursekeeper_nb.ts")
    assert english, "no %n texts found"
    tree = ET.parse(settings.resources_dir() / "translations" / "coursekeeper_en.ts").getroot()
    uncounted = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.get("numerus") != "yes" and any(n in (m.findtext("source") or "") for n in ("%n", "%Ln"))
    ]
    assert uncounted == [], "lupdate sees a count only in self.tr(text, '', n) inside a class"
    assert set(norwegian) == set(english), "run tools/update_translations.py"
    for forms in (*english.values(), *norwegian.values()):
        assert len(forms) == 2 and all(forms)


def test_norwegian_counts_read_right(qapp) -> None:
    """The Norwegian source says «%n plasser»; the nb catalogue makes it «1 plass»."""
    from coursekeeper.app import install_translators
    from coursekeeper.ui.widgets.rows_panel import RowCount

    installed = install_translators(qapp, "nb")
    try:
        assert QCoreApplication.translate("CoursePage", "%1 av %Ln plasser", "", 1) == "%1 av 1 plass"
        assert (
            QCoreApplication.translate("CoursePage", "%1 av %Ln plasser", "", 2000)
            == "%1 av 2\u00a0000 plasser"
        )
        count = RowCount()
        assert count.text(1, 1) == "1 rad"
        assert count.text(1, 1000) == "1 av 1\u00a0000 rader"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_source_strings_are_all_in_the_ts_file_with_a_context(tmp_path) -> None:
    """Re-extract with pyside6-lupdate: a new string without English, or one lupdate files under
    no context (a ``tr`` alias outside a class), fails here instead of showing Norwegian in English."""
    import shutil
    import subprocess

    import pytest

    # The venv's scripts folder is not on PATH when its python is run without activating it.
    tool = shutil.which("pyside6-lupdate") or shutil.which(
        "pyside6-lupdate", path=str(Path(sys.executable).parent)
    )
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    root = settings.resources_dir().parent
    ts = tmp_path / "coursekeeper_en.ts"
    shutil.copy(settings.resources_dir() / "translations" / "coursekeeper_en.ts", ts)
    sources = sorted(str(p) for p in (root / "coursekeeper" / "ui").rglob("*.py"))
    sources.append(str(root / "coursekeeper" / "app.py"))
    subprocess.run([tool, *sources, "-no-obsolete", "-ts", str(ts)], check=True, capture_output=True)
    tree = ET.parse(ts).getroot()
    nameless = [m.findtext("source") for c in tree.iter("context") if not c.findtext("name") for m in c]
    assert nameless == [], "strings lupdate cannot tie to a context (use self.tr or translate('Ctx', …))"
    missing = [
        f"{c.findtext('name')}: {m.findtext('source')}"
        for c in tree.iter("context")
        for m in c.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert missing == [], (
        "run pyside6-lupdate and translate these in resources/translations/coursekeeper_en.ts"
    )
