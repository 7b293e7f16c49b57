"""The grammar of Chinese legal and official text: every pattern, in one place.

Ingest (cleaning, structure, metadata), question reading, answers, diffs and the registers all
read the same few shapes. They are defined here once, from the same numeral set, and every
other module builds on these names instead of spelling its own. Import them from this package
(`from kb.text.grammar import NUM`); the submodules hold them by subject:

* `fragments`: numbers in any script: 五十三, 一百零五, 两千, 〇, 53, ５３ (`NUM`), spacing
  (`HSPACE`), line starts (`LEAD`), and the number readers (`number`, `starts_with_quantity`);
* `units`: legal units: 第X编 / 章 / 节 headings, 第X条(之Y) articles, 第Y款, 第Z项, 第N目,
  and the article-label readers (`article_label`, `normalize_article_ref`, `article_number`);
* `references`: 本法第X条, 本条例第X条第Y款第Z项, 第X条至第Y条, 前款, 前条, 《其他法》第X条,
  and the verbs around them (依照 / 按照 / 违反 …规定), read by `find_references`;
* `outlines`: outlines of notices and plans: 一、 > （一） > 1. > （1） > ①, numbered sections 1.1.2,
  附件 / 附表 / 附录, 附则, 目录, 专栏, figure and table captions, the named parts of papers;
* `official`: official-document furniture: 文号 X〔YYYY〕N号, 令第N号, dates (2021年11月3日,
  二〇二一年十一月三日), amounts and years;
* `standards`: standard numbers of every family: GB/T 32151.5-2015, GB 21256—2024, YS/T …, DB11/T …,
  T/CECS …, ISO 14064-1:2018 (`STANDARD_RE`, read into a typed `StandardRef`);
* `duties`: duties and sanctions: obligation words, deadlines, thresholds, authorities, fines
  (`quantity` reads their amounts).

`_labels` holds the 第X… label builders that units and references share.

Patterns that match a whole line start with `LEAD` (optional Markdown `#`s and spaces);
patterns that find a reference inside running text have no anchor. Upper-case names without
`_RE` are fragments (strings) for building context rules elsewhere; `_RE` names are compiled.
A module may add a rule of its own context (clean.py only spaces out a glued heading on a
short line) but builds it from these pieces, never from a numeral set of its own.
"""
from __future__ import annotations

from kb.text.grammar.fragments import (
    CN_DIGITS,
    CN_NUMERAL,
    HSPACE,
    LEAD,
    NOT_AFTER_UNIT,
    NUM,
    NUM_CHARS,
    QUANTITY_UNITS,
    SMALL_NUM,
    number,
    starts_with_quantity,
)
from kb.text.grammar.units import (
    ARTICLE_ALONE_RE,
    ARTICLE_HEADING_RE,
    ARTICLE_LINE_RE,
    ARTICLE_NO,
    ARTICLE_PREFIX_RE,
    HEADING_LINES_RE,
    HEADING_ONLY_RE,
    LEGAL_HEADING_GLUED_RE,
    LEGAL_HEADING_RE,
    LEGAL_HEADING_START_RE,
    LEGAL_LABEL,
    LEGAL_UNIT_START_RE,
    STRUCK_OUT_RE,
    UNIT_KIND,
    UNIT_RE,
    article_label,
    article_number,
    normalize_article_ref,
)
from kb.text.grammar.references import (
    ARTICLE_RANGE_RE,
    ARTICLE_REF_RE,
    ArticleRef,
    BOOK_TITLE_END_RE,
    BOOK_TITLE_RE,
    BREACH_VERBS,
    CROSS_DOC_REF_RE,
    NTH_TIME,
    REF_JOIN_RE,
    REF_MORE_RE,
    REF_VERB_RE,
    RELATIVE_REF_RE,
    Reference,
    SELF_DOC_END_RE,
    SELF_DOC_RE,
    SELF_DOC_WORDS,
    article_refs_as_written,
    find_article_refs,
    find_references,
)
from kb.text.grammar.outlines import (
    ANNEX_LABEL,
    ANNEX_RE,
    ANNEX_SHORT_RE,
    BULLET_RE,
    CAPTION_LABEL,
    CAPTION_RE,
    CIRCLED,
    COLUMN_BOX_RE,
    ITEM_START_RE,
    NUMBERED_SECTION_RE,
    OUTLINE_LEVELS,
    OutlineLevel,
    PAPER_PARTS,
    PAPER_PART_RE,
    PAPER_SIGNS,
    SECTION_NO,
    SUPPLEMENTARY_RE,
    TOC_RE,
    TOC_WORD,
    numbered_section,
    outline_marker,
)
from kb.text.grammar.official import (
    AMOUNT_RE,
    DATE_DIGIT,
    DATE_LABEL,
    DATE_RE,
    DOC_NUMBER_RE,
    ORDER_NUMBER_RE,
    YEAR_RE,
    date_iso,
    parse_date,
)
from kb.text.grammar.standards import (
    SECTOR_CODES,
    STANDARD_KINDS,
    STANDARD_RE,
    StandardRef,
    find_standard_refs,
    fold_ascii,
    read_standard,
)
from kb.text.grammar.duties import (
    AUTHORITY_BY_RE,
    AUTHORITY_TO_RE,
    DEADLINE_DUTY_RE,
    DEADLINE_RE,
    ENERGY_THRESHOLD_RE,
    ESCALATION_RE,
    FINE_BOUND_RE,
    FINE_RE,
    FORBID_LEAD_RE,
    FREQUENCY_RE,
    OBLIGATION_RE,
    QTY,
    SANCTION_RE,
    WATER_THRESHOLD_RE,
    quantity,
)

__all__ = [
    "CN_DIGITS", "CN_NUMERAL", "HSPACE", "LEAD", "NOT_AFTER_UNIT", "NUM", "NUM_CHARS", "QUANTITY_UNITS", "SMALL_NUM",
    "number", "starts_with_quantity", "ARTICLE_ALONE_RE", "ARTICLE_HEADING_RE", "ARTICLE_LINE_RE", "ARTICLE_NO",
    "ARTICLE_PREFIX_RE", "HEADING_LINES_RE", "HEADING_ONLY_RE", "LEGAL_HEADING_GLUED_RE", "LEGAL_HEADING_RE",
    "LEGAL_HEADING_START_RE", "LEGAL_LABEL", "LEGAL_UNIT_START_RE", "STRUCK_OUT_RE", "UNIT_KIND", "UNIT_RE", "article_label",
    "article_number", "normalize_article_ref", "ARTICLE_RANGE_RE", "ARTICLE_REF_RE", "ArticleRef",
    "BOOK_TITLE_END_RE", "BOOK_TITLE_RE", "BREACH_VERBS", "CROSS_DOC_REF_RE", "NTH_TIME", "REF_JOIN_RE",
    "REF_MORE_RE", "REF_VERB_RE", "RELATIVE_REF_RE", "Reference", "SELF_DOC_END_RE", "SELF_DOC_RE", "SELF_DOC_WORDS",
    "article_refs_as_written", "find_article_refs", "find_references", "ANNEX_LABEL", "ANNEX_RE", "ANNEX_SHORT_RE",
    "BULLET_RE", "CAPTION_LABEL", "CAPTION_RE", "CIRCLED", "COLUMN_BOX_RE", "ITEM_START_RE", "NUMBERED_SECTION_RE",
    "OUTLINE_LEVELS", "OutlineLevel", "PAPER_PARTS", "PAPER_PART_RE", "PAPER_SIGNS", "SECTION_NO", "SUPPLEMENTARY_RE",
    "TOC_RE", "TOC_WORD", "numbered_section", "outline_marker", "AMOUNT_RE", "DATE_DIGIT", "DATE_LABEL", "DATE_RE",
    "DOC_NUMBER_RE", "ORDER_NUMBER_RE", "YEAR_RE", "date_iso", "parse_date", "SECTOR_CODES", "STANDARD_KINDS",
    "STANDARD_RE", "StandardRef", "find_standard_refs", "fold_ascii", "read_standard", "AUTHORITY_BY_RE",
    "AUTHORITY_TO_RE", "DEADLINE_DUTY_RE", "DEADLINE_RE", "ENERGY_THRESHOLD_RE", "ESCALATION_RE", "FINE_BOUND_RE",
    "FINE_RE", "FORBID_LEAD_RE", "FREQUENCY_RE", "OBLIGATION_RE", "QTY", "SANCTION_RE", "WATER_THRESHOLD_RE",
    "quantity",
]
