"""Builders of the 第X… labels shared by the legal units and the references (internal).
"""
from __future__ import annotations

from kb.text.grammar.fragments import HSPACE, NUM

def _label(unit: str, n: str = "n") -> str:
    """第 + a number (named group `n`) + `unit` (a character or a group of them), spacing allowed."""
    return rf"第{HSPACE}*(?P<{n}>{NUM}){HSPACE}*{unit}"


def _sub(sub: str = "sub") -> str:
    """之Y after an article label (第五十三条之一), the number in named group `sub`."""
    return rf"(?:{HSPACE}*之{HSPACE}*(?P<{sub}>{NUM}))?"


def _article_no(art: str = "art", sub: str = "sub") -> str:
    """第X条(之Y) with named groups for the number and the sub-number."""
    return _label("条", art) + _sub(sub)
