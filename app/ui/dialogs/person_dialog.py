"""Add or edit one person."""

from __future__ import annotations

from app.core.fields import Field, FieldKind
from app.core.services import commission as commission_service
from app.core.services import people as people_service
from app.core.services.people import PersonData
from app.i18n import N_, _, current_language
from app.ui.dialogs.record_dialog import RecordDialog


class PersonDialog(RecordDialog):
    fields = (
        Field("side_id", N_("Side"), FieldKind.REF, ref="side"),
        Field("name_zh", N_("Name in Chinese")),
        Field("name_ru", N_("Name in Russian")),
        Field("name_latin", N_("Name in Latin letters")),
        Field("organisation_zh", N_("Organisation in Chinese")),
        Field("organisation_ru", N_("Organisation in Russian")),
        Field("position_zh", N_("Position in Chinese")),
        Field("position_ru", N_("Position in Russian")),
        Field("notes", N_("Notes"), FieldKind.LONG_TEXT),
    )
    minimum_width = 520
    long_text_height = 90

    def __init__(self, ctx, person: PersonData | None = None, parent=None) -> None:
        self.person = person
        super().__init__(ctx, person, parent)

    def setup(self) -> None:
        self._sides = self.ctx.read(commission_service.get_sides)

    def options(self, field):
        lang = current_language()
        return [(f"{s.short_name(lang)} ({s.code})", s.id) for s in self._sides]

    def first_focus(self):
        return self.widgets["name_zh"]

    def title(self) -> str:
        return _("Edit person") if self.person else _("New person")

    def data(self) -> PersonData:
        values = self.values()
        if self.person is not None:
            values["id"] = self.person.id
            values["version"] = self.record_version()
        return PersonData(**values)

    def write(self, values) -> PersonData:
        fn = people_service.add_person if self.person is None else people_service.update_person
        return self.ctx.write(fn, self.data())
