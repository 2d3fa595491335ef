"""What Qt's PDF writer leaves out, added to the reports' PDFs: language, subject, font names.

QPdfWriter writes title, author and creator, embeds subsets of the fonts and can write
PDF/A-1b, but it has no document language (/Lang), no subject, and names the subset fonts
without their subset tag in the font dictionaries (only the font descriptors carry it).
``finish`` adds these as a standard incremental update (the original bytes stay as they
are, new versions of the catalog, the document information, the XMP metadata and the font
dictionaries follow with their own cross-reference section), so ``qpdf --check`` and every
reader see one consistent document. ``searchable`` turns off the ligatures that made
"Konflikt" unfindable ("Konﬂikt").
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import qVersion
from PySide6.QtGui import QFont, QPagedPaintDevice, QPdfWriter

LANGUAGE_TAGS = {"de": "de-DE", "en": "en-GB"}
_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)[ \t]*\r?\n")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)


def searchable(font: QFont) -> QFont:
    """The font without ligatures: text found by search and copied as typed."""
    out = QFont(font)
    for tag in ("liga", "clig", "dlig", "hlig"):
        out.setFeature(QFont.Tag(tag), 0)
    return out


def prepare(writer: QPdfWriter, *, title: str, author: str) -> None:
    """Metadata QPdfWriter takes itself; PDF/A-1b as Qt writes it (sRGB output intent,
    embedded font subsets with CIDSet, no transparency). Qt 6 has no PDF/A-2 or -3 and
    cannot tag; docs/exchange.md says what the tests check without a PDF/A validator."""
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator("Fallzahl")


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte order mark, as hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def _xml(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xmp(title: str, author: str, subject: str, language: str, when: str, producer: str) -> bytes:
    tag = LANGUAGE_TAGS.get(language, language)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_xml(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_xml(subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{tag}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>Fallzahl</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{_xml(producer)}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>1</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _objects(pdf: bytes) -> tuple[dict[int, int], bytes, int]:
    """(object number -> offset, trailer dictionary, offset of the xref) of a PDF whose
    last cross-reference section is a table (as QPdfWriter writes it)."""
    m = _XREF.search(pdf)
    if m is None:
        raise ValueError("no startxref")
    start = int(m.group(1))
    if not pdf.startswith(b"xref", start):
        raise ValueError("not a cross-reference table")
    pos = start + 4
    while pdf[pos : pos + 1] in b" \r\n":
        pos += 1
    offsets: dict[int, int] = {}
    while (sub := _SUBSECTION.match(pdf, pos)) is not None:
        first, count = int(sub.group(1)), int(sub.group(2))
        pos = sub.end()
        for i in range(count):
            entry = pdf[pos : pos + 20]
            if entry[17:18] == b"n":
                offsets[first + i] = int(entry[:10])
            pos += 20
    trailer = _TRAILER.search(pdf, pos)
    if trailer is None:
        raise ValueError("no trailer")
    return offsets, trailer.group(1), start


def _body(pdf: bytes, offset: int) -> bytes:
    start = pdf.index(b"obj", offset) + 3
    return pdf[start : pdf.index(b"endobj", start)].strip()


def finish(
    pdf: bytes,
    *,
    language: str,
    title: str,
    author: str,
    subject: str,
    when: dt.datetime | None = None,
) -> bytes:
    """The PDF with /Lang, a subject, matching XMP metadata and subset-tagged font names."""
    offsets, trailer, prev = _objects(pdf)
    ref = re.compile(rb"/(Root|Info|Size) (\d+)")
    found = {k.decode(): int(v) for k, v in ref.findall(trailer)}
    root, info, size = found["Root"], found["Info"], found["Size"]
    ids = re.search(rb"/ID\s*(\[.*?\])", trailer, re.S)
    catalog = _body(pdf, offsets[root])
    meta = re.search(rb"/Metadata (\d+) 0 R", catalog)
    when = (when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    producer = f"Qt {qVersion()}"
    tag = LANGUAGE_TAGS.get(language, language)
    new: dict[int, bytes] = {}

    extra = f"/Lang ({tag})\n/ViewerPreferences << /DisplayDocTitle true >>\n".encode()
    new[root] = catalog[: catalog.rindex(b">>")] + extra + b">>"
    stamp = when.strftime("D:%Y%m%d%H%M%SZ").encode()
    new[info] = (
        b"<<\n/Title " + _text(title) + b"\n/Author " + _text(author)
        + b"\n/Subject " + _text(subject) + b"\n/Creator (Fallzahl)\n/Producer "
        + _text(producer) + b"\n/CreationDate (" + stamp + b")\n/ModDate (" + stamp + b")\n>>"
    )  # fmt: skip
    xmp = _xmp(title, author, subject, language, when.strftime("%Y-%m-%dT%H:%M:%SZ"), producer)
    metadata = (
        b"<< /Type /Metadata /Subtype /XML /Length " + str(len(xmp)).encode() + b" >>\nstream\n"
        + xmp + b"\nendstream"
    )  # fmt: skip
    if meta is not None:
        new[int(meta.group(1))] = metadata
    else:
        new[size] = metadata
        new[root] = new[root][:-2] + f"/Metadata {size} 0 R\n>>".encode()
        size += 1
    # Subset tags: the font descriptors have them (QABAAA+DejaVuSans); the fonts do not.
    bodies = {n: _body(pdf, off) for n, off in offsets.items()}
    tagged: dict[bytes, bytes] = {}
    for body in bodies.values():
        if b"/FontDescriptor" in body and b"stream" not in body:
            m = re.search(rb"/FontName /([A-Z]{6})\+(\S+)", body)
            if m:
                tagged[m.group(2)] = m.group(1) + b"+" + m.group(2)
    for n, body in bodies.items():
        if b"/Type /Font" not in body or b"stream" in body:
            continue
        m = re.search(rb"/BaseFont /(\S+)", body)
        if m and m.group(1) in tagged:
            new[n] = body[: m.start(1)] + tagged[m.group(1)] + body[m.end(1) :]

    out = bytearray(pdf)
    if not out.endswith(b"\n"):
        out += b"\n"
    placed: dict[int, int] = {}
    for n in sorted(new):
        placed[n] = len(out)
        out += f"{n} 0 obj\n".encode() + new[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for n in sorted(placed):
        out += f"{n} 1\n{placed[n]:010d} 00000 n \n".encode()
    out += f"trailer\n<<\n/Size {size}\n/Root {root} 0 R\n/Info {info} 0 R\n".encode()
    if ids:
        out += b"/ID " + ids.group(1) + b"\n"
    out += f"/Prev {prev}\n>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
