"""Standard numbers of every family (GB/T 32151.5-2015, YS/T …, DB11/T …, T/CECS …,
ISO 14064-1:2018), read into a typed `StandardRef`.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from kb.text.grammar.fragments import HSPACE

SECTOR_CODES = (
    "AQ BB CB CH CJ CJJ CY DA DL DZ EJ FZ GA GH GM GY HB HG HJ HS HY JB JC JG JGJ JJF JJG JR JT JY LB LD LS LY "
    "MH MT MZ NB NY QB QC QJ QX RB SB SC SF SH SJ SL SN SW SY TB TD TY WB WH WJ WM WS WW XB YB YC YD YS YY YZ"
).split()
"""Sector (行业) standard codes; each may carry /T (推荐) or /Z (指导): HJ, HJ/T, YS/T, JGJ/T …"""

_DASH = r"[-—–－―‒]{1,2}"
_SECTOR = "|".join(sorted(SECTOR_CODES, key=len, reverse=True))
# A group (团体) code is the organisation's letters, sometimes with a series after a hyphen: some
# associations register one code per standards series (T/CECA-G 0171-2022 beside T/CECA 20001).
_GROUP_ORG = r"[A-Z]{2,12}(?:-[A-Z]{1,4})?"
STANDARD_RE = re.compile(
    r"(?<![A-Za-z0-9/])(?:"
    rf"(?P<cn>GB|{_SECTOR})(?:{HSPACE}*/{HSPACE}*(?P<cn_sfx>[TZ]))?"  # GB, GB/T, GB/Z, YS/T …
    rf"|(?P<cn_gbt>GBT)"  # GBT 36132 (file names)
    rf"|DB{HSPACE}*(?P<db>\d{{2,6}}){HSPACE}*(?:/{HSPACE}*(?P<db_t>T)?)?"  # DB11/T 1234, DB31/ 795
    rf"|T{HSPACE}*/{HSPACE}*(?P<org>{_GROUP_ORG})"  # 团体标准 T/CECS 10001, T/CECA-G 0171
    r")"
    rf"(?P<gap>{HSPACE}*)(?P<num>\d{{1,6}})(?:{HSPACE}*\.{HSPACE}*(?P<part>\d{{1,3}}(?:\.\d{{1,3}})*))?"
    rf"(?:{HSPACE}*{_DASH}{HSPACE}*(?P<year>\d{{4}}|\d{{2}})(?!\d))?"
    r"(?!\d)(?!\.\d)"
    r"|(?<![A-Za-z0-9])(?P<intl>ISO(?:/IEC)?(?:/(?:TS|TR|PAS))?|IEC)"  # ISO 14001:2015, ISO 14064-1:2018
    rf"{HSPACE}*(?P<inum>\d{{2,6}})(?P<ipart>(?:-\d{{1,3}})*)(?:{HSPACE}*:{HSPACE}*(?P<iyear>\d{{4}}))?(?!\d)"
)
"""A standard number of any family, on text whose full-width forms are folded (`fold_ascii`):
national GB / GB/T / GB/Z, sector codes (SECTOR_CODES, with /T or /Z), local DBxx(/T), group
T/ORG, and ISO / IEC / ISO/IEC. Year and part variants: 32151.5-2015, 21256—2024, 14064-1:2018."""

STANDARD_KINDS = ("国家标准", "行业标准", "地方标准", "团体标准", "国际标准")

_FULLWIDTH_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_ASCII_UPPER = {c: c - 32 for c in range(ord("a"), ord("z") + 1)}


def fold_ascii(text: str) -> str:
    """Full-width ASCII forms (ＧＢ／Ｔ　３６１３２－２０１８) as ASCII; the length is unchanged, so
    positions found in the folded text hold in the original."""
    return text.translate(_FULLWIDTH_ASCII)


@dataclass(frozen=True)
class StandardRef:
    """A standard number read from text: GB/T 32151.5-2015 is family GB/T, number 32151, part 5,
    year 2015. `base` names the standard across its editions, `code` one edition."""

    family: str  # GB/T | GB | YS/T | DB11/T | T/CECS | ISO/IEC …
    number: str
    part: str = ""
    year: str = ""  # four digits, "" when the text gives none
    start: int = dataclasses.field(default=0, compare=False)
    end: int = dataclasses.field(default=0, compare=False)

    @property
    def international(self) -> bool:
        return self.family.startswith(("ISO", "IEC"))

    @property
    def base(self) -> str:
        """The standard without its year: GB/T 32151.5, ISO 14064-1."""
        if self.international:
            return f"{self.family} {self.number}" + (f"-{self.part}" if self.part else "")
        slash = "/" if self.family.startswith("DB") and not self.family.endswith("/T") else ""  # DB31/ 795
        return f"{self.family}{slash} {self.number}" + (f".{self.part}" if self.part else "")

    @property
    def code(self) -> str:
        """One edition as it is written canonically: GB/T 32151.5-2015, ISO 14001:2015."""
        if not self.year:
            return self.base
        return self.base + (f":{self.year}" if self.international else f"-{self.year}")

    @property
    def kind(self) -> str:
        """国家标准 / 行业标准 / 地方标准 / 团体标准 / 国际标准 (one of STANDARD_KINDS)."""
        if self.international:
            return "国际标准"
        if self.family.startswith("DB"):
            return "地方标准"
        if self.family.startswith("T/"):
            return "团体标准"
        return "国家标准" if self.family.split("/")[0] == "GB" else "行业标准"

    def with_year(self, year: str) -> "StandardRef":
        return dataclasses.replace(self, year=year)


def _standard_ref(m: re.Match[str]) -> StandardRef | None:
    if m.group("intl"):
        year = m.group("iyear") or ""
        return StandardRef(m.group("intl"), m.group("inum"), m.group("ipart").lstrip("-").replace("-", "."),
                           year, m.start(), m.end())
    if m.group("cn"):
        family = m.group("cn") + (f"/{m.group('cn_sfx')}" if m.group("cn_sfx") else "")
    elif m.group("cn_gbt"):
        family = "GB/T"
    elif m.group("db"):
        family = f"DB{m.group('db')}" + ("/T" if m.group("db_t") else "")
    else:
        family = f"T/{m.group('org')}"
    num, year = m.group("num"), m.group("year") or ""
    if len(year) == 2:  # GB 3095-82: editions before 2000 wrote two digits
        year = ("19" if int(year) >= 50 else "20") + year
    if year and not 1950 <= int(year) <= 2100:
        return None
    if m.group("cn") and not m.group("cn_sfx") and not m.group("gap") and len(num) < 3 and not year:
        return None  # CH4, SF6: chemical formulas, not 测绘 / 司法 standards
    return StandardRef(family, num, m.group("part") or "", year, m.start(), m.end())


def find_standard_refs(text: str, any_case: bool = False) -> list[StandardRef]:
    """Every standard number in `text`, in order (full-width forms and any dash allowed;
    `any_case`: gb/t 36132 too, as users type them in questions)."""
    folded = fold_ascii(text or "")
    if any_case:
        folded = folded.translate(_ASCII_UPPER)
    out: list[StandardRef] = []
    for m in STANDARD_RE.finditer(folded):
        ref = _standard_ref(m)
        if ref is not None:
            out.append(ref)
    return out


def read_standard(text: str) -> StandardRef | None:
    """The first standard number in `text` (a table cell, a command-line argument), or None."""
    refs = find_standard_refs(text)
    return refs[0] if refs else None
