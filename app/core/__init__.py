"""The core: models, database and services. No Qt is imported anywhere below here."""
