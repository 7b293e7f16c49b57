"""PDF parse time: pypdf's text layer vs pdfium's (ingest.loaders.pdf_text), same files, one run.

    python -m eval.bench_pdf [FILES_OR_DIRS …]   (default: ../shared/corpus/formats)

Prints seconds per pass for each reader and their ratio; compare speeds only as such ratios.
"""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from ingest.loaders.pdf_text import read_text_layer

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "formats"


def _pypdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data), strict=False).pages]


def _pdfium_pages(data: bytes) -> list[str]:
    layer = read_text_layer(data)
    return layer.pages if layer else []


def _best(fn, blobs: list[bytes], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        for b in blobs:
            fn(b)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [DEFAULT]
    files = sorted(f for r in roots for f in ([r] if r.is_file() else r.glob("*.pdf")))
    if not files:
        print("没有找到PDF文件")
        return 1
    blobs = [f.read_bytes() for f in files]
    pages = sum(len(_pdfium_pages(b)) for b in blobs)
    old = _best(_pypdf_pages, blobs, 3)
    new = _best(_pdfium_pages, blobs, 5)
    print(f"{len(files)} PDF, {pages} pages")
    print(f"pypdf   {old:.3f} s  ({1000 * old / pages:.1f} ms/page)")
    print(f"pdfium  {new:.3f} s  ({1000 * new / pages:.1f} ms/page)")
    print(f"ratio   {old / new:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
