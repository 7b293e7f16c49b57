"""The native engine's kernels against plain references, for every instruction-set level.

tests/native/kernel_check.c includes kb/index/native/*.h and compares the int8 x int4
matmul, the activation quantizer, attention and the vector exp with plain loops on random
data. It is compiled here once per level of kb.index.e5_engine.TARGETS with the engine's
own flags — on any x86-64 CPU, so a kernel that no longer compiles fails everywhere — and
run where the CPU has the level; elsewhere the test says which flags are missing and skips.
A build without SIMD flags checks the fallbacks the kernels call (the package's loops).
"""
from __future__ import annotations

import platform
import shutil
import subprocess
from pathlib import Path

import pytest

from kb.index import e5_engine

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "tests" / "native" / "kernel_check.c"
CC = shutil.which("cc") or shutil.which("gcc")
LEVELS = [*e5_engine.TARGETS, e5_engine.Target("plain", frozenset(), ())]
EXPECTED_PATHS = {  # what each build must report: a level silently falling back would test nothing
    "avx512vnni": "paths: matmul=avx512-vnni attention=avx512 quantize=avx2",
    "avx2": "paths: matmul=avx2 attention=avx2 quantize=avx2",
    "plain": "paths: matmul=package attention=plain quantize=package",
}

pytestmark = [
    pytest.mark.skipif(CC is None, reason="no C compiler"),
    pytest.mark.skipif(platform.machine() not in {"x86_64", "AMD64"}, reason="the kernels are x86-64 only"),
]


@pytest.mark.parametrize("level", LEVELS, ids=lambda t: t.name)
def test_kernels_agree_with_the_plain_reference(level, tmp_path):
    exe = tmp_path / f"kernel_check_{level.name}"
    built = subprocess.run([CC, *e5_engine.FLAGS, *level.cflags, "-I", str(e5_engine.KERNELS), "-o", str(exe),
                            str(HARNESS), "-lm"], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]
    missing = level.cpu_flags - e5_engine.cpu_flags()
    if missing:
        pytest.skip(f"{level.name} kernels compiled but not run: this CPU lacks {' '.join(sorted(missing))}")
    run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=300)
    lines = run.stdout.splitlines()
    assert run.returncode == 0, run.stdout + run.stderr
    assert lines[0] == EXPECTED_PATHS[level.name]
    assert sum(line.startswith("ok ") for line in lines) >= 13 and lines[-1] == "all kernels agree with the reference"
