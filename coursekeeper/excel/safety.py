"""Checks a workbook file before python-calamine sees it, so hostile files fail fast and small.

calamine builds a dense grid over a sheet's used area: one value at XFD1048576 asks for ~550 GB
and the Rust allocator aborts the whole process (measured), and a 1,000,000-row sheet costs
~250 MB and ~1.7 s before the first row comes back. So the file is sniffed by its bytes, zip
archives are checked against their declared sizes, and every XML part is streamed once through
zlib (never fully in memory) looking for DTDs, too many rows and far-away cells.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

from coursekeeper.excel.errors import (
    HostileWorkbookError,
    PasswordProtectedError,
    UnreadableWorkbookError,
    WorkbookTooLargeError,
)

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB  # on disk
MAX_UNPACKED_BYTES = 250 * MB  # all parts of a zip together, as declared and as really unpacked
MAX_RATIO = 100  # unpacked/packed for one part; real sheets measure 5-30×
RATIO_FLOOR_BYTES = 10 * MB  # small parts may compress as hard as they like
MAX_ZIP_ENTRIES = 10_000
MAX_DATA_ROWS = 100_000  # stated limit for one import
MAX_SHEET_ROWS = MAX_DATA_ROWS + 20  # room for title rows and the header above the data
MAX_CELLS = 5_000_000  # rows × columns of one sheet's used area (~160 MB inside calamine)
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
_FAR_CELL = re.compile(rb'r="([A-Z]{2,3}[0-9]{1,7}|[A-Z][0-9]{6,7})"[^>/]*>')
_ANY_CELL = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"[^>/]*>')
_PREFIXED_ROW_END = re.compile(rb"</[A-Za-z_][\w.-]*:row>")
_ODS_TOKEN = re.compile(rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>")
_ODS_REPEAT = re.compile(rb'number-(rows|columns)-repeated="([0-9]+)"')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')


@dataclass
class Inspection:
    """What the checks learned: the file's real kind and, per sheet, a reason to refuse it."""

    kind: str  # "xlsx", "ods" or "xls"
    sheet_problems: dict[str, UnreadableWorkbookError] = field(default_factory=dict)


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
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UnreadableWorkbookError(f"Finner ikke filen «{path}».") from None
    except PermissionError:
        raise UnreadableWorkbookError(
            f"Har ikke lov til å lese «{name}». Lukk filen i Excel og prøv igjen."
        ) from None
    except IsADirectoryError:
        raise UnreadableWorkbookError(f"«{name}» er en mappe, ikke et regneark.") from None
    except OSError as exc:
        raise UnreadableWorkbookError(f"Kan ikke lese «{name}»: {exc.strerror}.") from None
    if size > MAX_FILE_BYTES:
        raise WorkbookTooLargeError(
            f"«{name}» er {size // MB} MB. CourseKeeper leser regneark på høyst "
            f"{MAX_FILE_BYTES // MB} MB; del listen i flere filer."
        )
    if size == 0:
        raise UnreadableWorkbookError(f"«{name}» er tom (0 byte) og kan ikke leses.")
    if head.startswith(_ZIP_MAGIC):
        return _inspect_zip(path)
    if head.startswith(_CFB_MAGIC):
        _refuse_encrypted_cfb(path)
        return Inspection(kind="xls")
    raise not_a_workbook(path)


def not_a_workbook(path: Path) -> UnreadableWorkbookError:
    """The message for a file that is no workbook, with a hint when it is text (CSV, HTML)."""
    with path.open("rb") as handle:
        sample = handle.read(4096)
    accepted = "Bruk en Excel-fil (.xlsx, .xlsm eller .xls) eller en LibreOffice-fil (.ods)."
    if _looks_like_text(sample):
        return UnreadableWorkbookError(
            f"«{path.name}» er en tekstfil (for eksempel CSV eller HTML), ikke et regneark. "
            "Åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx)."
        )
    return UnreadableWorkbookError(f"«{path.name}» er ikke et regneark. {accepted}")


def damaged(path: Path) -> UnreadableWorkbookError:
    """The message for a truncated or corrupt workbook."""
    return UnreadableWorkbookError(
        f"«{path.name}» er skadet eller ufullstendig og kan ikke leses. "
        "Be om en ny kopi av filen, eller åpne den i Excel og lagre den på nytt."
    )


def password_protected() -> PasswordProtectedError:
    """The message for an encrypted workbook."""
    return PasswordProtectedError("Filen er passordbeskyttet. Fjern passordet i Excel og prøv igjen.")


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


def _refuse_encrypted_cfb(path: Path) -> None:
    """An encrypted .xlsx is an OLE container with an ``EncryptionInfo`` stream: say so."""
    # Directory entries are 128-byte records starting at multiples of 128; the name is UTF-16LE
    # and followed (at +64) by its byte length including the terminator. Matching both is a
    # reliable sign without a full compound-file parser.
    with path.open("rb") as handle:
        data = handle.read()
    for stream in ("EncryptionInfo", "EncryptedPackage"):
        needle = stream.encode("utf-16-le")
        start = data.find(needle)
        while start != -1:
            length = int.from_bytes(data[start + 64 : start + 66], "little")
            if start % 128 == 0 and length == 2 * (len(stream) + 1):
                raise password_protected()
            start = data.find(needle, start + 1)


def _inspect_zip(path: Path) -> Inspection:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise damaged(path) from None
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if "[Content_Types].xml" in names:
            kind = "xlsx"
        elif "content.xml" in names and _ods_mimetype(archive, names):
            kind = "ods"
        else:
            raise UnreadableWorkbookError(
                f"«{path.name}» er en zip-fil, men ikke et regneark (kanskje et Word-dokument?). "
                "Bruk en Excel-fil (.xlsx, .xlsm eller .xls) eller en LibreOffice-fil (.ods)."
            )
        _check_declared_sizes(path, infos)
        inspection = Inspection(kind=kind)
        try:
            sheet_parts = _xlsx_sheet_parts(path, archive) if kind == "xlsx" else {}
            for info in infos:
                if not info.filename.endswith((".xml", ".rels", ".vml")):
                    continue
                if info.filename in sheet_parts:
                    sheet = sheet_parts[info.filename]
                    problem = _scan_xlsx_sheet(path, archive, info, sheet)
                    if problem:
                        inspection.sheet_problems[sheet] = problem
                elif kind == "ods" and info.filename == "content.xml":
                    inspection.sheet_problems.update(_scan_ods_content(path, archive, info))
                else:
                    for _ in _stream_part(path, archive, info):
                        pass
        except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
            if "encrypted" in str(exc):
                raise password_protected() from None
            raise damaged(path) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
            raise damaged(path) from None
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
    if len(infos) > MAX_ZIP_ENTRIES:
        raise HostileWorkbookError(
            f"«{path.name}» inneholder {len(infos)} deler, langt flere enn et regneark har. "
            "Filen kan være laget for å skade, og blir ikke lest."
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise HostileWorkbookError(
            f"«{path.name}» pakker seg ut til {total // MB} MB, mer enn grensen på "
            f"{MAX_UNPACKED_BYTES // MB} MB. Filen er for stor eller laget for å skade "
            "(zip-bombe), og blir ikke lest."
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise HostileWorkbookError(
                f"«{path.name}» er mistenkelig hardt komprimert: delen «{info.filename}» blir "
                f"{ratio:.0f} ganger større ({info.file_size // MB} MB) når den pakkes ut; "
                f"grensen er {MAX_RATIO} ganger. Filen kan være en zip-bombe og blir ikke lest."
            )


def _stream_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """Yield a part in chunks cut after a ``>``, refusing DTDs; zipfile checks size and CRC."""
    if info.file_size > MAX_UNPACKED_BYTES:
        raise HostileWorkbookError(f"«{path.name}»: delen «{info.filename}» er for stor.")
    carry = b""
    first = True
    with archive.open(info) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            if first and chunk.startswith(_UTF16_STARTS):
                # Excel and LibreOffice write UTF-8; the byte scans here would miss UTF-16.
                raise UnreadableWorkbookError(
                    f"«{path.name}» bruker en tegnkoding (UTF-16) som CourseKeeper ikke leser. "
                    "Åpne filen i Excel og lagre den på nytt som .xlsx."
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


def _refuse_dtd(path: Path, info: zipfile.ZipInfo, data: bytes) -> None:
    # b"!" first: a single byte is found with memchr, ~10× faster than b"<!" in a 6 MB sheet.
    if b"!" in data and b"<!" in data and any(marker in data for marker in _DTD_MARKERS):
        raise HostileWorkbookError(
            f"«{path.name}» inneholder XML-definisjoner (DTD/entiteter i «{info.filename}») som "
            "ekte regneark aldri har. Filen kan være laget for å skade, og blir ikke lest."
        )


def _xlsx_sheet_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name → sheet name, from the package and workbook relationships."""
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
    for rel in _children(rels, "Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        targets[rel.get("Id")] = posixpath.normpath(target)
    parts = {}
    for sheet in _children(workbook, "sheet"):
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        if rid in targets:
            parts[targets[rid]] = sheet.get("name", "")
    return parts


def _small_xml(path: Path, archive: zipfile.ZipFile, part: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    if info.file_size > 20 * MB:
        raise HostileWorkbookError(f"«{path.name}»: delen «{part}» er urimelig stor.")
    data = b"".join(_stream_part(path, archive, info))
    try:
        return ElementTree.fromstring(data)
    except Exception:  # defusedxml raises its own kinds besides ParseError
        raise damaged(path) from None


def _children(root: ElementTree.Element | None, local: str) -> list[ElementTree.Element]:
    if root is None:
        return []
    return [el for el in root.iter() if el.tag == local or el.tag.endswith("}" + local)]


def _scan_xlsx_sheet(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str
) -> UnreadableWorkbookError | None:
    """Reason to refuse one worksheet part, or None: too many rows or cells far out."""
    rows = 0
    far_col, far_row, far_col_row, far_row_col = -1, 0, 0, 0  # widest and deepest far cells
    for data in _stream_part(path, archive, info):
        rows += data.count(b"</row>")
        if b":row>" in data:
            rows += len(_PREFIXED_ROW_END.findall(data))
        if rows > MAX_SHEET_ROWS:
            return too_many_rows(sheet)
        for ref in _FAR_CELL.findall(data):
            letters, digits = _split_ref(ref)
            col, row = column_index(letters), int(digits)
            if col > far_col:
                far_col, far_col_row = col, row
            if row > far_row:
                far_row, far_row_col = row, col
    if far_col < 0:
        return None  # at most 26 columns and fewer than 100,000 rows: small by construction
    if far_row > MAX_SHEET_ROWS:
        return far_cell(sheet, f"{column_letters(far_row_col)}{far_row}")
    # Many columns: measure the used area exactly with a full (slower, rare) pass.
    min_row, min_col, top_row = MAX_CELLS, 16384, 0
    for data in _stream_part(path, archive, info):
        for col, row in _ANY_CELL.findall(data):
            r, c = int(row), column_index(col.decode())
            min_row, top_row, min_col = min(min_row, r), max(top_row, r), min(min_col, c)
    area = (top_row - min_row + 1) * (far_col - min_col + 1)
    if area > MAX_CELLS:
        return far_cell(sheet, f"{column_letters(far_col)}{far_col_row}")
    return None


def _split_ref(ref: bytes) -> tuple[str, str]:
    text = ref.decode()
    digits = len(text) - len(text.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return text[:digits], text[digits:]


def too_many_rows(sheet: str) -> WorkbookTooLargeError:
    """Refusal for a sheet over the row limit."""
    limit = f"{MAX_DATA_ROWS:,}".replace(",", " ")
    return WorkbookTooLargeError(
        f"Arket «{sheet}» har mer enn {limit} rader. CourseKeeper leser høyst {limit} rader "
        "om gangen; del listen i flere filer og les dem inn hver for seg."
    )


def far_cell(sheet: str, ref: str) -> HostileWorkbookError:
    """Refusal for a sheet with content far outside the data (a grid too big to build)."""
    return HostileWorkbookError(
        f"Arket «{sheet}» har innhold i celle {ref}, langt utenfor resten av dataene. Slett "
        "innholdet i de tomme radene og kolonnene (eller kopier dataene til et nytt ark) og "
        "prøv igjen."
    )


def _scan_ods_content(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo
) -> dict[str, UnreadableWorkbookError]:
    """Per table of an ODS content.xml, a reason to refuse it (repeated cells make big grids)."""
    problems: dict[str, UnreadableWorkbookError] = {}
    table, row, last_row, max_col, valued_rows = "", 0, 0, 0, 0
    row_repeat, col, row_max_col = 1, 0, 0
    for data in _stream_part(path, archive, info):
        for closing, tag, attrs, self_closed in _ODS_TOKEN.findall(data):
            if tag == b"table":
                if closing:
                    if table not in problems and last_row * max_col > MAX_CELLS:
                        problems[table] = far_cell(table, f"{column_letters(max_col - 1)}{last_row}")
                    continue
                found = _ODS_NAME.search(attrs)
                table = found.group(1).decode("utf-8", "replace") if found else ""
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
    return problems


def _ods_repeat(attrs: bytes, which: bytes) -> int:
    for kind, count in _ODS_REPEAT.findall(attrs):
        if kind == which:
            return max(int(count), 1)
    return 1
