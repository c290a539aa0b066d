"""Checks a workbook file before python-calamine sees it, so hostile files fail fast and small.

calamine builds a dense grid over a sheet's used area: one value at XFD1048576 asks for ~550 GB
and the Rust allocator aborts the whole process (measured), and a 1,000,000-row sheet costs
~250 MB and ~1.7 s before the first row comes back. So the file is sniffed by its bytes, zip
archives are checked against their declared sizes, and every XML part is streamed once through
zlib (never fully in memory) looking for DTDs, too many rows and far-away cells.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

from coursekeeper.excel.errors import (
    HostileWorkbookError,
    PasswordProtectedError,
    UnreadableWorkbookError,
    WorkbookTooLargeError,
)
from coursekeeper.i18n import tr

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB  # on disk
MAX_UNPACKED_BYTES = 250 * MB  # all parts of a zip together, as declared and as really unpacked
MAX_RATIO = 100  # unpacked/packed for one part; real sheets measure 5-30×
RATIO_FLOOR_BYTES = 10 * MB  # small parts may compress as hard as they like
MAX_ZIP_ENTRIES = 10_000
MAX_DATA_ROWS = 100_000  # stated limit for one import
MAX_SHEET_ROWS = MAX_DATA_ROWS + 20  # room for title rows and the header above the data
MAX_CELLS = 5_000_000  # rows × columns of one sheet's used area (~160 MB inside calamine)
# Text of one sheet as calamine will hold it: each cell naming a shared string gets its own copy,
# so 1,000 cells × one 300 kB string are 300 MB. A 100,000-row list holds ~20-40 MB.
MAX_SHEET_TEXT_BYTES = 100 * MB
_CHUNK = 4 * MB

_ZIP_MAGIC = b"PK\x03\x04"
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
# A DTD is never part of OOXML or ODF; refusing it stops entity expansion ("billion laughs").
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_UTF16_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")
# A valued cell (not self-closed) whose column has 2+ letters or whose row has 6+ digits: the
# only cells that can make the used area big. Normal lists never match, so the scan stays cheap.
# (No leading \s: a literal start lets the regex engine skip ahead fast; ~4× quicker.)
# Matched from `="`, whatever attribute name and spacing come before the `=`, so r ="…" is seen.
_FAR_CELL = re.compile(rb'="([A-Za-z]{2,3}[0-9]{1,7}|[A-Za-z][0-9]{6,7})"[^>/]*>')
# XML also allows r='…' and r= "…"; no writer of real workbooks uses them, so the slower pattern
# runs only on chunks where an `=` is not followed by `"` (one fast scan, unlike ten finds).
_ODD_ATTRIBUTE = re.compile(rb'=[^"]')
_FAR_CELL_ANY_QUOTE = re.compile(
    rb"""=\s*["']\s*([A-Za-z]{2,3}[0-9]{1,7}|[A-Za-z][0-9]{6,7})\s*["'][^>/]*>"""
)
_ANY_CELL = re.compile(rb"""\sr\s*=\s*["']\s*([A-Za-z]{1,3})([0-9]{1,7})\s*["'][^>/]*>""")
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is|f)[\s>/]")
_SHARED_CELLS = re.compile(rb"""\st\s*=\s*["']s["']""")
_SHARED_INDEX = re.compile(rb"""\st\s*=\s*["']s["'][^>]*>\s*<(?:\w+:)?v>\s*([0-9]{1,10})""")
_SHARED_END = re.compile(rb"</(?:\w+:)?si>")
_PREFIXED_ROW_END = re.compile(rb"</[A-Za-z_][\w.-]*:row>")
_ODS_TOKEN = re.compile(rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>")
_ODS_REPEAT = re.compile(rb'number-(rows|columns)-repeated="([0-9]+)"')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')


@dataclass
class Inspection:
    """What the checks learned: the file's real kind and, per sheet, a reason to refuse it."""

    kind: str  # "xlsx", "ods" or "xls"
    sheet_problems: dict[str, UnreadableWorkbookError] = field(default_factory=dict)
    # Sheets seen holding a value (xlsx, ods), so only the chosen sheet is ever loaded; None: not known.
    sheets_with_values: set[str] | None = None


def display_name(path: Path) -> str:
    """The file name for a one-line message: control characters written as escapes (``\\n``)."""
    return _escaped(path.name)


def _escaped(text: str) -> str:
    # The same escapes as the command line's one_line, so a name reads alike in both places.
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A → 0, Z → 25, AA → 26."""
    value = 0
    for ch in letters:
        value = value * 26 + ord(ch) - 64
    return value - 1


def inspect_file(path: Path) -> Inspection:
    """Sniff and check ``path``; raises one UnreadableWorkbookError subclass or returns findings."""
    name = display_name(path)
    try:
        # Regular files only: opening a named pipe called x.xlsx would wait forever.
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):
            raise UnreadableWorkbookError(
                tr(
                    "«{fil}» er ikke en vanlig fil (kanskje en enhet eller et rør) og kan ikke leses.",
                    fil=name,
                )
            )
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the check
                raise UnreadableWorkbookError(
                    tr("«{fil}» er ikke en vanlig fil og kan ikke leses.", fil=name)
                )
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(8)
    except FileNotFoundError:
        raise UnreadableWorkbookError(tr("Finner ikke filen «{fil}».", fil=_shown_path(path))) from None
    except PermissionError:
        raise UnreadableWorkbookError(
            tr("Har ikke lov til å lese «{fil}». Lukk filen i Excel og prøv igjen.", fil=name)
        ) from None
    except IsADirectoryError:
        raise UnreadableWorkbookError(tr("«{fil}» er en mappe, ikke et regneark.", fil=name)) from None
    except OSError as exc:
        raise UnreadableWorkbookError(
            tr("Kan ikke lese «{fil}»: {grunn}.", fil=name, grunn=exc.strerror or type(exc).__name__)
        ) from None
    if size > MAX_FILE_BYTES:
        raise WorkbookTooLargeError(
            tr(
                "«{fil}» er {mb} MB. CourseKeeper leser regneark på høyst {grense} MB; "
                "del listen i flere filer.",
                fil=name,
                mb=size // MB,
                grense=MAX_FILE_BYTES // MB,
            )
        )
    if size == 0:
        raise UnreadableWorkbookError(tr("«{fil}» er tom (0 byte) og kan ikke leses.", fil=name))
    if head.startswith(_ZIP_MAGIC):
        return _inspect_zip(path)
    if head.startswith(_CFB_MAGIC):
        return _inspect_cfb(path)
    raise not_a_workbook(path)


def _shown_path(path: Path) -> str:
    return _escaped(str(path))


def not_a_workbook(path: Path) -> UnreadableWorkbookError:
    """The message for a file that is no workbook, with a hint when it is text (CSV, HTML)."""
    with path.open("rb") as handle:
        sample = handle.read(4096)
    name = display_name(path)
    if _looks_like_text(sample):
        return UnreadableWorkbookError(
            tr(
                "«{fil}» er en tekstfil (for eksempel CSV eller HTML), ikke et regneark. "
                "Åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx).",
                fil=name,
            )
        )
    return UnreadableWorkbookError(
        tr(
            "«{fil}» er ikke et regneark. Bruk en Excel-fil (.xlsx, .xlsm eller .xls) eller en "
            "LibreOffice-fil (.ods).",
            fil=name,
        )
    )


def damaged(path: Path) -> UnreadableWorkbookError:
    """The message for a truncated or corrupt workbook."""
    return UnreadableWorkbookError(
        tr(
            "«{fil}» er skadet eller ufullstendig og kan ikke leses. "
            "Be om en ny kopi av filen, eller åpne den i Excel og lagre den på nytt.",
            fil=display_name(path),
        )
    )


def password_protected() -> PasswordProtectedError:
    """The message for an encrypted workbook."""
    return PasswordProtectedError(tr("Filen er passordbeskyttet. Fjern passordet i Excel og prøv igjen."))


def hostile(path: Path, what: str) -> HostileWorkbookError:
    """The message for a file built to hurt: ``what`` says what was found."""
    return HostileWorkbookError(
        tr(
            "«{fil}» inneholder {hva}, noe ekte regneark aldri har. Filen kan være laget for å skade, "
            "og blir ikke lest.",
            fil=display_name(path),
            hva=what,
        )
    )


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(sample) - 4:
            try:
                sample.decode("cp1252")
            except UnicodeDecodeError:
                return False
    printable = sum(1 for b in sample if b >= 32 or b in (9, 10, 13))
    return printable / max(len(sample), 1) > 0.95


def _inspect_cfb(path: Path) -> Inspection:
    """An OLE file: refuse an encrypted .xlsx, and an .xls whose sheets claim a huge grid."""
    data = path.read_bytes()
    _refuse_encrypted_cfb(data)
    try:
        stream = _cfb_stream(data, ("Workbook", "Book"))
    except (struct.error, IndexError, ValueError):
        stream = None  # a broken container: calamine says "damaged" in the child
    inspection = Inspection(kind="xls")
    if stream:
        for sheet, (rows, columns, ref) in _xls_sheet_extents(stream).items():
            if rows > MAX_SHEET_ROWS or rows * columns > MAX_CELLS:
                inspection.sheet_problems[sheet] = far_cell(sheet, ref)
    if inspection.sheet_problems:  # calamine builds every sheet of an .xls when it opens it
        raise next(iter(inspection.sheet_problems.values()))
    return inspection


def _refuse_encrypted_cfb(data: bytes) -> None:
    """An encrypted .xlsx is an OLE container with an ``EncryptionInfo`` stream: say so."""
    # Directory entries are 128-byte records starting at multiples of 128; the name is UTF-16LE
    # and followed (at +64) by its byte length including the terminator. Matching both is a
    # reliable sign without a full compound-file parser.
    for stream in ("EncryptionInfo", "EncryptedPackage"):
        needle = stream.encode("utf-16-le")
        start = data.find(needle)
        while start != -1:
            length = int.from_bytes(data[start + 64 : start + 66], "little")
            if start % 128 == 0 and length == 2 * (len(stream) + 1):
                raise password_protected()
            start = data.find(needle, start + 1)


def _cfb_stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """The first stream called one of ``names`` in an OLE compound file (FAT or mini stream)."""
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini = 1 << struct.unpack_from("<H", data, 0x20)[0]
    if sector not in (512, 4096) or mini != 64:
        raise ValueError("not a compound file")
    first_dir, _, cutoff, first_minifat, _, first_difat, difat_count = struct.unpack_from("<7I", data, 0x30)

    def at(number: int) -> bytes:
        start = (number + 1) * sector
        if start + sector > len(data) + sector:
            raise IndexError(number)
        return data[start : start + sector]

    fat_sectors = [n for n in struct.unpack_from("<109I", data, 0x4C) if n < 0xFFFFFFFA]
    next_difat = first_difat
    for _ in range(min(difat_count, len(data) // sector + 1)):
        if next_difat >= 0xFFFFFFFA:
            break
        block = struct.unpack(f"<{sector // 4}I", at(next_difat))
        fat_sectors += [n for n in block[:-1] if n < 0xFFFFFFFA]
        next_difat = block[-1]
    fat = array("I", b"".join(at(n) for n in fat_sectors))

    def chain(start: int, table: array, read: Callable[[int], bytes]) -> bytes:
        parts, seen = [], 0
        while start < 0xFFFFFFFA and seen <= len(table):
            parts.append(read(start))
            start, seen = table[start], seen + 1
        return b"".join(parts)

    directory = chain(first_dir, fat, at)
    root = directory[:128]
    for offset in range(0, len(directory) - 127, 128):
        entry = directory[offset : offset + 128]
        length = min(struct.unpack_from("<H", entry, 64)[0], 64)
        name = entry[: max(length - 2, 0)].decode("utf-16-le", "replace")
        if entry[66] != 2 or name not in names:
            continue
        start, size = struct.unpack_from("<IQ", entry, 116)
        size &= 0xFFFFFFFF if sector == 512 else size
        if size >= cutoff:
            return chain(start, fat, at)[:size]
        minifat = array("I", chain(first_minifat, fat, at))
        ministream = chain(struct.unpack_from("<I", root, 116)[0], fat, at)
        return chain(start, minifat, lambda n, small=ministream: small[n * mini : (n + 1) * mini])[:size]
    return None


_XLS_BOF, _XLS_EOF, _XLS_DIMENSIONS, _XLS_BOUNDSHEET = 0x0809, 0x000A, 0x0200, 0x0085
# Records holding a value at (row, column): FORMULA, LABELSST, NUMBER, RK, LABEL, BOOLERR, RSTRING.
_XLS_CELLS = frozenset({0x0006, 0x00FD, 0x0203, 0x027E, 0x0204, 0x0205, 0x00D6})
_XLS_MULRK = 0x00BD


def _xls_sheet_extents(stream: bytes) -> dict[str, tuple[int, int, str]]:
    """Per worksheet of a BIFF stream: rows and columns its grid would span, and the far cell."""
    names: list[str] = []
    extents: dict[str, tuple[int, int, str]] = {}
    position, sheet_index, in_sheet = 0, -1, False
    top = left = bottom = right = -1
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        record = stream[position + 4 : position + 4 + size]
        position += 4 + size
        if kind == _XLS_BOUNDSHEET and len(record) >= 8:
            names.append(_xls_sheet_name(record))
        elif kind == _XLS_BOF and len(record) >= 4:
            in_sheet = struct.unpack_from("<H", record, 2)[0] == 0x0010
            if in_sheet:
                sheet_index += 1
                top = left = bottom = right = -1
        elif not in_sheet:
            continue
        elif kind == _XLS_EOF:
            if bottom >= 0:
                name = names[sheet_index] if sheet_index < len(names) else str(sheet_index + 1)
                extents[name] = (bottom - top + 1, right - left + 1, f"{column_letters(right)}{bottom + 1}")
            in_sheet = False
        elif kind == _XLS_DIMENSIONS and len(record) >= 10:
            if len(record) >= 14:
                first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", record)
            else:
                first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", record)
            if last_row > first_row and last_col > first_col:  # "last" is one past the end here
                top, bottom = _widen(top, bottom, first_row, last_row - 1)
                left, right = _widen(left, right, first_col, last_col - 1)
        elif (kind in _XLS_CELLS or kind == _XLS_MULRK) and len(record) >= 6:
            row, col = struct.unpack_from("<HH", record)
            last = struct.unpack_from("<H", record, len(record) - 2)[0] if kind == _XLS_MULRK else col
            top, bottom = _widen(top, bottom, row, row)
            left, right = _widen(left, right, col, max(col, last))
    return extents


def _widen(low: int, high: int, first: int, last: int) -> tuple[int, int]:
    return (first if low < 0 else min(low, first)), max(high, last)


def _xls_sheet_name(record: bytes) -> str:
    length, flags = record[6], record[7] if len(record) > 7 else 0
    if flags & 1:
        return record[8 : 8 + 2 * length].decode("utf-16-le", "replace")
    return record[8 : 8 + length].decode("latin-1")


def _inspect_zip(path: Path) -> Inspection:
    try:
        with zipfile.ZipFile(path) as archive:
            return _inspect_archive(path, archive)
    except UnreadableWorkbookError:
        raise
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        if "encrypted" in str(exc):
            raise password_protected() from None
        raise damaged(path) from None
    except (MemoryError, RecursionError):
        raise hostile(path, tr("en zip-struktur som krever urimelig mye minne")) from None
    except Exception:  # BadZipFile, zlib.error, EOFError, NotImplementedError ("zip file version")…
        raise damaged(path) from None


def _inspect_archive(path: Path, archive: zipfile.ZipFile) -> Inspection:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "[Content_Types].xml" in names:
        kind = "xlsx"
    elif "content.xml" in names and _ods_mimetype(archive, names):
        kind = "ods"
    else:
        raise UnreadableWorkbookError(
            tr(
                "«{fil}» er en zip-fil, men ikke et regneark (kanskje et Word-dokument?). "
                "Bruk en Excel-fil (.xlsx, .xlsm eller .xls) eller en LibreOffice-fil (.ods).",
                fil=display_name(path),
            )
        )
    _check_declared_sizes(path, infos)
    inspection = Inspection(kind=kind, sheets_with_values=set())
    sheet_parts, shared_part = _xlsx_sheet_parts(path, archive) if kind == "xlsx" else ({}, None)
    shared = array("I")
    if shared_part in names:
        shared = _shared_string_lengths(path, archive, archive.getinfo(shared_part))
    for info in infos:
        if not info.filename.endswith((".xml", ".rels", ".vml")) or info.filename == shared_part:
            continue
        if info.filename in sheet_parts:
            sheet = sheet_parts[info.filename]
            problem, has_values = _scan_xlsx_sheet(path, archive, info, sheet, shared)
            if problem:
                inspection.sheet_problems[sheet] = problem
            if has_values:
                inspection.sheets_with_values.add(sheet)
        elif kind == "ods" and info.filename == "content.xml":
            problems, with_values = _scan_ods_content(path, archive, info)
            inspection.sheet_problems.update(problems)
            inspection.sheets_with_values |= with_values
        else:
            for _ in _stream_part(path, archive, info):
                pass
    return inspection


def _ods_mimetype(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if "mimetype" not in names:
        return True  # optional in ODF; content.xml decides then
    try:
        with archive.open("mimetype") as handle:
            return handle.read(200).strip().startswith(_ODS_MIME)
    except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError):
        return False


def _check_declared_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    name = display_name(path)
    if len(infos) > MAX_ZIP_ENTRIES:
        raise HostileWorkbookError(
            tr(
                "«{fil}» inneholder {antall} deler, langt flere enn et regneark har. "
                "Filen kan være laget for å skade, og blir ikke lest.",
                fil=name,
                antall=len(infos),
            )
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise HostileWorkbookError(
            tr(
                "«{fil}» pakker seg ut til {mb} MB, mer enn grensen på {grense} MB. Filen er for stor "
                "eller laget for å skade (zip-bombe), og blir ikke lest.",
                fil=name,
                mb=total // MB,
                grense=MAX_UNPACKED_BYTES // MB,
            )
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise HostileWorkbookError(
                tr(
                    "«{fil}» er mistenkelig hardt komprimert: delen «{del_}» blir {ganger} ganger større "
                    "({mb} MB) når den pakkes ut; grensen er {grense} ganger. Filen kan være en zip-bombe "
                    "og blir ikke lest.",
                    fil=name,
                    del_=info.filename,
                    ganger=f"{ratio:.0f}",
                    mb=info.file_size // MB,
                    grense=MAX_RATIO,
                )
            )


def _stream_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """Yield a part in chunks cut after a ``>``, refusing DTDs; zipfile checks size and CRC."""
    if info.file_size > MAX_UNPACKED_BYTES:
        raise _part_too_big(path, info.filename)
    carry = b""
    first = True
    with archive.open(info) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            if first and chunk.startswith(_UTF16_STARTS):
                # Excel and LibreOffice write UTF-8; the byte scans here would miss UTF-16.
                raise UnreadableWorkbookError(
                    tr(
                        "«{fil}» bruker en tegnkoding (UTF-16) som CourseKeeper ikke leser. "
                        "Åpne filen i Excel og lagre den på nytt som .xlsx.",
                        fil=display_name(path),
                    )
                )
            first = False
            data = carry + chunk
            if not chunk:
                if data:
                    _refuse_dtd(path, info, data)
                    yield data
                return
            cut = data.rfind(b">") + 1
            carry, data = data[cut:], data[:cut]
            if len(carry) > _CHUNK:  # no ">" in megabytes of XML: not a real part
                raise damaged(path)
            _refuse_dtd(path, info, data)
            yield data


def _part_too_big(path: Path, part: str) -> HostileWorkbookError:
    return HostileWorkbookError(
        tr("«{fil}»: delen «{del_}» er urimelig stor og blir ikke lest.", fil=display_name(path), del_=part)
    )


def _refuse_dtd(path: Path, info: zipfile.ZipInfo, data: bytes) -> None:
    # b"!" first: a single byte is found with memchr, ~10× faster than b"<!" in a 6 MB sheet.
    if b"!" in data and b"<!" in data and any(marker in data for marker in _DTD_MARKERS):
        raise HostileWorkbookError(
            tr(
                "«{fil}» inneholder XML-definisjoner (DTD/entiteter i «{del_}») som ekte regneark "
                "aldri har. Filen kan være laget for å skade, og blir ikke lest.",
                fil=display_name(path),
                del_=info.filename,
            )
        )


def _xlsx_sheet_parts(path: Path, archive: zipfile.ZipFile) -> tuple[dict[str, str], str | None]:
    """Worksheet part name → sheet name, and the shared strings part, from the relationships."""
    root_rels = _small_xml(path, archive, "_rels/.rels")
    main = next(
        (r.get("Target", "") for r in _children(root_rels, "Relationship")
         if r.get("Type", "").endswith("/officeDocument")),
        "xl/workbook.xml",
    )  # fmt: skip
    main = main.lstrip("/")
    folder, base = posixpath.split(main)
    workbook = _small_xml(path, archive, main)
    rels = _small_xml(path, archive, posixpath.join(folder, "_rels", base + ".rels"))
    targets = {}
    shared = None
    for rel in _children(rels, "Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        targets[rel.get("Id")] = posixpath.normpath(target)
        if rel.get("Type", "").endswith("/sharedStrings"):
            shared = targets[rel.get("Id")]
    parts = {}
    for sheet in _children(workbook, "sheet"):
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        if rid in targets:
            parts[targets[rid]] = sheet.get("name", "")
    return parts, shared


def _small_xml(path: Path, archive: zipfile.ZipFile, part: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    if info.file_size > 20 * MB:
        raise _part_too_big(path, part)
    data = b"".join(_stream_part(path, archive, info))
    try:
        return ElementTree.fromstring(data)
    except Exception:  # defusedxml raises its own kinds besides ParseError
        raise damaged(path) from None


def _children(root: ElementTree.Element | None, local: str) -> list[ElementTree.Element]:
    if root is None:
        return []
    return [el for el in root.iter() if el.tag == local or el.tag.endswith("}" + local)]


def _shared_string_lengths(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> array:
    """Byte length of each shared string with its markup (an upper bound of its text), by index."""
    lengths = array("I")
    pending = 0  # the start of a string cut at a chunk's end
    for data in _stream_part(path, archive, info):
        # split and map(len) run in C: a Python loop per string cost ~40 ms on a 10,000-row list.
        parts = _SHARED_END.split(data) if b":si>" in data else data.split(b"</si>")
        if len(parts) == 1:
            pending += len(data)
            continue
        lengths.append(pending + len(parts[0]))
        lengths.extend(map(len, parts[1:-1]))
        pending = len(parts[-1])
    return lengths


def _scan_xlsx_sheet(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str, shared: array
) -> tuple[UnreadableWorkbookError | None, bool]:
    """Reason to refuse one worksheet part (rows, far cells, repeated text) and whether it has values."""
    rows, shared_cells, has_values = 0, 0, False
    far_col, far_row, far_col_row, far_row_col = -1, 0, 0, 0  # widest and deepest far cells
    for data in _stream_part(path, archive, info):
        rows += data.count(b"</row>")
        if b":row>" in data:
            rows += len(_PREFIXED_ROW_END.findall(data))
        if rows > MAX_SHEET_ROWS:
            return too_many_rows(sheet), True
        has_values = has_values or _VALUE.search(data) is not None
        odd = _ODD_ATTRIBUTE.search(data) is not None
        if shared:
            shared_cells += len(_SHARED_CELLS.findall(data)) if odd else data.count(b' t="s"')
        for ref in (_FAR_CELL_ANY_QUOTE if odd else _FAR_CELL).findall(data):
            letters, digits = _split_ref(ref)
            col, row = column_index(letters), int(digits)
            if col > far_col:
                far_col, far_col_row = col, row
            if row > far_row:
                far_row, far_row_col = row, col
    if (
        shared_cells
        and shared_cells * max(shared, default=0) > MAX_SHEET_TEXT_BYTES
        and _shared_text_bytes(path, archive, info, shared) > MAX_SHEET_TEXT_BYTES
    ):
        return repeated_text(sheet), has_values
    if far_row > MAX_SHEET_ROWS:
        return far_cell(sheet, f"{column_letters(far_row_col)}{far_row}"), has_values
    if far_col < 0:
        return None, has_values  # at most 26 columns and fewer than 100,000 rows: small by construction
    # Many columns: measure the used area exactly with a full (slower, rare) pass.
    min_row, min_col, top_row = MAX_CELLS, 16384, 0
    for data in _stream_part(path, archive, info):
        for col, row in _ANY_CELL.findall(data):
            r, c = int(row), column_index(col.decode().upper())
            min_row, top_row, min_col = min(min_row, r), max(top_row, r), min(min_col, c)
    area = (top_row - min_row + 1) * (far_col - min_col + 1)
    if area > MAX_CELLS:
        return far_cell(sheet, f"{column_letters(far_col)}{far_col_row}"), has_values
    return None, has_values


def _shared_text_bytes(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, shared: array) -> int:
    """The text a sheet's shared-string cells add up to, each cell counted with its own copy."""
    total, count = 0, len(shared)
    for data in _stream_part(path, archive, info):
        for index in _SHARED_INDEX.findall(data):
            number = int(index)
            total += shared[number] if number < count else 0
        if total > MAX_SHEET_TEXT_BYTES:
            break
    return total


def _split_ref(ref: bytes) -> tuple[str, str]:
    text = ref.decode().strip().upper()
    digits = len(text) - len(text.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return text[:digits], text[digits:]


def too_many_rows(sheet: str) -> WorkbookTooLargeError:
    """Refusal for a sheet over the row limit."""
    limit = f"{MAX_DATA_ROWS:,}".replace(",", " ")
    return WorkbookTooLargeError(
        tr(
            "Arket «{ark}» har mer enn {grense} rader. CourseKeeper leser høyst {grense} rader om gangen; "
            "del listen i flere filer og les dem inn hver for seg.",
            ark=sheet,
            grense=limit,
        )
    )


def far_cell(sheet: str, ref: str) -> HostileWorkbookError:
    """Refusal for a sheet with content far outside the data (a grid too big to build)."""
    return HostileWorkbookError(
        tr(
            "Arket «{ark}» har innhold i celle {celle}, langt utenfor resten av dataene. Slett innholdet "
            "i de tomme radene og kolonnene (eller kopier dataene til et nytt ark) og prøv igjen.",
            ark=sheet,
            celle=ref,
        )
    )


def repeated_text(sheet: str) -> HostileWorkbookError:
    """Refusal for a sheet repeating long text in so many cells that it fills hundreds of MB."""
    return HostileWorkbookError(
        tr(
            "Arket «{ark}» gjentar lang tekst i så mange celler at det blir mer enn {grense} MB tekst. "
            "Filen kan være laget for å skade, og blir ikke lest.",
            ark=sheet,
            grense=MAX_SHEET_TEXT_BYTES // MB,
        )
    )


def _scan_ods_content(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo
) -> tuple[dict[str, UnreadableWorkbookError], set[str]]:
    """Per table of an ODS content.xml, a reason to refuse it (repeated cells make big grids)."""
    problems: dict[str, UnreadableWorkbookError] = {}
    with_values: set[str] = set()
    table, row, last_row, max_col, valued_rows = "", 0, 0, 0, 0
    row_repeat, col, row_max_col = 1, 0, 0
    for data in _stream_part(path, archive, info):
        for closing, tag, attrs, self_closed in _ODS_TOKEN.findall(data):
            if tag == b"table":
                if closing:
                    if valued_rows:
                        with_values.add(table)
                    if table not in problems and last_row * max_col > MAX_CELLS:
                        problems[table] = far_cell(table, f"{column_letters(max_col - 1)}{last_row}")
                    continue
                found = _ODS_NAME.search(attrs)
                table = html.unescape(found.group(1).decode("utf-8", "replace")) if found else ""
                row, last_row, max_col, valued_rows = 0, 0, 0, 0
            elif tag == b"table-row":
                if not closing:
                    row_repeat, col, row_max_col = _ods_repeat(attrs, b"rows"), 0, 0
                if closing or self_closed:
                    if row_max_col:
                        last_row, max_col = row + row_repeat, max(max_col, row_max_col)
                        valued_rows += row_repeat
                    row += row_repeat
                    if last_row > MAX_SHEET_ROWS and table not in problems:
                        problems[table] = (
                            too_many_rows(table)
                            if valued_rows > MAX_SHEET_ROWS
                            else far_cell(table, f"{column_letters(row_max_col - 1)}{last_row}")
                        )
            elif not closing:
                repeat = _ods_repeat(attrs, b"columns")
                if b"value-type" in attrs or not self_closed:
                    row_max_col = col + repeat
                col += repeat
    return problems, with_values


def _ods_repeat(attrs: bytes, which: bytes) -> int:
    for kind, count in _ODS_REPEAT.findall(attrs):
        if kind == which:
            return max(int(count), 1)
    return 1
