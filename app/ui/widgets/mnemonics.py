"""Mnemonics for the field labels of a dialog: Alt and a letter goes to the field.

Every label of a form row whose field takes the keyboard gets its field as buddy and a letter of
its own within the dialog, in whatever language the dialog speaks: the translator's letter (an
``&`` in the msgid or its translation) when no other widget of the dialog has it, else the first
free initial of a word, else the first free letter of the label. A Chinese label takes a Latin
letter in the usual form, ``名称(&N)：``, chosen from the English words it translates. The letters
of the dialog's buttons, group boxes and tabs are left alone and avoided.

:func:`apply_mnemonics` works from the labels' texts as last set by the dialog (it remembers what
it made of them), so calling it again, after a language switch or not, gives the same result as
for a dialog opened fresh in that language. :class:`app.ui.dialogs.record_dialog.RecordDialog`
calls it after every retranslation, and every dialog gets it when shown and after a language
switch (:class:`app.ui.widgets.retranslate.Retranslatable`).
"""

from __future__ import annotations

import re
import string

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QTabWidget,
    QWidget,
)

from app.i18n import source_text

#: the mnemonic Chinese texts append: 名称(&N)
_SUFFIX = re.compile(r"\s*[(（]&(\w)[)）]")
_AMP = re.compile(r"&([^&\s])")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DONE, _SOURCE = "mnemonic_done", "mnemonic_source"


def key_of(text: str) -> str | None:
    """The mnemonic letter of ``text`` (casefolded), or None."""
    m = _SUFFIX.search(text) or _AMP.search(text.replace("&&", ""))
    return m.group(1).casefold() if m else None


def plain(text: str) -> str:
    """``text`` without its mnemonic (``&`` or the Chinese ``(&N)``); ``&&`` becomes ``&``."""
    text = _SUFFIX.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _candidates(text: str) -> list[str]:
    """Letters to try, best first: the marked one, the words' initials, the other letters."""
    out = []
    marked = key_of(text)
    if marked:
        out.append(marked)
    words = re.findall(r"\w+", plain(text))
    out += [w[0] for w in words if w[0].isalnum()]
    out += [c for c in plain(text) if c.isalnum()]
    return list(dict.fromkeys(c.casefold() for c in out if not _HAN.match(c)))


def _escape(text: str) -> str:
    return text.replace("&", "&&")


def _with_letter(text: str, letter: str) -> str:
    """``text`` (plain) with ``&`` before the first ``letter``."""
    p = plain(text)
    i = next(k for k, c in enumerate(p) if c.casefold() == letter)
    return _escape(p[:i]) + "&" + _escape(p[i:])


def _with_suffix(text: str, letter: str, chinese: bool) -> str:
    """``text`` (plain) with ``(&X)`` before its final colon, as Chinese labels write it (and other
    labels whose own letters are all taken, after a space)."""
    p = _escape(plain(text))
    stripped = p.rstrip()
    colon = stripped[-1:] if stripped[-1:] in (":", "：") else ""
    body = stripped[: len(stripped) - len(colon)]
    return f"{body}{'' if chinese else ' '}(&{letter.upper()}){colon}"


def takes_keyboard(widget: QWidget | None) -> bool:
    """Whether ``widget`` can have the keyboard (Tab reaches it)."""
    if widget is None or isinstance(widget, QLabel):
        return False
    proxy = widget.focusProxy()
    return bool((proxy or widget).focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def _focus_target(widget: QWidget) -> QWidget | None:
    """What takes the keyboard in a field's widget: the widget itself or its first focusable child."""
    return next((w for w in (widget, *widget.findChildren(QWidget)) if takes_keyboard(w)), None)


def _field_widget(item) -> QWidget | None:
    if item is None:
        return None
    if item.widget() is not None:
        return item.widget()
    layout: QLayout | None = item.layout()
    if layout is not None:
        for i in range(layout.count()):
            w = _field_widget(layout.itemAt(i))
            if w is not None and _focus_target(w) is not None:
                return w
    return None


def field_labels(root: QWidget) -> list[tuple[QLabel, QWidget]]:
    """(label, what takes the keyboard) of every form row of ``root`` whose field takes it, in the
    order of the forms and their rows; then the other labels that have a buddy."""
    out: list[tuple[QLabel, QWidget]] = []
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel) or not label.text().strip():
                continue
            field = _field_widget(form.itemAt(row, QFormLayout.ItemRole.FieldRole))
            target = _focus_target(field) if field is not None else None
            if target is None and takes_keyboard(label.buddy()):
                target = label.buddy()
            if target is not None:
                out.append((label, target))
    seen = {id(label) for label, _t in out}
    for label in root.findChildren(QLabel):
        if id(label) not in seen and takes_keyboard(label.buddy()) and label.text().strip():
            out.append((label, label.buddy()))
    return out


def other_keys(root: QWidget, labels: list[QLabel]) -> set[str]:
    """The letters the dialog's buttons, group boxes and tabs already use."""
    managed = {id(w) for w in labels}
    texts = [b.text() for b in root.findChildren(QAbstractButton)]
    texts += [g.title() for g in root.findChildren(QGroupBox)]
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    texts += [lb.text() for lb in root.findChildren(QLabel) if id(lb) not in managed and lb.buddy() is not None]
    return {k for k in map(key_of, texts) if k}


def _source(label: QLabel) -> str:
    """The label's text as the dialog last set it (not as this module changed it)."""
    text = label.text()
    if label.property(_DONE) == text and label.property(_SOURCE) is not None:
        return label.property(_SOURCE)
    return text


def apply_mnemonics(root: QWidget) -> None:
    """Give every field label of ``root`` its buddy and a mnemonic of its own (see the module)."""
    rows = field_labels(root)
    taken = other_keys(root, [label for label, _t in rows])
    for label, target in rows:
        source = _source(label)
        if not takes_keyboard(label.buddy()):
            label.setBuddy(target)
        chinese = bool(_HAN.search(plain(source)))
        tries = _candidates(source_text(source) if chinese else source)
        if chinese:
            tries = [c for c in tries if c in string.ascii_lowercase or c in string.digits]
        tries += [c for c in string.ascii_lowercase + string.digits if c not in tries]
        letter = next((c for c in tries if c not in taken), None)
        if letter is None:
            text = _escape(plain(source))
        else:
            taken.add(letter)
            use_suffix = chinese or letter not in plain(source).casefold()
            text = _with_suffix(source, letter, chinese) if use_suffix else _with_letter(source, letter)
        label.setProperty(_SOURCE, source)
        label.setProperty(_DONE, text)
        if label.text() != text:
            label.setText(text)
