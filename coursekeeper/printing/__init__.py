"""Printed documents as PDF: certificates, refund letters and sign-in sheets.

The data classes and ``profile_warnings`` load without reportlab; the ``write_*`` functions
import it on first use, so importing this package keeps the desktop program's start-up fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursekeeper.printing.models import (
    CertificatePrint,
    OrganisationProfile,
    RefundLetterPrint,
    SignInParticipant,
    SignInSheetPrint,
    logo_is_readable,
    profile_warnings,
)

if TYPE_CHECKING:
    from coursekeeper.printing.certificates import write_certificates
    from coursekeeper.printing.refund_letters import write_refund_letters
    from coursekeeper.printing.sign_in_sheets import write_sign_in_sheets

__all__ = [
    "CertificatePrint",
    "OrganisationProfile",
    "RefundLetterPrint",
    "SignInParticipant",
    "SignInSheetPrint",
    "logo_is_readable",
    "profile_warnings",
    "write_certificates",
    "write_refund_letters",
    "write_sign_in_sheets",
]

_LAZY = {
    "write_certificates": "coursekeeper.printing.certificates",
    "write_refund_letters": "coursekeeper.printing.refund_letters",
    "write_sign_in_sheets": "coursekeeper.printing.sign_in_sheets",
}


def __getattr__(name: str) -> Any:
    """Import a writer (and with it reportlab) only when it is first asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
