"""The English translation loads and covers every visible string."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from coursekeeper import settings


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
        assert QCoreApplication.translate("CoursePage", "%1 av %2 plasser") == "%1 of %2 seats"
        assert QCoreApplication.translate("MainWindow", "Nøkkeltall") == "Key figures"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal))
    assert QCoreApplication.translate("MainWindow", "Nøkkeltall") == "Nøkkeltall"
