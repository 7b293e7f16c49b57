"""What every loader shares: OS-error reasons, reading a file within the size limit,
newline and invisible-character normalising, and decoding text bytes (BOM, UTF-8, GB18030,
Big5, a last guess) with a check that the result reads as ordinary Chinese.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.types import LoadError

# Characters that carry no content and confuse downstream regexes (BOM, zero-width).
_INVISIBLE_RE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
# Control characters other than tab/newline: PDF extraction sometimes emits them.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_ERRNO_REASONS = {
    "ENOSPC": "磁盘空间不足",
    "EDQUOT": "磁盘配额已满",
    "EACCES": "没有访问权限",
    "EPERM": "没有操作权限",
    "EROFS": "只读文件系统，无法写入",
    "ENOTDIR": "路径中有一部分是文件而不是文件夹",
    "EISDIR": "是文件夹而不是文件",
    "ENOENT": "文件或文件夹不存在",
    "EEXIST": "同名文件已存在",
    "ENAMETOOLONG": "路径过长",
    "EIO": "磁盘读写错误",
}


def describe_os_error(exc: OSError) -> str:
    """A short Chinese reason for an OSError (disk full, no permission, not a folder …)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    reason = _ERRNO_REASONS.get(name)
    detail = exc.strerror or type(exc).__name__
    where = f"：{exc.filename}" if exc.filename else ""
    return f"{reason}（{detail}）{where}" if reason else f"{detail}{where}"


@dataclass(frozen=True)
class Limits:
    """What one file may cost (Settings.max_pages, max_chars, max_unzipped_mb, max_ocr_pages).
    A file over a limit is refused with a message naming the limit and its setting."""

    max_pages: int = 3000
    max_chars: int = 5_000_000
    max_unzipped_bytes: int = 512 << 20
    max_ocr_pages: int = 50

    def check_pages(self, n: int) -> None:
        if self.max_pages > 0 and n > self.max_pages:
            raise LoadError(f"文件共 {n} 页，超过上限 {self.max_pages} 页（设置 GREENKB_MAX_PAGES 可调整）")

    def check_chars(self, n: int) -> None:
        if self.max_chars > 0 and n > self.max_chars:
            raise LoadError(f"文件文字过多（{n} 字），超过上限 {self.max_chars} 字（设置 GREENKB_MAX_CHARS 可调整）")

    def check_unzipped(self, n: int, what: str) -> None:
        if self.max_unzipped_bytes > 0 and n > self.max_unzipped_bytes:
            raise LoadError(f"{what}解压后过大（{megabytes(n)}），超过上限 {megabytes(self.max_unzipped_bytes)}"
                            "（可能是恶意或损坏的文件；设置 GREENKB_MAX_UNZIPPED_MB 可调整）")


DEFAULT_LIMITS = Limits()


def normalize_newlines(text: str) -> str:
    """\\r\\n and \\r become \\n; BOMs, zero-width and control characters are dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    return _CONTROL_RE.sub("", text)


def decode_text(data: bytes) -> str:
    """Decode plain-text bytes: BOM, then strict UTF-8, then UTF-8 with a few bad bytes,
    then GB18030, then a guess."""
    return decode_text_report(data)[0]


def decode_text_report(data: bytes) -> tuple[str, list[str]]:
    """`decode_text` plus warnings: a UTF-8 text with some invalid bytes is decoded as UTF-8
    with U+FFFD in their place and a warning counting them, never as another encoding."""
    bom = decode_by_bom(data)
    if bom is not None:
        return bom, []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        bad, good = utf8_damage(data)
        if good >= 1 and good >= 8 * bad:
            return (data.decode("utf-8", errors="replace"),
                    [f"文件含有 {bad} 个无效的UTF-8字节，已替换为“\ufffd”，其余文字按UTF-8读取"])
    return _decode_plain(data), []


def utf8_damage(data: bytes) -> tuple[int, int]:
    """(invalid bytes, valid multi-byte characters) when read as UTF-8."""
    bad = 0

    def count(exc: UnicodeDecodeError) -> tuple[str, int]:
        nonlocal bad
        bad += exc.end - exc.start
        return "", exc.end

    text = data.decode("utf-8", errors=_register_counter(count))
    return bad, sum(1 for ch in text if ord(ch) > 0x7F)


def _register_counter(handler) -> str:
    codecs.register_error("greenkb-count", handler)
    return "greenkb-count"


def _decode_plain(data: bytes) -> str:
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _only_two_byte_utf8(utf8):
            return utf8
        # Every non-ASCII character a two-byte UTF-8 sequence (Cyrillic, Greek, accents …) and
        # no CJK at all: a short GBK text can look like that ("一" = D2 BB = "һ").
        try:
            gb = data.decode("gb18030")
        except UnicodeDecodeError:
            return utf8
        if not _letters_only(utf8):
            return gb  # "目录" = C4 BF C2 BC = "Ŀ¼": a letter and a fraction sign is no text
        return gb if _common_score(gb) > 0.5 else utf8
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    # GB18030 accepts almost any byte sequence, Big5 (Taiwan/Hong Kong) included, and turns
    # it into nonsense; take Big5 when it reads as clearly more ordinary Chinese.
    big5 = _decode_big5(data)
    if big5 is not None and (text is None or _common_score(big5) > 1.5 * _common_score(text) + 0.05):
        return big5
    return text if text is not None else _decode_guess(data)



def read_bytes(path: Path, max_bytes: int | None) -> bytes:
    """Read the file after size checks, so huge files are refused without reading them."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise LoadError(f"文件不存在：{path.name}") from exc
    except OSError as exc:
        raise LoadError(f"无法访问文件：{path.name}（{describe_os_error(exc)}）") from exc
    if not path.is_file():
        raise LoadError(f"不是普通文件：{path.name}")
    if size == 0:
        raise LoadError("文件为空（0 字节）")
    if max_bytes is not None and size > max_bytes:
        raise LoadError(f"文件过大：{megabytes(size)}，超过上限 {megabytes(max_bytes)}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(f"无法读取文件：{path.name}（{describe_os_error(exc)}）") from exc


def megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def decode_by_bom(data: bytes) -> str | None:
    """Decode by byte-order mark, or None when there is none. UTF-32 before UTF-16."""
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return None


def _only_two_byte_utf8(text: str) -> bool:
    """Has non-ASCII characters, all below U+0800 (two bytes each in UTF-8)."""
    return _TWO_BYTE_RE.search(text) is not None and _THREE_BYTE_RE.search(text) is None


_TWO_BYTE_RE = re.compile("[\x80-\u07ff]")
_THREE_BYTE_RE = re.compile("[^\x00-\u07ff]")


def _decode_big5(data: bytes) -> str | None:
    """Strict Big5 (cp950, then HKSCS) decoding, or None when the bytes are not Big5."""
    for encoding in ("cp950", "big5hkscs"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


# Very common characters in Chinese prose (policy texts in particular); their traditional
# forms are added at first use. Right decodings are full of them, wrong ones are not.
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海"
    "口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身"
    "车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石"
    "记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青"
    "省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候亲快效院查型按格养"
    "易置层片始却专状育厂识适属包火住调满县局照参红细引听该价严能源环境保护污染排放绿色循环利用监"
    "督检查罚款责任施行规定条例办法通知意见标准"
)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    chars = set(_COMMON_SIMPLIFIED)
    try:
        import opencc

        chars |= set(opencc.OpenCC("s2t").convert(_COMMON_SIMPLIFIED))
    except Exception:  # pragma: no cover - opencc is a pinned dependency
        pass
    return frozenset(chars)


def _letters_only(text: str) -> bool:
    """Whether every non-ASCII character is a letter (a real word in Greek, Cyrillic or accented
    Latin), not a symbol, a number sign or a combining mark: real text is written precomposed, so
    "X台" (58 CC A8) read as X + a combining ogonek is a GB text misread."""
    return all(unicodedata.category(ch)[0] == "L" for ch in text if ord(ch) > 0x7F and not ch.isspace())


def _common_score(text: str, sample: int = 20000) -> float:
    """Share of common Chinese characters among the non-ASCII characters of a sample."""
    common = _common_chars()
    wide = [ch for ch in text[:sample] if ord(ch) > 0x7F and not ch.isspace()]
    if not wide:
        return 0.0
    return sum(ch in common for ch in wide) / len(wide)


def _decode_guess(data: bytes) -> str:
    """Last resort: charset_normalizer's best guess, else GB18030 with replacement."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("gb18030", errors="replace")
