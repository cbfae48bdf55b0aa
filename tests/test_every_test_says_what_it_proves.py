"""Every test says in one sentence what behaviour it proves, so a failure reads as a broken promise.

The test files are read (not imported) and parsed; a test is what pytest collects with this project's
settings: a function named `test*` at module level, or a method named `test*` of a class named `Test*`.
Helpers nested inside a test are not tests and need no docstring.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _test_files() -> list[Path]:
    """The files pytest collects tests from by default: `test_*.py` and `*_test.py`, in every folder."""
    return sorted({*TESTS.rglob("test_*.py"), *TESTS.rglob("*_test.py")})


def _tests(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions pytest would collect as tests from one parsed module."""
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    found = [node for node in tree.body if isinstance(node, functions) and node.name.startswith("test")]
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            found.extend(m for m in node.body if isinstance(m, functions) and m.name.startswith("test"))
    return found


def undocumented(source: str, name: str) -> list[str]:
    """`name:line function` for each test in `source` that has no docstring."""
    tree = ast.parse(source, filename=name)
    return [f"{name}:{node.lineno} {node.name}" for node in _tests(tree) if ast.get_docstring(node) is None]


def test_every_test_function_has_a_docstring() -> None:
    """Every test function under tests/ has a docstring; any without one is named by file, line and name."""
    files = _test_files()
    assert Path(__file__).resolve() in files  # the scan reaches the files pytest runs, this one included
    missing = [
        entry
        for path in files
        for entry in undocumented(path.read_text(encoding="utf-8"), str(path.relative_to(TESTS.parent)))
    ]
    assert not missing, "tests without a sentence saying what they prove:\n" + "\n".join(missing)


def test_the_check_names_each_test_without_a_docstring_and_nothing_else() -> None:
    """The check names undocumented module tests, async tests and Test-class methods, and skips helpers."""
    source = '''
def test_plain():
    pass

async def test_waits():
    pass

def test_documented():
    """Says what it proves."""
    def test_nested_helper():
        pass

def helper_without_docstring():
    pass

class TestGroup:
    def test_method(self):
        pass

    def helper(self):
        pass

class Helpers:
    def test_not_collected(self):
        pass
'''
    assert undocumented(source, "tests/example.py") == [
        "tests/example.py:2 test_plain",
        "tests/example.py:5 test_waits",
        "tests/example.py:17 test_method",
    ]
