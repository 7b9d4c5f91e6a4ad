"""The shape of the project: no module in app/ grows past what one can read through, and
pyproject.toml declares its metadata as current packaging tools expect."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"

#: Longest a module in app/ may be: past it, split the module by concern.
MAX_LINES = 600

def _modules() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_in_app_is_over_600_lines():
    too_long = {}
    for path in _modules():
        name = path.relative_to(ROOT).as_posix()
        with path.open(encoding="utf-8") as fh:
            lines = sum(1 for _ in fh)
        if lines > MAX_LINES:
            too_long[name] = lines
    assert not too_long, f"split these modules by concern (at most {MAX_LINES} lines each): {too_long}"


@pytest.fixture(scope="module")
def pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)


def test_the_license_is_an_spdx_expression(pyproject):
    # A table (license = { text = ... }) is deprecated by setuptools and stops working in 2027;
    # PEP 639 wants an SPDX expression, and LicenseRef- is SPDX's way to name a proprietary licence.
    license = pyproject["project"]["license"]
    assert license == "LicenseRef-Proprietary"
    assert not any(c.startswith("License ::") for c in pyproject["project"].get("classifiers", []))
    for path in pyproject["project"].get("license-files", []):
        assert list(ROOT.glob(path)), f"license-files names {path}, which matches no file"


def test_the_build_backend_understands_spdx_expressions(pyproject):
    requires = pyproject["build-system"]["requires"]
    setuptools = [r for r in requires if r.replace(" ", "").startswith("setuptools")]
    assert setuptools == ["setuptools>=77"], "setuptools reads license expressions from version 77"
