"""Search keys that fold case and Norwegian spellings (Ø/ø, Æ/æ, Å/å, "aa") the same way."""

from __future__ import annotations

import re
import unicodedata

_FOLDS = (("aa", "å"), ("ae", "æ"), ("oe", "ø"), ("ä", "æ"), ("ö", "ø"))


def normalise_name(text: str) -> str:
    """Trimmed, single-spaced, NFC-normalised text (æøå kept as typed)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def search_key(text: str) -> str:
    """Case-folded key in which ``Ødegård``, ``ødegaard`` and ``ODEGÅRD`` differ only as typed.

    ``aa``/``ae``/``oe`` fold to ``å``/``æ``/``ø`` and then ``æøå`` are kept (they are letters of
    their own in Norwegian); other accents are stripped (``é`` → ``e``).
    """
    value = normalise_name(text).casefold()
    for old, new in _FOLDS:
        value = value.replace(old, new)
    decomposed = unicodedata.normalize("NFD", value)
    kept = []
    for ch in decomposed:
        if unicodedata.combining(ch) and kept and kept[-1] == "a" and ch == "\u030a":
            kept[-1] = "å"
            continue
        if not unicodedata.combining(ch):
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))
