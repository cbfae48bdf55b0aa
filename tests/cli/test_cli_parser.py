"""Building only the running command's options answers exactly as the whole command line does."""

from __future__ import annotations

import argparse

import pytest

from factledger.cli import build_parser


def _commands() -> list[str]:
    """Every command name, read from the whole parser's list of subcommands."""
    parser = build_parser()
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(found[0].choices)


def _answer(
    parser: argparse.ArgumentParser, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[object, str, str]:
    """What parsing `argv` gives: the namespace (or the exit code), and what was printed."""
    try:
        result: object = vars(parser.parse_args(argv))
    except SystemExit as done:
        result = ("exit", done.code)
    out, err = capsys.readouterr()
    return result, out, err


def test_every_command_is_listed() -> None:
    """The list the other tests walk is the real one (so they cannot pass on an empty list)."""
    assert {"info", "search", "claims", "import", "export", "verify"} <= set(_commands())


@pytest.mark.parametrize("name", _commands())
def test_a_commands_help_is_the_same_from_its_own_parser(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`factledger NAME --help` prints the same text whether or not the other commands were built."""
    whole = _answer(build_parser(), [name, "--help"], capsys)
    alone = _answer(build_parser(name), [name, "--help"], capsys)
    assert alone == whole
    assert whole[0] == ("exit", 0) and name in whole[1]


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "toyota", "--limit", "5", "--json", "--ledger", "x.factledger"],
        ["claims", "--status", "verified", "--sort", "kind", "--asc"],
        ["claims", "--sort", "nonsense"],
        ["search"],
        ["edit", "clm_1", "--subject", "Toyota", "--reason", "typo"],
        ["info", "--selftest"],
    ],
)
def test_parsing_gives_the_same_answer_from_the_commands_own_parser(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Options, defaults and usage errors are those of the whole command line."""
    assert _answer(build_parser(argv[0]), argv, capsys) == _answer(build_parser(), argv, capsys)


def test_a_name_that_is_not_a_command_gets_the_whole_parser(capsys: pytest.CaptureFixture[str]) -> None:
    """A typo is told every command it could have meant, as before."""
    whole = _answer(build_parser(), ["serch", "x"], capsys)
    assert _answer(build_parser("serch"), ["serch", "x"], capsys) == whole
    assert whole[0] == ("exit", 2) and "invalid choice" in whole[2] and "search" in whole[2]
