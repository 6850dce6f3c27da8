"""The benchmark's sizes: `NxK` measures a size K times and shows the median run (benchmarks/generate.py).

Synthetic figures: what is tested is the choice among runs, not any run's content."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import pytest

_BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
sys.path.insert(0, str(_BENCHMARKS))
_SPEC = importlib.util.spec_from_file_location("benchmark_generate", _BENCHMARKS / "generate.py")
generate = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(generate)


def _run(generator: float, whole: float) -> dict:
    return {"files": 1000, "build": {"timings": {"read + parse": generator / 2, "render + write": generator / 2, "mkdocs build": 9.0}, "seconds": whole}}


def test_a_size_is_n_or_n_times_k() -> None:
    assert generate._size_spec("1000") == (1000, 1)
    assert generate._size_spec("1000x3") == (1000, 3)
    for bad in ("x3", "1000x", "1000x0", "0", "tien", "1000x3x2"):
        with pytest.raises(argparse.ArgumentTypeError, match="not a size"):
            generate._size_spec(bad)


def test_the_median_run_by_generator_time_is_shown_with_every_run_beneath() -> None:
    runs = [_run(7.8, 20.0), _run(4.8, 30.0), _run(6.6, 21.0)]
    assert generate._median_run(runs) is runs[2]  # by the generator's stages, not the whole build
    assert generate._median_run(runs[:2]) is runs[1]  # of two, the lower
    results = {1000: {**runs[2], "runs": [(7.8, 20.0), (4.8, 30.0), (6.6, 21.0)]}, 10000: {**_run(70.0, 190.0), "runs": [(70.0, 190.0)]}}
    assert generate._runs_note(results) == [
        "N = 1,000: the median of 3 runs by generator time; each run's generator / whole: 7.8 / 20.0 s, 4.8 / 30.0 s, 6.6 / 21.0 s.  "
    ]
