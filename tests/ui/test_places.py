"""Places have an English name and, for Russian sentences, the city after «в»: the English screens
never fall back to Russian, and Russian sentences read «в Пекине», not «(Пекине)»."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.services.agenda import schedule
from app.core.services.agenda.sessions import get_meeting, meeting_by_ordinal
from app.core.services.minutes import content as mc
from app.core.services.minutes import templates
from app.i18n.qt import apply_language


def _meeting(ctx, ordinal):
    return ctx.read(lambda s: get_meeting(s, meeting_by_ordinal(s, ordinal).id))


def test_the_demo_places_have_english_names_and_the_russian_locative(demo_ctx):
    m1, m2 = _meeting(demo_ctx, 1), _meeting(demo_ctx, 2)
    assert (m1.city("en"), m2.city("en"), m2.venue("en")) == ("Beijing", "Moscow", "Spiridonovka Reception House")
    assert (m1.city_locative(), m2.city_locative()) == ("Пекине", "Москве")
    events = demo_ctx.read(lambda s: schedule.list_events(s, m2.id))
    assert all(e.place("en") and not any("а" <= ch <= "я" for ch in e.place("en").lower()) for e in events)
    assert demo_ctx.read(lambda s: mc.signing_defaults(s, m2.id)).place_ru == "Москве"
    held = templates.preamble(demo_ctx.read(lambda s: __import__(
        "app.core.services.commission", fromlist=["x"]).get_commission(s)), m2, "ru")[0]
    assert "состоялось в Москве" in held


def test_the_session_dialog_edits_the_english_names_and_the_locative(qtbot, demo_ctx):
    from app.ui.dialogs.session_dialog import SessionDialog

    apply_language("en")
    m = _meeting(demo_ctx, 2)
    d = SessionDialog(demo_ctx, m)
    qtbot.addWidget(d)
    assert d.widgets["city_en"].text() == "Moscow"
    assert d.widgets["city_ru_in"].text() == "Москве"
    d.widgets["city_en"].setText("Moskva")
    d.widgets["venue_en"].setText("Spiridonovka House")
    d.accept()
    m = _meeting(demo_ctx, 2)
    assert (m.city_en, m.venue_en, m.city_ru_in) == ("Moskva", "Spiridonovka House", "Москве")


@pytest.mark.parametrize(
    "lang, says, never",
    [("en", "in Beijing", "Пекин"), ("ru", "в Пекине", "(Пекине)"), ("zh_CN", "在北京", "Пекин")],
)
def test_the_signed_banner_names_the_place_in_the_interface_language(qtbot, demo_window, lang, says, never):
    apply_language(lang)
    v = demo_window.view_named("MinutesView")
    demo_window.tabs.setCurrentWidget(v)
    qtbot.waitUntil(lambda: v.session_combo.count() == 2)
    i = next(k for k in range(v.session_combo.count()) if v.session_combo.itemData(k) == _meeting(v.ctx, 1).id)
    v.session_combo.setCurrentIndex(i)
    v.session_combo.activated.emit(i)
    qtbot.waitUntil(lambda: v.signed_banner.isVisible())
    text = v.signed_banner.text()
    assert says in text and never not in text, text
    if lang == "en":
        assert "Beijing" in v.session_combo.itemText(i)


def test_english_screens_name_sessions_and_events_in_english(qtbot, demo_window):
    apply_language("en")
    v = demo_window.view_named("AgendaView")
    demo_window.tabs.setCurrentWidget(v)
    m2 = _meeting(v.ctx, 2)
    v._show_session(m2.id)
    qtbot.waitUntil(lambda: "Moscow" in v.heading.text())
    texts = []
    for w in v.findChildren(type(v.heading)):
        texts.append(w.text())
    assert not any("Москва" in t for t in texts), texts
    from PySide6.QtWidgets import QAbstractItemView

    for view in v.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                shown = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
                # titles are written in Chinese and Russian only; places have English names
                assert not (isinstance(shown, str) and ("Спиридоновк" in shown or "Внуково" in shown
                                                        or shown.startswith("Москва"))), shown
