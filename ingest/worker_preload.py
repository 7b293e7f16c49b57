"""Imported once by the parse workers' fork server (ingest.workers): every worker it forks
starts with the parsers and jieba's dictionary already loaded."""
import logging

import ingest.pipeline  # noqa: F401  (parsers, cleaning, chunking)
from kb.index import lexical

logging.getLogger("jieba").setLevel(logging.WARNING)
lexical._jieba()
