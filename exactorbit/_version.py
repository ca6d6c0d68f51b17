"""The version of exactorbit (one home: the package face and the reports read it)."""

__version__ = "0.1.0"
