"""Translatable names of ledger kinds, refund reasons and key-figure steps (states: ui.labels).

The domain keeps Norwegian labels for the command line and exports; the desktop program shows the
same words through Qt's translation system so the English interface is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_CONTEXT = "StatusLabels"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def entry_kind(code: str) -> str:
    """Ledger entry kind: Innbetaling, Tilbakebetaling …"""
    names = {
        "payment": _t("Innbetaling"),
        "refund": _t("Tilbakebetaling"),
        "forfeit": _t("Beholdt (tapt egenandel)"),
        "correction": _t("Korrigering"),
    }
    return names.get(code, code)


def refund_reason(code: str) -> str:
    """Why a deposit is due back."""
    names = {
        "six_months": _t("Seks måneder i oppdrag"),
        "withdrawn": _t("Trukket før bindende frist"),
        "rejected": _t("Ikke tatt opp"),
        "cancelled": _t("Kurset er avlyst"),
    }
    return names.get(code, code)


def funnel_step(name: str) -> str:
    """Column header of a key-figures step."""
    names = {
        "registered": _t("Påmeldt"),
        "accepted": _t("Tatt opp"),
        "attended": _t("Møtte"),
        "certified": _t("Kursbevis"),
        "in_assignment": _t("I oppdrag"),
        "reached_6": _t("6 måneder"),
        "reached_12": _t("12 måneder"),
        "reached_18": _t("18 måneder"),
        "refunded": _t("Tilbakebetalt"),
    }
    return names.get(name, name)
