"""The Qt-free message catalogue: texts built outside the GUI follow the chosen language.

Services, the domain, Excel and printing build refusals and notices that the user reads. They
write them in Norwegian Bokmål through :func:`tr` / :func:`tr_n`, with ``{name}`` placeholders
filled by keyword; the English texts live in ``resources/translations/coursekeeper_en.po`` (a
plain gettext catalogue, read here without a compile step). The desktop program calls
:func:`set_language` at start; the command line stays Norwegian unless told otherwise.

A label kept in a table is marked ``N_("Søkt")`` and shown with ``tr_marked(label)``.

``tests/unit/test_catalogue.py`` extracts every ``tr``/``tr_n``/``N_`` literal and fails when one has
no English text or its placeholders differ.
"""

from __future__ import annotations

import ast
import threading
from pathlib import Path

SOURCE_LANGUAGE = "nb"

_lock = threading.Lock()
_language = SOURCE_LANGUAGE
_catalogues: dict[str, dict[str, str | list[str]]] = {}


def set_language(code: str) -> None:
    """Make ``code`` (``nb`` or ``en``) the language of texts built from now on."""
    global _language
    _language = code or SOURCE_LANGUAGE


def language() -> str:
    """The language texts are built in now."""
    return _language


def tr(text: str, /, **values: object) -> str:
    """``text`` (Norwegian source) in the chosen language, with ``{name}`` placeholders filled."""
    translated = tr_marked(text)
    return translated.format(**values) if values else translated


def N_(text: str, /) -> str:
    """Mark ``text`` for the catalogue where it is kept for later (a table of labels); returns it as is."""
    return text


def tr_marked(text: str, /) -> str:
    """A text marked with :func:`N_` in the chosen language (no placeholders filled)."""
    translated = _lookup(text)
    return translated if isinstance(translated, str) and translated else text


def tr_n(singular: str, plural: str, n: int, /, **values: object) -> str:
    """The singular or plural form for ``n`` in the chosen language; ``{n}`` is filled with ``n``."""
    forms = _lookup(singular)
    if isinstance(forms, list) and len(forms) == 2 and all(forms):
        chosen = forms[0] if n == 1 else forms[1]
    else:
        chosen = singular if n == 1 else plural
    return chosen.format(n=n, **values)


def _lookup(msgid: str) -> str | list[str] | None:
    if _language == SOURCE_LANGUAGE:
        return None
    return _catalogue(_language).get(msgid)


def _catalogue(code: str) -> dict[str, str | list[str]]:
    with _lock:
        if code not in _catalogues:
            _catalogues[code] = read_po(catalogue_path(code)) if catalogue_path(code).exists() else {}
        return _catalogues[code]


def catalogue_path(code: str) -> Path:
    """Where the catalogue for ``code`` lives (beside the Qt translations)."""
    from coursekeeper import settings

    return settings.resources_dir() / "translations" / f"coursekeeper_{code}.po"


def read_po(path: Path) -> dict[str, str | list[str]]:
    """Parse a gettext ``.po`` file: msgid → msgstr, or msgid → [singular, plural] for plurals."""
    entries: dict[str, str | list[str]] = {}
    current: dict[str, str] = {}
    key = ""

    def flush() -> None:
        msgid = current.get("msgid", "")
        if msgid:
            if "msgid_plural" in current:
                entries[msgid] = [current.get("msgstr[0]", ""), current.get("msgstr[1]", "")]
            else:
                entries[msgid] = current.get("msgstr", "")
        current.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if not line and current:
                flush()
            continue
        if line.startswith('"'):
            current[key] = current.get(key, "") + _unquote(line)
            continue
        word, _, rest = line.partition(" ")
        if word == "msgid" and "msgid" in current:
            flush()
        key = word
        current[key] = _unquote(rest.strip())
    flush()
    return entries


def _unquote(quoted: str) -> str:
    return str(ast.literal_eval(quoted)) if quoted else ""
