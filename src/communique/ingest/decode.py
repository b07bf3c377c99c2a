"""Turning the bytes of a file into text, or saying clearly why we cannot.

News files arrive in whatever encoding the scraper or CMS used. Guessing wrong
silently would put mojibake into every actor name and quote, so we accept an
encoding only when we have a reason to believe it: a byte-order mark, valid
UTF-8, a charset the page declares, Windows-1252 for mostly-ASCII Western
text, or a detector verdict that also recognises a language. Anything else is
refused with a message that tells the user to re-save the file as UTF-8.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from communique.errors import InputError

__all__ = ["HEAD_BYTES", "check_not_binary", "decode_bytes"]

#: How much of a file we look at to decide whether it is text at all.
HEAD_BYTES = 8192

# Signatures of the binary formats people most often feed a news tool by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"WARC/", "a WARC archive"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="..."> or <meta http-equiv=... content="text/html; charset=...">,
# and the XML prolog's encoding="...".
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)

_UNDECODABLE = (
    "cannot decode as text (not UTF-8, and no other encoding fits confidently); "
    "re-save the file as UTF-8"
)


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def check_not_binary(head: bytes, path: str) -> None:
    """Refuse files that are plainly not text, before spending time on them.

    A NUL byte never occurs in UTF-8 or single-byte text, so it is a reliable
    sign of a binary file (UTF-16/32 files carry a BOM and are let through).
    """
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(path, f"binary file ({what}), not text or HTML")
    if _bom_encoding(head) in ("utf-16", "utf-32"):
        return
    if b"\x00" in head:
        raise InputError(path, "binary file (contains NUL bytes), not text or HTML")


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _mostly_control(text: str) -> bool:
    """True when decoded text is mostly control characters: binary after all."""
    sample = text[:HEAD_BYTES]
    if not sample:
        return False
    controls = sum(
        1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc"
    )
    return controls / len(sample) > 0.1


def decode_bytes(data: bytes, path: str, *, html: bool = False) -> str:
    """Decode a whole file, trying encodings in order of how sure we can be.

    ``html`` lets a page's own ``<meta charset>`` declaration be believed.
    Raises :class:`InputError` when no encoding fits or the result is binary.
    """
    text = _decode(data, path, html=html)
    if _mostly_control(text):
        raise InputError(path, "binary file (mostly control characters), not text or HTML")
    return text


def _decode(data: bytes, path: str, *, html: bool) -> str:
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            problem = f"{_UNDECODABLE} (it starts with a {bom} byte-order mark)"
            raise InputError(path, problem) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared and declared != "utf-8":
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
    # English news that is not UTF-8 is nearly always Windows-1252 ("smart"
    # quotes and dashes from a word processor); it is the safe guess when the
    # file is almost all ASCII and every other byte is defined in that code page.
    ascii_share = sum(1 for b in data[:65536] if b < 0x80) / min(len(data), 65536)
    if ascii_share >= 0.9:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is not None and best.chaos <= 0.2 and best.coherence >= 0.2:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(path, _UNDECODABLE)
