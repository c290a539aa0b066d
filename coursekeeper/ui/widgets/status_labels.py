"""Translatable names of ledger kinds, refund reasons and key-figure steps (states: ui.labels).

Literal ``QCoreApplication.translate("StatusLabels", "…")`` calls, so lupdate finds every string.

The domain keeps Norwegian labels for the command line and exports; the desktop program shows the
same words through Qt's translation system so the English interface is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def entry_kind(code: str) -> str:
    """Ledger entry kind: Innbetaling, Tilbakebetaling …"""
    names = {
        "payment": QCoreApplication.translate("StatusLabels", "Innbetaling"),
        "refund": QCoreApplication.translate("StatusLabels", "Tilbakebetaling"),
        "forfeit": QCoreApplication.translate("StatusLabels", "Beholdt (tapt egenandel)"),
        "correction": QCoreApplication.translate("StatusLabels", "Korrigering"),
    }
    return names.get(code, code)


def refund_reason(code: str) -> str:
    """Why a deposit is due back."""
    names = {
        "six_months": QCoreApplication.translate("StatusLabels", "Seks måneder i oppdrag"),
        "withdrawn": QCoreApplication.translate("StatusLabels", "Trukket før bindende frist"),
        "rejected": QCoreApplication.translate("StatusLabels", "Ikke tatt opp"),
        "cancelled": QCoreApplication.translate("StatusLabels", "Kurset er avlyst"),
    }
    return names.get(code, code)
