"""The PyInstaller bundle: build it with build.spec and run the frozen program headless.

Marked slow (it builds the whole bundle); CI runs it after the main suite:
    python -m pytest -m slow tests/test_packaging.py
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None, reason="pip install -e '.[build]'"),
]

#: (document, extra arguments) printed from the demo by the frozen program, when the document exists
DOCUMENTS = [
    ("memorandum", ["--session", "2", "--lang", "ru"]),
    ("statement", ["--session", "1", "--lang", "zh"]),
    ("experts", ["--from", "2000-01-01", "--to", "2100-01-01", "--lang", "zh"]),
    ("minutes", ["--session", "1", "--original", "CN"]),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "build.spec", "--noconfirm", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build")],
        cwd=ROOT, check=True, capture_output=True, timeout=1200,
    )  # fmt: skip
    folder = work / "dist" / "commission-desk"
    assert (folder / "commission-desk").exists()
    return folder


def run(bundle: Path, *args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    # No Python on the path, private user folders: as on a delegate's laptop.
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    return subprocess.run([str(bundle / "commission-desk"), *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300)  # fmt: skip


def test_the_frozen_program_runs_offline(bundle, tmp_path):
    r = run(bundle, "--version", tmp_path=tmp_path)
    assert r.returncode == 0 and __version__ in r.stdout
    db = tmp_path / "demo.sqlite3"
    r = run(bundle, "--lang", "ru", "demo", "--db", str(db), tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "создана" in r.stdout  # the compiled Russian catalog is bundled
    r = run(bundle, "--lang", "zh_CN", "pdf", "--help", tmp_path=tmp_path)
    assert r.returncode == 0 and "用法" in r.stdout


def test_the_frozen_gui_starts_and_every_pdf_is_printed(bundle, tmp_path):
    db = tmp_path / "demo.sqlite3"
    assert run(bundle, "demo", "--db", str(db), tmp_path=tmp_path).returncode == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMMISSION_DESK_QUIT_AFTER_START="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"))  # fmt: skip
    r = subprocess.run([str(bundle / "commission-desk"), "--db", str(db), "--lang", "ru"], env=env,
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr
    printed = 0
    for kind, args in DOCUMENTS:
        if not (ROOT / "app" / "cli" / f"pdf_{kind}.py").exists():
            continue
        out = tmp_path / f"{kind}.pdf"
        r = run(bundle, "pdf", kind, "--db", str(db), *args, "-o", str(out), tmp_path=tmp_path)
        assert r.returncode == 0, (kind, r.stderr)
        assert out.read_bytes().startswith(b"%PDF")
        if shutil.which("pdffonts"):
            fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
            assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip()), fonts
        printed += 1
    assert printed or not any((ROOT / "app" / "cli" / f"pdf_{k}.py").exists() for k, _a in DOCUMENTS)
