"""Registers derived from the indexed documents: standards, cross-references, duties.

Each register module defines an `Extractor` (kb.registers.extracted) and lists it in EXTRACTORS;
the Searcher reads every extractor's records once per index generation (`Searcher.facts`), and
answers reach them through `Catalog.facts(kind)`.
"""
from __future__ import annotations

from kb.registers.extracted import Extractor
from kb.registers.duties import DUTIES
from kb.registers.references import REFERENCES
from kb.registers.standards_extract import EXTRACTOR as STANDARDS

EXTRACTORS: tuple[Extractor, ...] = (STANDARDS, REFERENCES, DUTIES)
