"""The large database (``demo --scale large``), built once per benchmark run by the command itself
(so that building it is measured too) and copied for each test that needs it."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class LargeTemplate:
    path: Path
    wall: float  # seconds, start to exit of the command
    cpu: float  # user + system seconds of the command (what a loaded machine does not inflate)


@pytest.fixture(scope="session")
def large_template(tmp_path_factory) -> LargeTemplate:
    path = tmp_path_factory.mktemp("large") / "large.sqlite3"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(path), "--scale", "large"],
                   check=True, cwd=ROOT, env=dict(os.environ), capture_output=True, timeout=900)  # fmt: skip
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return LargeTemplate(path, wall, cpu)


@pytest.fixture
def large_db_path(large_template: LargeTemplate, tmp_path: Path) -> Path:
    path = tmp_path / "large.sqlite3"
    shutil.copyfile(large_template.path, path)
    return path


def load() -> str:
    """The load average, printed with every figure: the machine may be shared."""
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


class Targets:
    """The targets of issue 18, checked with room for a noisy machine. A target not met yet (the
    work of its point 3) makes the test an expected failure that lists every miss with its figure,
    once everything has been measured and printed."""

    def __init__(self, room: float = 1.25) -> None:
        self.room = room
        self.misses: list[str] = []

    def check(self, name: str, value: float, target: float, room: float | None = None) -> None:
        if value > target * (self.room if room is None else room):
            self.misses.append(f"{name}: {value:.2f}, target {target:.2f}")

    def done(self) -> None:
        if self.misses:
            pytest.xfail("; ".join(self.misses) + " (issue 18 point 3 not done yet)")
