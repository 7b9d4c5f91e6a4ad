from __future__ import annotations

from app.core.services import commission as commission_service
from app.ui.dialogs.commission_dialog import CommissionDialog
from tests.ui.typing import type_text


def test_setting_up_the_two_sides(qtbot, ctx):
    dialog = CommissionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.names["zh"], "中俄联合委员会")
    values = {
        1: dict(code="CN", name_full_zh="中华人民共和国", name_full_ru="Китайская Народная Республика",
                name_short_zh="中国", name_short_ru="Китай"),
        2: dict(code="RU", name_full_zh="俄罗斯联邦", name_full_ru="Российская Федерация",
                name_short_zh="俄罗斯", name_short_ru="Россия"),
    }  # fmt: skip
    for page in dialog.pages:
        for field, text in values[page.position].items():
            type_text(page.widgets[field], text)
    dialog.pages[0].add_agency.click()
    dialog.pages[0].agencies.item(0, 0).setText("国防科工局")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    data = ctx.read(commission_service.get_commission)
    assert [s.code for s in data.sides] == ["CN", "RU"]
    assert data.side("RU").language == "ru"
    assert data.side("CN").agencies[0].name_zh == "国防科工局"


def test_a_bad_code_is_shown_next_to_the_field(qtbot, demo_ctx):
    dialog = CommissionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.pages[1]
    page.widgets["code"].setText("CN")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1
    assert "different codes" in dialog.errors.message("side2.code")
    assert [s.code for s in demo_ctx.read(commission_service.get_sides)] == ["CN", "SU"]


def test_the_commission_chooses_its_currencies_and_the_forms_offer_them_first(qtbot, demo_ctx):
    from app.core.services.money import commission_currencies
    from app.ui.dialogs.budget_dialog import BudgetDialog
    from app.ui.widgets.currency_box import CurrencyBox

    dialog = CommissionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.currencies
    dialog.tabs.setCurrentWidget(page)
    assert page.codes() == ("CNY", "SUR")  # the demo's: the Soviet ruble of the period
    shown = [page.list.item(i).text() for i in range(page.list.count())]
    assert shown[0].startswith("CNY — ") and len(shown[0]) > len("CNY — ")  # with its name

    # a code that is not ISO 4217 is refused next to the list
    page.code.setEditText("")
    type_text(page.code.lineEdit(), "xyz")
    page.add_button.click()
    assert "XYZ" in dialog.errors.message("currencies")
    assert page.codes() == ("CNY", "SUR")

    page.code.setEditText("")
    type_text(page.code.lineEdit(), "usd")
    page.add_button.click()
    assert page.codes() == ("CNY", "SUR", "USD")
    page.list.setCurrentRow(2)
    page.up_button.click()
    page.up_button.click()
    page.list.setCurrentRow(2)
    page.remove_button.click()
    assert page.codes() == ("USD", "CNY")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert demo_ctx.read(commission_currencies) == ("USD", "CNY")

    box = CurrencyBox(ctx=demo_ctx)
    qtbot.addWidget(box)
    offered = [box.itemText(i) for i in range(box.count())]
    assert offered[:2] == ["USD", "CNY"] and "RUB" in offered and "SUR" in offered
    assert len(offered) == len(set(offered))
    from app.core.services.agenda import sessions as meetings

    with demo_ctx.db.unit() as s:
        meeting_id = meetings.meeting_by_ordinal(s, 1).id
    budget = BudgetDialog(demo_ctx, meeting_id)
    qtbot.addWidget(budget)
    assert budget.currency.itemText(0) == "USD" and budget.currency.currency() == "USD"


def test_no_currency_left_is_refused_and_nothing_is_saved(qtbot, demo_ctx):
    from app.core.services.money import commission_currencies

    dialog = CommissionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.currencies
    while page.list.count():
        page.list.setCurrentRow(0)
        page.remove_button.click()
    dialog.names["en"].setText("Changed")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is page
    assert dialog.errors.message("currencies")
    assert demo_ctx.read(commission_currencies) == ("CNY", "SUR")
    assert demo_ctx.read(commission_service.get_commission).name_en != "Changed"
