"""Never lose a word: the real editor runs in a separate process, types, and is killed with
SIGKILL; everything it typed more than two seconds before the kill is in the database."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.db import Database
from app.core.models import Segment

ROOT = Path(__file__).resolve().parents[2]
TYPING_SECONDS = 7.0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_text_typed_two_seconds_before_a_kill_is_in_the_database(demo_db_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with Database.open(demo_db_path).engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_child", str(demo_db_path)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1,
    )  # fmt: skip
    typed: list[tuple[str, float, str]] = []
    uuid = ""
    sel = selectors.DefaultSelector()
    sel.register(child.stdout, selectors.EVENT_READ)
    started = None
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if started is not None and time.monotonic() - started >= TYPING_SECONDS:
                break
            if not sel.select(timeout=0.5):
                if child.poll() is not None:
                    break
                continue
            line = child.stdout.readline()
            if not line:
                break
            parts = line.rstrip("\n").split(" ", 3)
            if parts[0] == "ready":
                uuid = parts[1]
            elif parts[0] == "typed":
                if started is None:
                    started = time.monotonic()
                typed.append((parts[1], float(parts[2]), parts[3] if len(parts) > 3 else " "))
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert uuid, child.stderr.read()
    assert child.returncode == -signal.SIGKILL
    assert len(typed) > 40, "the editor typed too little to say anything"
    safe = {"zh": "", "ru": ""}
    everything = {"zh": "", "ru": ""}
    for lang, at, ch in typed:
        everything[lang] += ch
        if at <= killed_at - 2.0:
            safe[lang] += ch
    assert safe["zh"] and safe["ru"]

    db = Database.open(demo_db_path)
    try:
        with db.unit() as s:
            seg = s.query(Segment).filter_by(uuid=uuid).one()
            zh, ru = seg.text_zh, seg.text_ru
    finally:
        db.close()
    original_zh = "双方同意，在下次会议前交流使用新机器、新设备和新技术的经验，并交换有关资料。"
    original_ru = (
        "Стороны договорились до следующего заседания обменяться опытом применения новых машин, нового "
        "оборудования и новой технологии, а также соответствующими материалами."
    )
    for lang, original, saved in (("zh", original_zh, zh), ("ru", original_ru, ru)):
        assert saved.startswith(original + safe[lang]), (lang, len(safe[lang]), saved[len(original) :])
        assert (original + everything[lang]).startswith(saved)
