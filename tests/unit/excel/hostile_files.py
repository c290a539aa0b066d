"""Builders for normal, broken and hostile workbooks, made in a temporary folder by each test.

No binary file is committed: every file here is made from code, so a reader can see exactly
what the hostile part is.
"""

from __future__ import annotations

import os
import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
    )
    + "]>\n"
)


def cell_xml(ref: str, value: object) -> str:
    """One cell element: numbers as <v>, text as an inline string."""
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def rows_xml(rows: list[list[object]], first_row: int = 1) -> str:
    """Rows of cells from A, numbered from ``first_row``."""
    out = []
    for offset, values in enumerate(rows):
        r = first_row + offset
        cells = "".join(cell_xml(f"{chr(65 + i)}{r}", v) for i, v in enumerate(values) if v is not None)
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def sheet_xml(body: str | Iterable[str], dimension: str = "A1") -> Iterable[str]:
    """A worksheet part as pieces (so a million rows never sit in memory at once)."""
    yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}">'
    yield f'<dimension ref="{dimension}"/><sheetData>'
    if isinstance(body, str):
        yield body
    else:
        yield from body
    yield "</sheetData></worksheet>"


def build_xlsx(
    path: Path,
    sheets: dict[str, Iterable[str]],
    *,
    shared_strings: str | None = None,
    level: int = 6,
    main_type: str = XLSX_MAIN,
) -> Path:
    """A minimal but valid .xlsx from raw worksheet XML pieces, one entry per sheet name."""
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{main_type}"/>']
    rels = []
    entries = []
    for i, name in enumerate(sheets, start=1):
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
        rels.append(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
        entries.append(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>')
    if shared_strings is not None:
        overrides.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
        rels.append(f'<Relationship Id="rIdS" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            f'ContentType="application/xml"/>{"".join(overrides)}</Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}"><Relationship '
            f'Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f"<sheets>{''.join(entries)}</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f"{''.join(rels)}</Relationships>",
        )
        for i, pieces in enumerate(sheets.values(), start=1):
            with z.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as part:
                for piece in pieces:
                    part.write(piece.encode())
        if shared_strings is not None:
            z.writestr("xl/sharedStrings.xml", shared_strings)
    return path


def million_rows_xlsx(path: Path, rows: int = 1_000_000) -> Path:
    """A real 1,000,000-row sheet (~18 MB file, ~100 MB of XML): name, number, date serial."""

    def body() -> Iterable[str]:
        batch = []
        for r in range(1, rows + 1):
            batch.append(
                f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Person {r}</t></is></c>'
                f'<c r="B{r}"><v>{r}</v></c><c r="C{r}"><v>31146</v></c></row>'
            )
            if len(batch) == 20_000:
                yield "".join(batch)
                batch = []
        yield "".join(batch)

    return build_xlsx(path, {"Ark1": sheet_xml(body(), f"A1:C{rows}")}, level=1)


def far_value_xlsx(path: Path, value: str = " ") -> Path:
    """A tiny list plus one stray value at XFD1048576 (calamine alone would ask for ~550 GB)."""
    body = rows_xml([["Fornavn", "Etternavn"], ["Ola", "Nordmann"]])
    body += f'<row r="1048576">{cell_xml("XFD1048576", value)}</row>'
    return build_xlsx(path, {"Ark1": sheet_xml(body, "A1:XFD1048576")})


def zip_bomb_xlsx(path: Path, unpacked_mb: int = 95) -> Path:
    """A few-hundred-kB .xlsx whose sheet XML unpacks to ~``unpacked_mb`` MB."""
    row = '<row r="1"><c r="A1" t="inlineStr"><is><t>' + "A" * 1000 + "</t></is></c></row>"

    def body() -> Iterable[str]:
        chunk = row * 1000  # ~1 MB
        for _ in range(unpacked_mb):
            yield chunk

    return build_xlsx(path, {"Ark1": sheet_xml(body())}, level=9)


def entity_bomb_xlsx(path: Path, where: str = "sharedStrings") -> Path:
    """Billion laughs in the shared strings or in the sheet XML."""
    if where == "sharedStrings":
        shared = (
            BILLION_LAUGHS + f'<sst xmlns="{_MAIN}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
        )
        body = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        return build_xlsx(path, {"Ark1": sheet_xml(body)}, shared_strings=shared)
    pieces = list(sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'))
    pieces[0] = pieces[0].replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', BILLION_LAUGHS)
    return build_xlsx(path, {"Ark1": pieces})


def lying_size_xlsx(path: Path) -> Path:
    """A zip whose headers claim a small sheet part that really unpacks to ~50 MB."""
    body = '<row r="1"><c r="A1" t="inlineStr"><is><t>' + "B" * (50 * 1024 * 1024) + "</t></is></c></row>"
    build_xlsx(path, {"Ark1": sheet_xml(body)}, level=9)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    real = info.file_size
    fake = struct.pack("<I", 4096)
    # Patch "uncompressed size" in the central directory entry and in the local header.
    needle = struct.pack("<II", info.compress_size, real)
    for start in _find_all(bytes(data), needle):
        data[start + 4 : start + 8] = fake
    path.write_bytes(bytes(data))
    return path


def _find_all(data: bytes, needle: bytes) -> list[int]:
    found, start = [], data.find(needle)
    while start != -1:
        found.append(start)
        start = data.find(needle, start + 1)
    return found


def compound_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A minimal valid OLE compound file (version 3, 512-byte sectors) holding ``streams``.

    Streams are padded to 4,096 bytes so they live in normal sectors (no mini stream needed).
    This is what an encrypted .xlsx looks like from outside: EncryptionInfo + EncryptedPackage.
    """
    sector = 512
    end, free, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    padded = {
        name: data.ljust(max(4096, -(-len(data) // sector) * sector), b"\0") for name, data in streams.items()
    }
    fat = [fat_sect, end]  # sector 0: the FAT itself; sector 1: the directory
    starts = {}
    for name, data in padded.items():
        count = len(data) // sector
        starts[name] = len(fat)
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [end]
    assert len(fat) <= sector // 4, "keep test streams small"
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, right: int = free, child: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", free, right, child)
            + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )  # fmt: skip

    names = list(padded)
    directory = entry("Root Entry", 5, end, 0, child=1)
    for i, name in enumerate(names, start=1):
        right = i + 1 if i < len(names) else free
        directory += entry(name, 2, starts[name], len(streams[name]), right=right)
    directory = directory.ljust(sector, b"\0")
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0) + struct.pack("<I", free) * 108
    )  # fmt: skip
    assert len(header) == sector
    body = struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(padded.values())
    path.write_bytes(header + body)
    return path


def encrypted_xlsx(path: Path) -> Path:
    """What Excel writes for a password-protected workbook: an OLE file, not a zip."""
    info = (
        struct.pack("<HHI", 4, 4, 0x40)
        + b"<encryption xmlns='http://schemas.microsoft.com/office/2006/encryption'/>"
    )
    return compound_file(path, {"EncryptionInfo": info, "EncryptedPackage": b"\x12" * 5000})


def ods(path: Path, tables: dict[str, list[list[object]]]) -> Path:
    """A LibreOffice spreadsheet written by hand: mimetype, manifest and content.xml."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )

    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if hasattr(value, "isoformat"):
            return (
                f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value.isoformat()}</text:p></table:table-cell>"
            )
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    body = ""
    for name, rows in tables.items():
        body += f'<table:table table:name="{name}">'
        for values in rows:
            body += "<table:table-row>" + "".join(cell(v) for v in values) + "</table:table-row>"
        # LibreOffice writes the rest of the sheet as one huge repeated empty row; so do we.
        body += (
            '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row></table:table>'
        )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
        'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
        'spreadsheet"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def ods_far_cell(path: Path) -> Path:
    """An .ods whose last row has one value after 16,383 empty cells, a million rows down."""
    ods(path, {"Ark1": [["Fornavn", "Etternavn"]]})
    with zipfile.ZipFile(path) as z:
        content = z.read("content.xml").decode()
    content = content.replace(
        "</table:table>",
        '<table:table-row><table:table-cell table:number-columns-repeated="16383"/>'
        '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
        "</table:table-row></table:table>",
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def far_value_odd_quotes_xlsx(path: Path, quote: str = "'", space: str = "") -> Path:
    """The far cell written as r='XFD1048576' or r = "XFD1048576" (valid XML, missed before)."""
    ref = f"r{space}={space}{quote}XFD1048576{quote}"
    body = rows_xml([["Fornavn", "Etternavn"], ["Ola", "Nordmann"]])
    body += f'<row r="1048576"><c {ref} t="inlineStr"><is><t>x</t></is></c></row>'
    return build_xlsx(path, {"Ark1": sheet_xml(body)})


def far_row_without_references_xlsx(path: Path) -> Path:
    """Cells without ``r`` counted out to XFD on row 1,048,576: passes every byte check, and
    calamine alone asks for hundreds of GB (the Rust side aborts): only the child's limit helps."""
    body = rows_xml([["Fornavn", "Etternavn"], ["Ola", "Nordmann"]])
    body += '<row r="1048576">' + "<c/>" * 16383 + '<c t="inlineStr"><is><t>x</t></is></c></row>'
    return build_xlsx(path, {"Ark1": sheet_xml(body)})


def shared_string_bomb_xlsx(path: Path, cells: int = 1000, length: int = 300_000) -> Path:
    """One long shared string repeated in many cells: ~100 kB on disk, ``cells × length`` in calamine."""
    shared = f'<sst xmlns="{_MAIN}" count="{cells}" uniqueCount="1"><si><t>{"A" * length}</t></si></sst>'
    body = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, cells + 1))
    return build_xlsx(path, {"Ark1": sheet_xml(body)}, shared_strings=shared, level=9)


def many_sheets_xlsx(path: Path, sheets: int = 20, rows: int = 2000) -> Path:
    """Many sheets full of data: the reader must not load them all to find which have data."""
    body = rows_xml(
        [["Fornavn", "Etternavn", "E-post"]] + [["Ola", f"Nordmann {r}", "x" * 40] for r in range(rows)]
    )
    return build_xlsx(path, {f"Ark{i}": sheet_xml(body) for i in range(1, sheets + 1)})


def xls(path: Path, rows: list[list[object]], sheet: str = "Ark1") -> Path:
    """An old Excel 97-2003 file written by xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    page = book.add_sheet(sheet)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                page.write(r, c, value)
    book.save(str(path))
    return path


def xls_far_cell(path: Path) -> Path:
    """A 6 kB .xls naming cell IV65536: calamine builds a 16.7-million-cell grid for it."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    page = book.add_sheet("Ark1")
    page.write(0, 0, "Fornavn")
    page.write(1, 0, "Ola")
    page.write(65535, 255, "x")
    book.save(str(path))
    return path


def zip_version_ods(path: Path) -> Path:
    """An .ods whose central directory says content.xml needs zip version 13.4 (NotImplementedError)."""
    ods(path, {"Ark1": [["Fornavn", "Etternavn"], ["Ola", "Nordmann"]]})
    data = bytearray(path.read_bytes())
    # The central directory entry's name sits 46 bytes after its signature.
    entry = next(
        i - 46 for i in _find_all(bytes(data), b"content.xml") if data[i - 46 : i - 42] == b"PK\x01\x02"
    )
    data[entry + 6 : entry + 8] = struct.pack("<H", 134)
    path.write_bytes(bytes(data))
    return path


def text_file(path: Path) -> Path:
    """A CSV saved under a workbook's name."""
    path.write_text("Fornavn;Etternavn\nOla;Nordmann\n", encoding="utf-8")
    return path


def png_file(path: Path) -> Path:
    """A picture saved under a workbook's name."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    return path


def docx_file(path: Path) -> Path:
    """A zip that is no spreadsheet (a Word document's part)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return path


def empty_file(path: Path) -> Path:
    """Zero bytes."""
    path.write_bytes(b"")
    return path


def fifo(path: Path) -> Path:
    """A named pipe: opening it for reading would wait for a writer forever."""
    os.mkfifo(path)
    return path
