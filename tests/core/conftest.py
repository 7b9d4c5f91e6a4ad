"""The core tests of the services run on both engines: SQLite and a PostgreSQL server.

A test of the modules below that uses ``db``, ``built_db`` or ``demo_db`` runs twice,
``[sqlite]`` and ``[postgresql]`` (tests/pg_server.py provides the server). The GUI tests and the
tests of SQLite files themselves (backups, encryption, damaged files) stay on SQLite.
"""

from __future__ import annotations

#: The modules parametrised over both engines.
BOTH_ENGINES = frozenset(
    {
        "test_agenda",
        "test_assignment_fields",
        "test_attachments",
        "test_bundles",
        "test_bundles_roundtrip",
        "test_changes",
        "test_commission",
        "test_correspondence",
        "test_decisions",
        "test_exchanges",
        "test_exchanges_demo",
        "test_exchanges_io",
        "test_exchanges_bulk_import",
        "test_expense_summary",
        "test_expenses",
        "test_experts",
        "test_experts_alerts",
        "test_experts_quotas",
        "test_glossary",
        "test_minutes_edit",
        "test_minutes_guards",
        "test_minutes_model",
        "test_minutes_transfer",
        "test_people",
        "test_reminders",
        "test_search_everything",
        "test_schedule_deadlines",
        "test_sessions",
        "test_signing",
        "test_versions",
    }
)
DATABASE_FIXTURES = frozenset({"db", "built_db", "demo_db"})


def pytest_generate_tests(metafunc) -> None:
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if module in BOTH_ENGINES and DATABASE_FIXTURES & set(metafunc.fixturenames):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
