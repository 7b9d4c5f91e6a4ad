"""The PySide6 interface: thin, it shows core data and calls core services."""
