"""Certificate numbers (``HIK-2026-0007``) and verification codes derived from the content."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re

from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr

_PREFIX = re.compile(r"^[A-ZÆØÅ0-9]{1,10}$")
_CODE_ALPHABET_LENGTH = 16  # characters of base32 kept: 80 bits


def check_prefix(prefix: str) -> str:
    """Upper-case, validated certificate prefix (1–10 letters or digits)."""
    value = prefix.strip().upper()
    if not _PREFIX.match(value):
        raise ValidationError(
            tr(
                "Ugyldig prefiks for kursbevisnummer: «{prefix}». Bruk 1–10 bokstaver eller sifre, "
                "for eksempel HIK.",
                prefix=prefix,
            )
        )
    return value


def format_number(prefix: str, year: int, sequence: int) -> str:
    """``PREFIX-YEAR-NNNN``."""
    return f"{prefix}-{year}-{sequence:04d}"


def canonical_content(content: dict) -> bytes:
    """The frozen certificate facts as canonical JSON bytes (sorted keys, no whitespace)."""
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def content_digest(content: dict) -> str:
    """SHA-256 of the frozen content; an erased certificate keeps the digest of its original."""
    if content.get("erased") and isinstance(content.get("digest"), str):
        return content["digest"]
    return hashlib.sha256(canonical_content(content)).hexdigest()


def verification_code(content: dict, secret: bytes) -> str:
    """A short code, grouped ``XXXX-XXXX-XXXX-XXXX``, that only the right content and secret give."""
    digest = hmac.new(secret, canonical_content(content), hashlib.sha256).digest()
    raw = base64.b32encode(digest).decode()[:_CODE_ALPHABET_LENGTH]
    return "-".join(raw[i : i + 4] for i in range(0, _CODE_ALPHABET_LENGTH, 4))


def normalise_code(code: str) -> str:
    """Upper-case, without spaces; groups re-joined with dashes (users type codes sloppily)."""
    raw = re.sub(r"[^A-Z2-7]", "", code.upper().replace("0", "O").replace("1", "I"))
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def code_matches(content: dict, secret: bytes, code: str) -> bool:
    """Constant-time comparison of a stored code with the code the content gives."""
    return hmac.compare_digest(verification_code(content, secret), normalise_code(code))


#: The facts about the person on a certificate; they go when the person is erased.
PERSONAL_FIELDS = ("first_name", "last_name", "birth_date")


def _seal(secret: bytes, code: str, digest: str, kept: dict) -> str:
    message = b"erased|" + code.encode() + b"|" + digest.encode() + b"|" + canonical_content(kept)
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def erased_content(content: dict, secret: bytes, code: str) -> dict:
    """The content without the person, sealed so the certificate still verifies as genuine.

    The seal covers the code, a digest of the original content and every fact kept (number,
    dates, course); changing any of them, or forging an erased certificate, breaks it.
    """
    kept = {k: v for k, v in content.items() if k not in PERSONAL_FIELDS}
    kept["erased"] = True
    kept["digest"] = content_digest(content)
    return {**kept, "seal": _seal(secret, normalise_code(code), kept["digest"], kept)}


def erased_content_matches(content: dict, secret: bytes, code: str) -> bool:
    """True when an erased certificate's kept facts and seal are as written at erasure."""
    if not content.get("erased") or not isinstance(content.get("seal"), str):
        return False
    kept = {k: v for k, v in content.items() if k != "seal"}
    expected = _seal(secret, normalise_code(code), str(kept.get("digest", "")), kept)
    return hmac.compare_digest(expected, content["seal"])
