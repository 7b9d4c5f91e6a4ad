"""The core (models, services, demo), i18n and the reports import no Qt: a test enforces it."""

import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"

QT_FREE = ("app/core", "app/i18n", "app/reports", "app/cli")
ALLOWED = {"app.i18n.qt"}  # Qt's translators: the one module of i18n that is for the GUI


def _modules() -> list[str]:
    out = []
    for top in QT_FREE:
        root = APP.parent / top
        if not root.exists():
            continue
        for f in sorted(root.rglob("*.py")):
            mod = ".".join(f.relative_to(APP.parent).with_suffix("").parts)
            if mod.endswith(".__init__"):
                mod = mod[: -len(".__init__")]
            if mod not in ALLOWED and not mod.endswith("__main__"):
                out.append(mod)
    return out


def test_core_imports_no_qt():
    modules = _modules()
    assert "app.core.models" in modules and "app.core.services.people" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=APP.parent, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt imported by the core: {result.stdout.strip()}"
