"""Commission Desk: the desk of a bilateral joint commission's delegates and secretaries."""

from importlib import metadata as _metadata

APP_NAME = "Commission Desk"
APP_ID = "commission-desk"
ORG_NAME = "CommissionDesk"

try:
    __version__ = _metadata.version("commission-desk")
except _metadata.PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.1.0"
