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
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
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


def doc_language(code: str) -> str:
    """'zh'/'zh_CN' -> 'zh', 'ru' -> 'ru' (the content languages)."""
    n = normalize_language(code)
    if n == "zh_CN":
        return "zh"
    if n == "ru":
        return "ru"
    raise ValueError(f"not a document language: {code!r}")


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
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(mo_bytes)
                os.replace(tmp, cached)
            except OSError:
                pass  # a read-only cache folder only costs us the compilation next time
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


def doc_gettext(lang: str) -> Callable[[str], str]:
    """A gettext function for a document language (zh/ru), independent of the interface."""
    t = translation(ui_language_of(lang))
    return t.gettext


def doc_ngettext(lang: str) -> Callable[[str, str, int], str]:
    t = translation(ui_language_of(lang))
    return t.ngettext


# --- Babel formatting -----------------------------------------------------------------------------


def babel_locale_name(lang: str | None = None) -> str:
    lang = lang or _state.lang
    n = ui_language_of(lang) if lang in DOC_LANGUAGES else (normalize_language(lang) or "en")
    return {"zh_CN": "zh_CN", "ru": "ru_RU", "en": "en_GB"}[n]


@lru_cache(maxsize=8)
def babel_locale(lang: str | None = None):
    from babel import Locale

    return Locale.parse(babel_locale_name(lang))


def format_date(value: _dt.date | None, format: str = "medium", lang: str | None = None) -> str:
    if value is None:
        return ""
    from babel.dates import format_date as _fd

    return _fd(value, format=format, locale=babel_locale_name(lang))


def format_datetime(value: _dt.datetime | None, format: str = "medium", lang: str | None = None) -> str:
    if value is None:
        return ""
    from babel.dates import format_datetime as _fdt

    if value.tzinfo is not None:
        value = value.astimezone()  # shown in the laptop's local time
    return _fdt(value, format=format, locale=babel_locale_name(lang))


def format_time(value: _dt.time | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    return value.strftime("%H:%M")


def format_number(value: int | Decimal | float, lang: str | None = None) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale_name(lang))


_CURRENCY_SPACING = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def format_money(amount: Decimal, currency: str, lang: str | None = None) -> str:
    """``1 234,50 ₽`` in Russian, ``¥1,234.50`` in Chinese: Babel's pattern for the locale.

    A currency shown by its letters is spaced from the digits (``RUB 1,234.50``, not
    ``RUB1,234.50``), as CLDR's currency spacing rule asks and Babel does not do.
    """
    from babel.numbers import format_currency

    text = format_currency(amount, currency, locale=babel_locale_name(lang))
    return _CURRENCY_SPACING.sub("\u00a0", text)


def format_amount(amount: Decimal, currency: str, lang: str | None = None) -> str:
    """The number alone, with the currency's decimals, in the locale's digits and separators."""
    from babel.numbers import format_decimal, get_currency_precision

    digits = get_currency_precision(currency)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(amount, format=pattern, locale=babel_locale_name(lang))


def parse_decimal(text: str, lang: str | None = None) -> Decimal:
    """Parse a number typed in the locale's way (``1 234,50`` in Russian, ``1,234.50`` in Chinese).

    Raises ``ValueError`` with a translated message when the text is not a number.
    """
    from babel.numbers import NumberFormatError
    from babel.numbers import parse_decimal as _pd

    cleaned = (text or "").strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not cleaned:
        raise ValueError(_("Enter a number."))
    loc = babel_locale_name(lang)
    cleaned = cleaned.replace(" ", "")  # spaces only ever group digits
    try:
        return _pd(cleaned, locale=loc, strict=True)
    except (NumberFormatError, InvalidOperation):
        pass
    try:  # the plain form 1234.50 is understood in every locale
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(_("“{text}” is not a number.").format(text=text)) from None


def currency_name(code: str, lang: str | None = None) -> str:
    from babel.numbers import get_currency_name

    return get_currency_name(code, locale=babel_locale_name(lang))


def is_known_currency(code: str) -> bool:
    from babel.numbers import get_currency_name, is_currency

    if not code or len(code) != 3 or not code.isalpha() or not code.isupper():
        return False
    if is_currency(code):
        return True
    # Historic codes (SUR, the Soviet rouble) are no longer "current" but Babel still names them.
    return get_currency_name(code, locale="en") != code


def currency_digits(code: str) -> int:
    from babel.numbers import get_currency_precision

    return get_currency_precision(code)
