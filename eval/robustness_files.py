"""Adversarial files for `python -m eval robustness`, made on the spot (nothing is downloaded,
no third-party text): each builder writes one file of the size the issue measured and
returns its path. Texts are invented fixtures (示例…（测试样例）).
"""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

LINE = "第一条 示例单位应当依法开展节能监督检查并按期报送能源利用状况报告（测试样例）。\n"
CONTROL = "# 示例市节水办法（测试样例）\n\n第一条 示例单位应当节约用水（测试样例）。\n\n第二条 示例主管部门负责监督（测试样例）。\n"


def md_blank_lines(path: Path, size: int) -> Path:
    """Blank lines, a pipe, more blank lines: the table-separator regex once went cubic here."""
    half = size // 2
    path.write_bytes(b"\n" * half + b"|" + b" \n" * ((size - half) // 2) + b"---|---")
    return path


def md_brackets(path: Path, size: int) -> Path:
    """Unclosed links, emphasis and comments on long lines: quadratic for unbounded patterns."""
    unit = "[链接" * 50 + "**强调" * 50 + "<!--" * 10 + "\n"
    path.write_text(unit * (size // len(unit.encode())), encoding="utf-8")
    return path


def txt_big(path: Path, size: int) -> Path:
    path.write_text(LINE * (size // len(LINE.encode())), encoding="utf-8")
    return path


def txt_bad_bytes(path: Path, size: int, bad: int) -> Path:
    """A UTF-8 text with `bad` stray 0xFF bytes, each at the start of a line."""
    line = LINE.encode()
    n = size // len(line)
    every = max(1, n // bad)
    path.write_bytes(b"".join((b"\xff" if i % every == 0 and i // every < bad else b"") + line for i in range(n)))
    return path


def html_nested(path: Path, size: int) -> Path:
    depth = 20000
    head = "<html><body>" + "<div>" * depth
    tail = "</div>" * depth + "</body></html>"
    filler = ("<p>" + LINE + "</p>") * max(1, (size - len(head) - len(tail)) // len(("<p>" + LINE + "</p>").encode()))
    path.write_text(head + filler + tail, encoding="utf-8")
    return path


def _docx_parts() -> dict[str, bytes]:
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_xml(path: Path, xml_mb: int, styles: int) -> Path:
    """A DOCX whose document.xml is `xml_mb` MB of small paragraphs, with `styles` styles;
    paragraphs name a style at the end of the list (a style lookup per paragraph scans all)."""
    parts = _docx_parts()
    style_xml = "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Style {i}"/></w:style>'
                        for i in range(styles))
    style_xml += '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    parts["word/styles.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_W}>{style_xml}</w:styles>'.encode()
    para = f'<w:p><w:pPr><w:pStyle w:val="S{styles - 1}"/></w:pPr><w:r><w:t>{LINE.strip()}</w:t></w:r></w:p>'
    n = max(1, xml_mb * 1_000_000 // len(para.encode()))
    title = '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>示例大文件（测试样例）</w:t></w:r></w:p>'
    body = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>'.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in parts.items():
            if name != "word/document.xml":
                zf.writestr(name, data)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(body + title.encode())
            chunk = (para * 1000).encode()
            for _ in range(n // 1000):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return path


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_blank(path: Path, pages: int) -> Path:
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    path.write_bytes(_pdf(objs))
    return path


def pdf_flate_bomb(path: Path, inflated_gb: float) -> Path:
    """One page whose content stream inflates to `inflated_gb` GB of spaces (~1000:1)."""
    comp = zlib.compressobj(9)
    chunk = b" " * (64 << 20)
    data = bytearray()
    for _ in range(int(inflated_gb * 1024 / 64)):
        data += comp.compress(chunk)
    data += comp.compress(b"BT /F1 12 Tf 72 720 Td (x) Tj ET") + comp.flush()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + bytes(data) + b"\nendstream"]
    path.write_bytes(_pdf(objs))
    return path
