"""`python -m eval bench --only speed`: its parts run on invented documents (测试样例), and its
report names the CPU, the builds and the load. The speeds themselves are the benchmark's job."""
from __future__ import annotations

from eval import bench_speed
from kb.index import lexical


def test_the_engines_see_what_the_ingest_embeds(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "示例市节水办法.md").write_text(
        "# 示例市节水办法（测试样例）\n\n第一条 示例企业应当每季度报送用水台账。\n\n第二条 示例园区应当建设中水回用设施。\n",
        encoding="utf-8")
    texts = bench_speed.dev_chunk_texts([folder])
    assert len(texts) >= 2
    assert any(t.startswith("《示例市节水办法（测试样例）》") and "用水台账" in t for t in texts)
    assert all(t.startswith("《示例市节水办法（测试样例）》") for t in texts)  # lexical.index_text, as the ingest embeds
    assert lexical.index_text("T", "H", "X").startswith("《T》")


def test_the_report_names_cpu_builds_and_load():
    speed = {
        "date": "2031-01-01 10:00", "commit": "abc1234", "loadavg": "0.5 0.4 0.3", "argv": "--only speed",
        "cpu": bench_speed.cpu_report(),
        "engines": {"chunks": 8, "batch": 4, "rounds": 1, "mean_chars": 50, "notes": ["avx512vnni build not measured: x"],
                    "engines": {"bundled": {"chunks_per_s": 10.0, "chunks_per_cpu_s": 6.0, "ratio": 1.0, "cpu_ratio": 1.0,
                                            "load1": [0.5]},
                                "native/avx2": {"chunks_per_s": 35.0, "chunks_per_cpu_s": 20.0, "ratio": 3.5,
                                                "cpu_ratio": 3.33, "load1": [0.5], "min_cosine": 0.99995,
                                                "same_token_counts": True}}},
        "dev": {}, "ratios": {}, "notes": ["a note"],
        "cold_ask": {"runs": 3, "wall_min": 1.2, "wall_median": 1.3, "cpu_median": 1.25, "load1": [0.5, 0.5, 0.5]},
    }
    text = bench_speed.render_speed(speed)
    assert "CPU flags:" in text and "default build here:" in text and "load average" in text
    assert "| native/avx2 | 35.0 | 3.50× | 20.0 | 3.33× | 0.99995 | yes | 0.5 |" in text
    assert "AVX-512 code is compiled out" in text and "**1.20 s** best" in text
    assert "- avx512vnni build not measured: x" in text and "- a note" in text
