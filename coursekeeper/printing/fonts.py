"""The embedded TrueType family (DejaVu Sans), so æøå render the same on every machine."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from coursekeeper.errors import CourseKeeperError
from coursekeeper.i18n import tr

logger = logging.getLogger(__name__)

REGULAR = "CKSans"
BOLD = "CKSans-Bold"
ITALIC = "CKSans-Oblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}

_registered_from: Path | None = None


@dataclass(frozen=True)
class FontSet:
    """Names of the registered faces to pass to ``canvas.setFont``."""

    regular: str = REGULAR
    bold: str = BOLD
    italic: str = ITALIC


def register_fonts(fonts_dir: Path) -> FontSet:
    """Register the TrueType faces from ``fonts_dir`` once per process; Norwegian error if absent."""
    global _registered_from
    fonts_dir = Path(fonts_dir)
    # Parsing a 700 kB TTF takes tens of milliseconds: do it once, not once per document.
    if _registered_from == fonts_dir:
        return FontSet()
    missing = [name for name in _FILES.values() if not (fonts_dir / name).is_file()]
    if missing:
        raise CourseKeeperError(
            tr("Skrifttypene som trengs for utskrift mangler i {folder}.", folder=fonts_dir),
            details=[tr("Mangler {name}", name=name) for name in missing]
            + [tr("Installer CourseKeeper på nytt.")],
        )
    try:
        for face, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(face, str(fonts_dir / file_name)))
    except (TTFError, OSError) as exc:
        logger.exception("Could not load fonts from %s", fonts_dir)
        raise CourseKeeperError(
            tr("Skrifttypene i {folder} kan ikke leses. Installer CourseKeeper på nytt.", folder=fonts_dir)
        ) from exc
    # Lets <b> and <i> in any reportlab paragraph find the matching faces.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    _registered_from = fonts_dir
    return FontSet()
