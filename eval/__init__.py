"""Evaluations of GreenKB (retrieval, baseline, …) on ../shared/eval; see `python -m eval --help`."""
