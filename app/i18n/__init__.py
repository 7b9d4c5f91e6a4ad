"""The only place that knows about languages.

Modelled on Picard's small i18n module: ``_()`` looks the current catalog up on every call, so a
language switch takes effect at once; ``N_()`` marks strings defined at import time (enum labels,
column headers) that are translated when they are shown.

English is the source language. The user interface speaks zh_CN, ru or en; documents are printed in
zh or ru whatever the interface language is, through :func:`doc_gettext`.

No Qt here: Qt's own translators live in :mod:`app.i18n.qt`.
"""

from __future__ import annotations

import datetime as _dt
import gettext
import hashlib
import io
import os
from collections.abc import Callable
from functools import lru_cache

from app import paths

DOMAIN = "messages"
LANGUAGES: tuple[str, ...] = ("zh_CN", "ru", "en")
CATALOG_LANGUAGES: tuple[str, ...] = ("zh_CN", "ru")
#: Endonyms: each language is named in itself, never translated.
LANGUAGE_NAMES = {"zh_CN": "中文", "ru": "Русский", "en": "English"}
#: Document (content) languages, as the command line spells them.
DOC_LANGUAGES = ("zh", "ru")


class _State:
    lang: str = "en"
    translation: gettext.NullTranslations = gettext.NullTranslations()


_state = _State()


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, when shown, with ``_()``."""
    return message


def _(message: str) -> str:
    """Translate into the current interface language."""
    if not message:
        return message
    return _state.translation.gettext(message)


def menu_words(message: str) -> str:
    """A menu item's words as a hint quotes them: translated, without its mnemonic (``&F`` or the
    ``(&F)`` that Chinese menus append)."""
    import re

    return re.sub(r"\s*\(&\w\)", "", _(message)).replace("&&", "\0").replace("&", "").replace("\0", "&")


def ngettext(singular: str, plural: str, n: int) -> str:
    return _state.translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _state.translation.pgettext(context, message)


def normalize_language(code: str | None) -> str | None:
    """'zh', 'zh_CN', 'zh-Hans-CN', 'ru_RU.UTF-8', 'en_GB' -> 'zh_CN', 'ru', 'en'; else None."""
    if not code:
        return None
    c = code.split(".")[0].split("@")[0].replace("-", "_").lower()
    if c.startswith("zh"):
        return "zh_CN"
    if c.startswith("ru"):
        return "ru"
    if c.startswith("en") or c in ("c", "posix"):
        return "en"
    return None


def ui_language_of(doc_lang: str) -> str:
    return {"zh": "zh_CN", "ru": "ru"}.get(doc_lang, normalize_language(doc_lang) or "en")


def system_language() -> str:
    """The language of the system locale if we speak it, else English."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            for part in value.split(":"):
                n = normalize_language(part)
                if n:
                    return n
            break
    try:
        import locale as _locale

        n = normalize_language(_locale.getlocale()[0])
        if n:
            return n
    except (ValueError, TypeError):
        pass
    return "en"


def po_path(lang: str):
    return paths.translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str):
    return paths.translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compile_po(po_bytes: bytes) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_bytes))
    for message in list(catalog):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):  # a half-translated entry falls back to English, never to ""
            catalog.delete(message.id, context=message.context)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


@lru_cache(maxsize=8)
def translation(lang: str) -> gettext.NullTranslations:
    """The catalog of ``lang`` (zh_CN, ru); English is the identity.

    A ``.po`` file is compiled once into the user's cache folder, keyed by its content hash, so
    start-up reads a ready ``.mo``. A frozen build ships the ``.mo`` files themselves.
    """
    lang = normalize_language(lang) or "en"
    if lang == "en":
        return gettext.NullTranslations()
    po = po_path(lang)
    if po.is_file():
        data = po.read_bytes()
        digest = hashlib.sha1(data).hexdigest()[:16]
        cached = paths.user_cache_dir() / "mo" / f"{lang}-{digest}.mo"
        mo_bytes: bytes | None = None
        try:
            mo_bytes = cached.read_bytes()
        except OSError:
            mo_bytes = compile_po(data)
            paths.write_cache(cached, mo_bytes)  # (if it cannot, compiled again next time)
        return gettext.GNUTranslations(io.BytesIO(mo_bytes))
    mo = mo_path(lang)
    if mo.is_file():
        with open(mo, "rb") as fh:
            return gettext.GNUTranslations(fh)
    return gettext.NullTranslations()


def set_language(code: str | None) -> str:
    """Switch the interface language; returns the normalized code actually used."""
    lang = normalize_language(code) or "en"
    _state.translation = translation(lang)
    _state.lang = lang
    return lang


def current_language() -> str:
    return _state.lang


def source_text(text: str) -> str:
    """The English msgid that ``text`` translates in the current language (``text`` itself when
    it is not a translation): a Chinese label takes its mnemonic letter from its English words."""
    return _sources(_state.lang).get(text, text)


@lru_cache(maxsize=8)
def _sources(lang: str) -> dict[str, str]:
    catalog = getattr(translation(lang), "_catalog", {})
    return {v: k for k, v in catalog.items() if isinstance(k, str) and isinstance(v, str) and k}


def doc_gettext(lang: str) -> Callable[[str], str]:
    """A gettext function for a document language (zh/ru), independent of the interface."""
    t = translation(ui_language_of(lang))
    return t.gettext


def doc_ngettext(lang: str) -> Callable[[str, str, int], str]:
    t = translation(ui_language_of(lang))
    return t.ngettext


# --- Formatting: app/i18n/wording.py -------------------------------------------------------------


def format_date(value: _dt.date | None, format: str = "short", lang: str | None = None) -> str:
    """The short (table) style, or the long (document) style for ``format="long"``."""
    from app.i18n import wording

    if format == "long":
        return wording.long_date(value, lang)
    return wording.short_date(value, lang)


def format_datetime(value: _dt.datetime | None, format: str = "short", lang: str | None = None) -> str:
    """The short date and the time, in the laptop's local time."""
    from app.i18n import wording

    return wording.short_datetime(value, lang)


# Re-exported for the code that imports them from here; wording needs the functions above.
from app.i18n.wording import (  # noqa: E402, F401
    currency_digits,
    currency_name,
    format_amount,
    format_money,
    format_number,
    is_known_currency,
    parse_decimal,
)
