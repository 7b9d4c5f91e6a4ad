"""Commission Desk: the desk of a bilateral joint commission's delegates and secretaries."""

#: The one place the version is written: pyproject.toml and build.spec read it from here.
__version__ = "0.1.0"

APP_NAME = "Commission Desk"
APP_ID = "commission-desk"
ORG_NAME = "CommissionDesk"
#: Reverse-DNS identifier (macOS bundle, Linux desktop file name).
BUNDLE_ID = "org.commissiondesk.CommissionDesk"
