"""Read tabular files row by row: CSV (delimiter and encoding detected or given), XLSX and JSON
lines; and FtM entity streams. Formats are recognised by content, not by extension alone.

A row that cannot be read (an undecodable line, an oversized line, a wrong number of fields) is
reported with its row number and the reason, so that it can be quarantined while the rest of the
file is read.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from accord.errors import InputError

__all__ = [
    "MAX_LINE_BYTES",
    "FileFormat",
    "Row",
    "csv_dialect",
    "detect_format",
    "read_header",
    "read_rows",
]

MAX_LINE_BYTES = 1 << 20  # one row may hold up to 1 MiB; longer lines are quarantined unread
_SAMPLE_BYTES = 1 << 20
_OVERSIZE = "\x00accord:oversize\x00"
_UNDECODABLE = "\x00accord:undecodable\x00"


class FileFormat:
    CSV = "csv"
    XLSX = "xlsx"
    JSONL = "jsonl"
    FTM = "ftm"


@dataclass(frozen=True, slots=True)
class Row:
    """One row: its number in the file (the header is row 1), its values in the header's order,
    or why it is unreadable."""

    number: int
    values: list[str] | None
    problem: str | None = None


def detect_format(path: Path) -> str:
    """Recognise the format from the file's first bytes and check it against its extension."""
    if not path.exists():
        raise InputError(f"File {path} does not exist.")
    if path.is_dir():
        raise InputError(f"{path} is a folder.", hint="Give one file per ingest.")
    with path.open("rb") as fh:
        head = fh.read(4096)
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        if (
            not zipfile.is_zipfile(path)
            or "xl/workbook.xml" not in zipfile.ZipFile(path).namelist()
        ):
            raise InputError(f"{path} is a ZIP archive but not an Excel workbook.")
        if suffix not in (".xlsx", ".xlsm"):
            raise InputError(
                f"{path} is an Excel workbook, not {suffix or 'a text file'}.",
                hint="Rename it to .xlsx.",
            )
        return FileFormat.XLSX
    if suffix in (".xlsx", ".xlsm", ".xls"):
        raise InputError(
            f"{path} is not an Excel workbook although its name ends in {suffix}.",
            hint="Check the file; if it is CSV text, rename it to .csv.",
        )
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            f"{path} is a binary file, not {suffix or 'text'}.",
            hint="Ingest reads CSV, XLSX, JSON lines and FtM entity streams.",
        )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            obj = json.loads(first)
        except json.JSONDecodeError:
            obj = {}
        if isinstance(obj, dict) and "schema" in obj and "properties" in obj:
            return FileFormat.FTM
        return FileFormat.JSONL
    if suffix in (".json", ".jsonl", ".ftm", ".ijson"):
        raise InputError(f"{path} does not hold JSON lines although its name ends in {suffix}.")
    return FileFormat.CSV


def _zip_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def _detect_encoding(sample: bytes) -> str:
    """UTF-8 when the file holds any UTF-8 text: a file that mixes encodings is then read as
    UTF-8 and its other lines are quarantined, rather than all of it being silently misread.
    Otherwise the legacy encoding charset-normalizer finds (cp1250, cp1251, ...)."""
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    utf8_lines = 0
    for line in sample.split(b"\n")[:-1] or [sample]:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            continue
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if utf8_lines or exc.start > len(sample) - 4:
            return "utf-8"
    best = from_bytes(sample).best()
    return best.encoding if best is not None else "utf-8"


def _lines(fh: BinaryIO, encoding: str) -> Iterator[str]:
    """Decoded lines, with oversize and undecodable lines replaced by a marker."""
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    first = True
    while True:
        raw = fh.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while True:  # drain the rest of the line without holding it
                more = fh.readline(MAX_LINE_BYTES)
                if not more or more.endswith(b"\n"):
                    break
            yield _OVERSIZE + "\n"
            continue
        if first and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        first = False
        try:
            yield raw.decode(codec)
        except UnicodeDecodeError:
            yield _UNDECODABLE + "\n"


def csv_dialect(path: Path, delimiter: str | None, encoding: str | None) -> tuple[str, str]:
    """The delimiter and encoding of a CSV file: as given, or detected from its start."""
    with path.open("rb") as fh:
        sample = fh.read(_SAMPLE_BYTES)
    encoding = encoding or _detect_encoding(sample)
    if delimiter is None:
        first_line = sample[:65536].decode(encoding, errors="replace").split("\n", 1)[0]
        try:
            delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    return delimiter, encoding


def _csv_rows(path: Path, delimiter: str | None, encoding: str | None) -> Iterator[Row]:
    delimiter, encoding = csv_dialect(path, delimiter, encoding)
    with path.open("rb") as fh:
        reader = csv.reader(_lines(fh, encoding), delimiter=delimiter)
        header = _header(next(reader, None), path)
        for values in reader:
            number = reader.line_num
            if not values or values == [""]:
                continue
            if values[0].startswith(_OVERSIZE):
                yield Row(number, None, f"the line is longer than {MAX_LINE_BYTES} bytes")
            elif values[0].startswith(_UNDECODABLE):
                yield Row(number, None, f"the line is not valid {encoding} (mixed encodings?)")
            elif len(values) != len(header):
                yield Row(
                    number, None, f"the row has {len(values)} fields, the header {len(header)}"
                )
            else:
                yield Row(number, values)


def _header(values: list[str] | None, path: Path) -> list[str]:
    if not values or all(not v.strip() for v in values):
        raise InputError(f"{path} has no header row.", hint="The first row must name the columns.")
    header = [v.strip() for v in values]
    if _OVERSIZE in header[0] or any(_UNDECODABLE in v for v in header):
        raise InputError(f"{path}: the header row cannot be read.")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise InputError(f"{path}: the header names {', '.join(dupes)} more than once.")
    return header


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path) -> Iterator[Row]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise InputError(f"{path} cannot be opened as a workbook: {exc}") from exc
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = _header([_cell(v) for v in next(rows, ())], path)
    for number, values in enumerate(rows, start=2):
        cells = [_cell(v) for v in values]
        if not any(cells):
            continue
        cells = (cells + [""] * len(header))[: max(len(header), len(cells))]
        if len(cells) > len(header) and any(cells[len(header) :]):
            yield Row(number, None, "the row has values beyond the header's columns")
            continue
        yield Row(number, cells[: len(header)])
    book.close()


def _json_objects(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    with path.open("rb") as fh:
        for number, line in enumerate(_lines(fh, "utf-8"), start=1):
            if not line.strip():
                continue
            if line.startswith(_OVERSIZE):
                yield number, None, f"the line is longer than {MAX_LINE_BYTES} bytes"
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"the line is not JSON ({exc.msg})"
                continue
            if not isinstance(obj, dict):
                yield number, None, "the line is JSON but not an object"
                continue
            yield number, obj, None


def _json_rows(path: Path) -> Iterator[Row]:
    """JSON lines: the first object's keys are the columns; later objects are read by them."""
    header: list[str] | None = None
    for number, obj, problem in _json_objects(path):
        if obj is None:
            yield Row(number, None, problem)
            continue
        if header is None:
            header = [str(k) for k in obj]
        yield Row(number, [_cell(obj.get(k)) for k in header])


def read_rows(
    path: Path, fmt: str, delimiter: str | None = None, encoding: str | None = None
) -> Iterator[Row]:
    if fmt == FileFormat.CSV:
        return _csv_rows(path, delimiter, encoding)
    if fmt == FileFormat.XLSX:
        return _xlsx_rows(path)
    return _json_rows(path)


def read_header(path: Path, fmt: str, delimiter: str | None, encoding: str | None) -> list[str]:
    """The column names of a tabular file (for JSON lines: the keys of the first object)."""
    if fmt == FileFormat.CSV:
        delimiter, enc = csv_dialect(path, delimiter, encoding)
        with path.open("rb") as fh:
            first_line = next(_lines(fh, enc), "")
        first = next(csv.reader(io.StringIO(first_line), delimiter=delimiter), None)
        return _header(first, path)
    if fmt == FileFormat.XLSX:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            cells = next(book.worksheets[0].iter_rows(values_only=True), ())
        finally:
            book.close()
        return _header([_cell(v) for v in cells], path)
    for _, obj, _ in _json_objects(path):
        if obj is not None:
            return [str(k) for k in obj]
    return []
