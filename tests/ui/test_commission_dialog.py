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
