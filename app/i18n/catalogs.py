"""Keeping translations/ in step with the code.

    python -m app.i18n.catalogs update         extract the strings, write messages.pot, merge into
                                               zh_CN and ru (sorted, translations kept), list gaps
    python -m app.i18n.catalogs missing        print a JSON skeleton of what is untranslated
    python -m app.i18n.catalogs apply F.json   take translations from F.json:
                                               {"msgid": {"zh_CN": "…", "ru": "…"}, …}
                                               (plural entries: {"msgid": {"plural": "…",
                                                "zh_CN": ["…"], "ru": ["…", "…", "…"]}})
    python -m app.i18n.catalogs check          exit 1 on anything missing, fuzzy or inconsistent
    python -m app.i18n.catalogs compile        write .mo files beside the .po files (for build.spec)

Extraction keywords: _ N_ ngettext:1,2 pgettext:1c,2 _d (a document's gettext) _dn:1,2.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from app import paths
from app.i18n import CATALOG_LANGUAGES, DOMAIN

KEYWORDS = {
    "_": None,
    "N_": None,
    "_d": None,
    "ngettext": (1, 2),
    "_dn": (1, 2),
    "pgettext": ((1, "c"), 2),
}

#: Headers carry no timestamp, so that extracting twice changes nothing and branches merge cleanly.
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

HEADER_COMMENT = "# Commission Desk user interface and document strings.\n#"

PLURAL_FORMS = {
    "zh_CN": "nplurals=1; plural=0;",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}

_FIELD = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")


def app_dir() -> Path:
    return Path(__file__).resolve().parent.parent


def extract() -> Catalog:
    """Every marked string under app/, as a template catalog."""
    catalog = Catalog(project="Commission Desk", domain=DOMAIN, charset="utf-8", creation_date=FIXED_DATE,
                      revision_date=FIXED_DATE)  # fmt: skip
    root = app_dir()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root),
        method_map=[("**/migrations/**.py", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        if not message or (isinstance(message, tuple) and not message[0]):
            continue
        catalog.add(
            message,
            None,
            [(f"app/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def _read(path: Path) -> Catalog:
    with open(path, "rb") as fh:
        return read_po(fh, locale=path.parent.parent.name)


def _write(path: Path, catalog: Catalog) -> None:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False)
    data = buf.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _key(message: Message):
    mid = message.id[0] if isinstance(message.id, tuple) else message.id
    return (message.context, mid)


def update(verbose: bool = True) -> dict[str, list[str]]:
    template = extract()
    tdir = paths.translations_dir()
    _write(tdir / f"{DOMAIN}.pot", template)
    gaps: dict[str, list[str]] = {}
    for lang in CATALOG_LANGUAGES:
        path = tdir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        old = _read(path) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
        new = Catalog(locale=lang, domain=DOMAIN, project="Commission Desk", charset="utf-8",
                      creation_date=FIXED_DATE, revision_date=FIXED_DATE)  # fmt: skip
        known = {_key(m): m for m in old if m.id}
        for tm in template:
            if not tm.id:
                continue
            prev = known.get(_key(tm))
            string = (
                prev.string
                if prev is not None
                else ("",) * (3 if lang == "ru" else 1)
                if tm.pluralizable
                else ""
            )
            if tm.pluralizable and isinstance(string, str):
                string = (string,)
            if not tm.pluralizable and isinstance(string, tuple):
                string = string[0]
            new.add(tm.id, string, tm.locations, auto_comments=tm.auto_comments, context=tm.context)
        _write(path, new)
        gaps[lang] = [m.id if isinstance(m.id, str) else m.id[0] for m in new if m.id and not _translated(m)]
        if verbose:
            print(f"{lang}: {len([m for m in new if m.id])} entries, {len(gaps[lang])} untranslated")
    return gaps


def _translated(m: Message) -> bool:
    if isinstance(m.string, tuple):
        return all(s for s in m.string)
    return bool(m.string)


def missing() -> dict:
    out: dict = {}
    for lang in CATALOG_LANGUAGES:
        for m in _read(paths.translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"):
            if not m.id or _translated(m):
                continue
            mid = m.id if isinstance(m.id, str) else m.id[0]
            entry = out.setdefault(mid, {})
            if isinstance(m.id, tuple):
                entry["plural"] = m.id[1]
                entry[lang] = [""] * (3 if lang == "ru" else 1)
            else:
                entry[lang] = ""
    return out


def apply(mapping: dict) -> int:
    changed = 0
    for lang in CATALOG_LANGUAGES:
        path = paths.translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = _read(path)
        for m in catalog:
            if not m.id:
                continue
            mid = m.id if isinstance(m.id, str) else m.id[0]
            entry = mapping.get(mid)
            if not entry or lang not in entry or not entry[lang]:
                continue
            value = entry[lang]
            if isinstance(m.id, tuple):
                m.string = tuple(value) if isinstance(value, list) else (value,)
            else:
                m.string = value if isinstance(value, str) else value[0]
            m.flags.discard("fuzzy")
            changed += 1
        _write(path, catalog)
    return changed


def fields(text: str) -> set[str]:
    return set(_FIELD.findall(text))


def problems() -> list[str]:
    """Everything that would show a user an untranslated or broken string."""
    out: list[str] = []
    template = extract()
    wanted = {_key(m) for m in template if m.id}
    for lang in CATALOG_LANGUAGES:
        path = paths.translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not path.exists():
            out.append(f"{lang}: {path} is missing")
            continue
        catalog = _read(path)
        have = {}
        for m in catalog:
            if not m.id:
                continue
            have[_key(m)] = m
            mid = m.id if isinstance(m.id, str) else m.id[0]
            if m.fuzzy:
                out.append(f"{lang}: fuzzy: {mid!r}")
            if not _translated(m):
                out.append(f"{lang}: untranslated: {mid!r}")
                continue
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            strs = m.string if isinstance(m.string, tuple) else (m.string,)
            want_fields = set().union(*(fields(i) for i in ids))
            for s in strs:
                extra = fields(s) - want_fields
                if extra:
                    out.append(f"{lang}: {mid!r} has unknown placeholders {sorted(extra)} in {s!r}")
            if not isinstance(m.id, tuple) and fields(m.id) - fields(m.string):
                out.append(f"{lang}: {mid!r} loses placeholders {sorted(fields(m.id) - fields(m.string))}")
        for k in sorted(wanted - set(have), key=str):
            out.append(f"{lang}: not in the catalog: {k[1]!r}")
    return out


def compile_all() -> None:
    for lang in CATALOG_LANGUAGES:
        po = paths.translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = _read(po)
        with open(po.with_suffix(".mo"), "wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    cmd = argv[0] if argv else "update"
    if cmd == "update":
        update()
        return 0
    if cmd == "missing":
        print(json.dumps(missing(), ensure_ascii=False, indent=1))
        return 0
    if cmd == "apply":
        with open(argv[1], encoding="utf-8") as fh:
            n = apply(json.load(fh))
        print(f"{n} translations applied")
        return 0
    if cmd == "check":
        found = problems()
        for p in found:
            print(p)
        return 1 if found else 0
    if cmd == "compile":
        compile_all()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
