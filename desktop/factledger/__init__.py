"""FactLedger: articles in, traceable, checkable, exportable facts out."""

__version__ = "0.1.0"
"""The release, read by the build (pyproject's dynamic version) and said by `factledger --version`.

A literal rather than `importlib.metadata.version()`: that import alone cost more than the whole of
`factledger --version` may (40 ms against a 15 ms budget), and a source tree never installed still knows it.
"""
