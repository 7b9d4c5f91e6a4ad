"""Services: one module per area. Each function takes a database session and plain arguments,
does one thing, and returns plain data (dataclasses), never live ORM objects.

Validation raises :class:`app.core.errors.ValidationError` with a translatable message and the
name of the offending field; the caller's unit of work then rolls back, so nothing is half-saved.
A function that writes says which registers it changes with ``@changes(Change.X, …)``
(app/core/changes.py); the interface announces exactly that after running it.
"""
