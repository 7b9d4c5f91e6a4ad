"""The only place that knows ReportLab: fonts with per-character fallback, styles, page furniture,
and one module per document (memorandum, minutes, statement, experts list).

A document module exposes a function ``(session, …, lang) -> bytes`` that reads plain data through
the core services and returns the PDF; the command line and the GUI preview both call it.
"""
