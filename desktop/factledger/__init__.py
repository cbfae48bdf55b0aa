"""FactLedger: articles in, traceable, checkable, exportable facts out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factledger")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"
