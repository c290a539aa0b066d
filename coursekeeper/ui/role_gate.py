"""Only the actions the signed-in role may do: the others are disabled and their tooltip says why.

The server decides (``services.permissions`` asks it at sign-in); this module only presents the
answer. A control denied here stays disabled even when its view enables it again for a new
selection, so the views keep their own enabling logic unchanged.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from coursekeeper.services import permissions
from coursekeeper.services.permissions import Permissions


def allowed() -> Permissions:
    """What the signed-in user may do (everything on SQLite)."""
    return permissions.current()


def why(capability: str) -> str:
    """The sentence a disabled control shows for a missing ``capability`` (a Permissions field)."""
    reasons = {
        "can_edit_courses": QCoreApplication.translate(
            "RoleGate", "Din rolle kan ikke opprette eller endre kurs, påmeldinger eller kursbevis."
        ),
        "can_edit_people": QCoreApplication.translate(
            "RoleGate", "Din rolle kan ikke legge til eller endre personer."
        ),
        "can_screen": QCoreApplication.translate(
            "RoleGate", "Din rolle kan ikke lese eller skrive vurderingsnotater."
        ),
        "can_pay": QCoreApplication.translate(
            "RoleGate",
            "Din rolle kan ikke registrere innbetalinger, korrigeringer eller beholde egenandeler.",
        ),
        "can_refund": QCoreApplication.translate(
            "RoleGate", "Din rolle kan ikke registrere tilbakebetalinger."
        ),
        "can_assign": QCoreApplication.translate("RoleGate", "Din rolle kan ikke registrere oppdrag."),
        "can_erase": QCoreApplication.translate(
            "RoleGate", "Din rolle kan ikke slette eller slå sammen personer; be en administrator."
        ),
        "can_write_settings": QCoreApplication.translate(
            "RoleGate", "Din rolle kan ikke endre innstillingene."
        ),
        "can_see_money": QCoreApplication.translate(
            "RoleGate", "Din rolle kan ikke se egenandeler og innbetalinger."
        ),
        "can_see_certificates": QCoreApplication.translate(
            "RoleGate", "Din rolle kan ikke se kursbevisregisteret."
        ),
        "can_back_up": QCoreApplication.translate(
            "RoleGate",
            "Den felles PostgreSQL-databasen sikkerhetskopieres på serveren av IT-ansvarlig (pg_dump), "
            "ikke fra programmet.",
        ),
    }
    return reasons[capability]


class _StayDisabled(QObject):
    """Turns a denied control off again whenever its view enables it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On an enabled-change to enabled, disable again."""
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget) and watched.isEnabled():
            watched.setEnabled(False)
        return False


def gate(capability: str, *controls: QWidget | QAction) -> bool:
    """Deny ``controls`` unless the role has ``capability``; True when it has."""
    if getattr(allowed(), capability):
        return True
    reason = why(capability)
    for control in controls:
        control.setEnabled(False)
        control.setToolTip(reason)
        if isinstance(control, QWidget):
            control.installEventFilter(_StayDisabled(control))
        else:
            control.changed.connect(functools.partial(_keep_off, control))
    return False


def _keep_off(action: QAction) -> None:
    if action.isEnabled():
        action.setEnabled(False)
