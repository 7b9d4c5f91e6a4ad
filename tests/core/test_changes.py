"""Services say what they change (``@changes``); the interface announces exactly that.

No display here: the mechanism is plain Python, and the check that every service the interface
writes with declares its changes reads the interface's source without importing Qt.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from app.core.changes import Change, changes, declared_changes, recording

ROOT = Path(__file__).resolve().parents[2]


@changes(Change.EXCHANGES)
def _save(session, value):
    session.append(value)
    return value * 2


@changes(Change.ATTACHMENTS, Change.EXCHANGES)
def _attach(session):
    session.append("file")


@changes(Change.EXPERTS)
def _refuse(session):
    raise ValueError("no")


def test_a_declared_function_keeps_its_name_signature_and_result():
    assert _save.__name__ == "_save" and _save.__wrapped__.__name__ == "_save"
    assert declared_changes(_save) == {Change.EXCHANGES}
    assert declared_changes(lambda s: None) is None
    out: list = []
    assert _save(out, 21) == 42 and out == [21]  # outside recording, it just runs


def test_recording_collects_what_the_called_functions_changed():
    def dialog_save(session):  # a dialog's own function: a record and its attachments
        _save(session, 1)
        _attach(session)

    with recording() as changed:
        dialog_save([])
    assert changed == {Change.EXCHANGES, Change.ATTACHMENTS}
    with recording() as changed:
        _save([], 1)
        with pytest.raises(ValueError):
            _refuse([])
    assert changed == {Change.EXCHANGES}  # what raised changed nothing
    with recording() as outer:
        with recording() as inner:
            _attach([])
        _save([], 1)
    assert inner == {Change.ATTACHMENTS, Change.EXCHANGES} and outer == {Change.EXCHANGES}


def test_changes_must_name_changes():
    with pytest.raises(TypeError):
        changes()
    with pytest.raises(TypeError):
        changes("exchanges")  # type: ignore[arg-type]


# --- every service the interface writes with declares what it changes -------------------------------


def _imports(tree: ast.Module) -> dict[str, str]:
    """{local name: module or module.attribute} for the ``from app… import …`` of a file."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app."):
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _resolve(dotted: str):
    """A module (``app.core.services.people``) or a module's attribute (``….records.add_person``)."""
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError:
        module, _dot, name = dotted.rpartition(".")
        return getattr(importlib.import_module(module), name)


def _write_calls():
    """(file:line, first argument, the function it names or None) of every ``….write(…)`` in app/ui."""
    for path in sorted((ROOT / "app" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = _imports(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "write" or not node.args:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            first = node.args[0]
            fn = None
            if isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name):
                if first.value.id in imports and imports[first.value.id].startswith("app.core"):
                    fn = getattr(_resolve(imports[first.value.id]), first.attr)
            elif isinstance(first, ast.Name) and imports.get(first.id, "").startswith("app.core"):
                fn = _resolve(imports[first.id])
            yield where, ast.unparse(first), fn


def test_every_service_written_with_declares_its_changes():
    calls = list(_write_calls())
    services = [(where, fn) for where, _text, fn in calls if fn is not None]
    assert len(services) >= 40  # the scan finds the call sites
    undeclared = [f"{where}: {fn.__module__}.{fn.__qualname__}" for where, fn in services
                  if declared_changes(fn) is None]  # fmt: skip
    assert undeclared == []


def test_no_call_site_names_the_changes_by_hand():
    by_hand = [f"{where}: {text}" for where, text, _fn in calls_with_sets()]
    assert by_hand == []


def calls_with_sets():
    for where, text, fn in _write_calls():
        if text.startswith(("Change.", "{Change", "set(", "frozenset(")) or text in ("changes", "ALL"):
            yield where, text, fn


WRITE_VERBS = ("add", "save", "update", "delete", "remove", "set", "move", "record", "import", "restore",
               "reopen", "advance", "revert", "copy", "issue", "create", "insert", "split", "merge", "unmerge",
               "unsplit", "place", "start")  # fmt: skip
#: Named like writes, but they only read the database (and write a file).
READS = {"save_copy"}


def test_every_writing_service_the_interface_uses_declares_its_changes():
    """Also those called inside a dialog's own save function (a record and its attachments)."""
    undeclared = set()
    for path in sorted((ROOT / "app" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = _imports(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
                continue
            module = imports.get(node.value.id, "")
            if not module.startswith("app.core.services") or node.attr.split("_")[0] not in WRITE_VERBS:
                continue
            if node.attr in READS:
                continue
            fn = getattr(_resolve(module), node.attr, None)
            if callable(fn) and getattr(fn, "__module__", "").startswith("app.core") and declared_changes(fn) is None:
                undeclared.add(f"{path.relative_to(ROOT)}: {module}.{node.attr}")
    assert sorted(undeclared) == []
