"""Which document a user means by a file name, path, title or "title + year" (`kb diff A B`)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

from kb.text.titles import title_key
from kb.types import DocumentMeta
from kb.versions.dates import version_date


def resolve_document(docs: Mapping[str, DocumentMeta], ref: str) -> DocumentMeta:
    """A document by doc_id, file name, path, title or file stem. Raises LookupError
    with a Chinese message (listing candidates when ambiguous)."""
    ref = ref.strip()
    if ref in docs:
        return docs[ref]
    name = Path(ref).name
    m = re.search(r"(19|20)\d{2}", ref)
    year = m.group(0) if m else ""
    rest = re.sub(r"[（(]?\s*(19|20)\d{2}\s*(年版|年修订|年修正|年|版)?\s*[)）]?", "", ref)
    rest = re.sub(r"^(修订|修正)?(后|前)?的", "", rest.strip())
    tests = [
        lambda d: d.file_name == name,
        lambda d: d.path and Path(d.path).resolve() == Path(ref).expanduser().resolve(),
        lambda d: Path(d.file_name).stem == name,
        lambda d: d.title == ref.strip("《》"),
        lambda d: title_key(d.title) == title_key(ref),
        # "海洋环境保护法 2017" / "2023年修订的海洋环境保护法": title plus a year.
        lambda d: bool(year) and title_key(d.title) == title_key(rest) and version_date(d)[:4] == year,
    ]
    for test in tests:
        found = [d for d in docs.values() if test(d)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "、".join(sorted(d.file_name for d in found))
            raise LookupError(f"“{ref}”对应多个文件：{names}。请给出文件名。")
    raise LookupError(f"知识库中没有找到“{ref}”。用 `python -m kb docs` 查看已导入的文件。")
