"""Which files an ingest takes, and the identities it gives them: document id (from the path)
and content hash (of the bytes, stamped with the pipeline version)."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ingest import loaders

# Bump when parsing or chunking changes, so that the next run re-ingests every file.
PIPELINE_VERSION = "8"  # 8: a run of rows that only repeats its header row stays text (it was dropped); 7: a paper's English title goes with its Abstract; 6: ruled PDF tables from their grid, one-ideographic-space TXT rows; 5: official-document and HTML-table variants; 4: 公文 layout and tables, hostile-text flags, UTF-8 with bad bytes, linear Markdown
SUPPORTED = set(loaders.SUPPORTED_EXTENSIONS)


@dataclass
class FileResult:
    path: str
    status: str  # added | updated | unchanged | failed | removed | skipped (an archive in a folder)
    chunks: int = 0
    reason: str = ""
    title: str = ""
    doc_id: str = ""
    warnings: list[str] = field(default_factory=list)


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[FileResult], dict[Path, Path]]:
    """Supported files under `paths` (resolved, sorted, deduplicated), results for unusable
    arguments, and where each file was first found (a link's own path).

    A symbolic link found inside a folder is followed only when its target is inside that
    folder too: a link out of the folder would index whatever it points at (refused, with a
    reason). Links to folders are not descended into. Notes about the folder itself (README.md,
    LICENSE …) are not documents and are skipped. A file named on the command line is taken as
    it is, link or not."""
    found: dict[Path, Path] = {}
    problems: list[FileResult] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            root = p.resolve()
            for f in _walk(p):
                if f.name.startswith((".", "~$")) or _not_a_document(f):
                    continue
                if f.suffix.lower() not in SUPPORTED:
                    if _is_archive(f):  # a silent skip would look as if its documents were indexed
                        problems.append(FileResult(str(f), "skipped", reason="压缩包不会被导入，请先解压再导入其中的文件"))
                    continue
                if _undecodable_name(f):  # e.g. GBK bytes from a zip: Chroma cannot store it
                    problems.append(FileResult(_undecodable_name(f), "failed", reason="文件名不是UTF-8编码（可能是GBK编码的文件名），请重命名后再导入"))
                    continue
                target = f.resolve()
                if f.is_symlink() and target != root and root not in target.parents:
                    problems.append(FileResult(str(f), "failed", reason=f"符号链接指向导入文件夹之外（{target}），已拒绝导入"))
                    continue
                if target.is_file():
                    found.setdefault(target, f.absolute())
        elif p.is_file():
            if _undecodable_name(p):
                problems.append(FileResult(_undecodable_name(p), "failed", reason="文件名不是UTF-8编码（可能是GBK编码的文件名），请重命名后再导入"))
            elif p.suffix.lower() in SUPPORTED:
                found.setdefault(p.resolve(), p.absolute())
            elif _is_archive(p):
                problems.append(FileResult(str(p), "failed", reason="压缩包不会被导入，请先解压再导入其中的文件"))
            else:
                problems.append(FileResult(str(p), "failed", reason=f"不支持的文件类型 {p.suffix or '(无扩展名)'}"))
        else:
            problems.append(FileResult(str(p), "failed", reason="路径不存在"))
    return list(found), problems, found


ARCHIVES = (".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar")


def _is_archive(f: Path) -> bool:
    return f.name.lower().endswith(ARCHIVES)


# Files a folder of documents holds about itself (corpus/README.md says what to put there):
# skipped when a folder is ingested; named on the command line, they are ingested.
NOT_DOCUMENTS = ("readme", "license", "licence", "changelog", "contributing", "authors")


def _not_a_document(path: Path) -> bool:
    return path.stem.lower() in NOT_DOCUMENTS


def _walk(root: Path) -> list[Path]:
    """Files under `root`, sorted; links to folders are not followed (no loops, no escapes)."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        out.extend(Path(dirpath) / name for name in filenames)
    return sorted(out)


def _undecodable_name(path: Path) -> str:
    """'' for a normal path; else the path made printable (bad parts read as GB18030, else U+FFFD)."""
    try:
        str(path).encode("utf-8")
        return ""
    except UnicodeEncodeError:
        pass

    def printable(part: str) -> str:
        try:
            part.encode("utf-8")
            return part
        except UnicodeEncodeError:
            raw = os.fsencode(part)
            try:
                return raw.decode("gb18030")
            except UnicodeDecodeError:
                return raw.decode("utf-8", "replace")

    return str(Path(*(printable(part) for part in path.parts)))


def doc_id_for(path: Path) -> str:
    return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


def content_hash(path: Path) -> str:
    h = hashlib.sha256(f"pipeline-{PIPELINE_VERSION}\n".encode())
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:24]


def bytes_hash(data: bytes) -> str:
    """`content_hash` of bytes already read: the hash of exactly what is parsed."""
    h = hashlib.sha256(f"pipeline-{PIPELINE_VERSION}\n".encode())
    h.update(data)
    return h.hexdigest()[:24]
