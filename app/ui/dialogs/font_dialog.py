"""View → Fonts for rare characters…: a font file the user adds as a further fallback.

Some personal and place names use CJK Extension B ideographs (U+20000 …) that the shipped fonts do
not have; the minutes checks report each one, and a signed original cannot be printed with them
until a font that has them is added here (kept in the database's settings, so that every laptop
opening the file prints the same). Freely licensed fonts that cover Extension B: HanaMinB
(Hanazono fonts), Jigmo2, BabelStone Han.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.services import glyphs
from app.i18n import _
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable


class FontDialog(Retranslatable, QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("font_dialog")
        self.ctx = ctx
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.current = QLabel()
        self.current.setObjectName("font_current")
        self.current.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("font_choose")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("font_remove")
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.current)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()
        self.show_current()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Fonts for rare characters"))
        self.intro.setText(
            _(
                "Characters that none of the shipped fonts has (some names use CJK Extension B "
                "ideographs) print as □ and block the signing of the minutes. Add a TrueType font "
                "that has them, for example HanaMinB from the Hanazono fonts: it is then used after "
                "the shipped fonts, on screen and in every document."
            )
        )
        self.choose_button.setText(_("&Choose a font file…"))
        self.remove_button.setText(_("&Remove"))
        self.show_current()

    def fonts(self) -> tuple[str, ...]:
        return self.ctx.read(glyphs.extra_fonts) if self.ctx.has_db else ()

    def show_current(self) -> None:
        fonts = self.fonts()
        if fonts:
            self.current.setText(_("Added font: {path}").format(path=", ".join(fonts)))
        else:
            self.current.setText(_("No font is added: only the shipped fonts are used."))
        self.remove_button.setEnabled(bool(fonts))
        self.choose_button.setEnabled(self.ctx.has_db)

    def choose(self, path: str | None = None) -> bool:
        if not path:
            path, _f = QFileDialog.getOpenFileName(
                self, _("Choose a font file"), "", _("TrueType fonts (*.ttf *.ttc *.otf)")
            )
        if not path:
            return False
        return self.use(path)

    def use(self, path: str) -> bool:
        from app.reports import fonts as report_fonts

        if Path(path).is_file() and report_fonts.load_font(str(Path(path).resolve())) is None:
            messages.error(
                self,
                _("“{path}” cannot be used: the documents can embed only fonts with TrueType outlines.").format(
                    path=path
                ),
            )
            return False
        try:
            self.ctx.write(glyphs.set_extra_font, path)
        except CoreError as exc:
            messages.error(self, exc.message)
            return False
        self.apply()
        return True

    def remove(self) -> None:
        self.ctx.write(glyphs.set_extra_font, None)
        self.apply()

    def apply(self) -> None:
        """Use the fonts now: in the checks, the documents and on screen."""
        from app.ui.application import add_user_fonts

        if self.ctx.db is not None:
            add_user_fonts(self.ctx.db)
        self.show_current()
