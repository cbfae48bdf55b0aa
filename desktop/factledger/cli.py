"""The command line over `core.Ledger`: a stable contract for scripts and acceptance checks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, cast

from factledger import __version__, cli_team
from factledger.core.fields import EDITABLE_BY_NAME, SOURCE_FIELDS
from factledger.domain import SORTABLE_COLUMNS, ClaimKind, Stance, Status, UserError


def _ledger_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--ledger",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="ledger file to use (default: the ledger in your user data folder)",
    )
    parser.add_argument(
        "--init",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="turn an empty SQLite file of another program into a ledger (refused without this)",
    )


def _narrowing_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--subject", help="only facts about this subject (exact)")
    parser.add_argument(
        "--from", dest="date_from", metavar="DATE", help="stated on or after (YYYY[-MM[-DD]])"
    )
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="stated on or before (YYYY[-MM[-DD]])")


class _NotRun:
    """Takes the options of a command that is not about to run and keeps nothing (see `build_parser`).

    Every method is a no-op returning this object, so whatever a command's set-up calls on its parser
    (options, groups, defaults) costs nothing when another command runs.
    """

    def __getattr__(self, _name: str) -> Callable[..., _NotRun]:
        return self._ignore

    def _ignore(self, *_args: Any, **_kwargs: Any) -> _NotRun:
        return self


_NOT_RUN = cast(argparse.ArgumentParser, _NotRun())


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; given `only`, the command about to run, just that command's options.

    argparse builds a full parser per command, ~10 ms for all of them on every start: more than a query's
    own Python. The others are needed only to list the commands (`--help`) or to name them when one is
    mistyped, so when `only` is not a command name every command is built, and the answer is as before.
    """
    built: list[str] = []
    parser = argparse.ArgumentParser(
        prog="factledger",
        description="FactLedger: find, verify and export the facts in news articles. "
        "Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"FactLedger {__version__}")
    parser.add_argument("--selftest", action="store_true", help="run a headless end-to-end self-check")
    _ledger_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, *, json_output: bool = True) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return _NOT_RUN
        built.append(name)
        p = sub.add_parser(name, help=help_text, description=help_text)
        _ledger_option(p)
        if json_output:
            p.add_argument("--json", action="store_true", help="print JSON instead of text")
        return p

    command("info", "show the ledger's path, schema version and counts")
    p = command("import", "import files, folders or URLs as sources with their suggestions")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    p = command("suggest", "print a document's metadata and suggestions without storing anything")
    p.add_argument("file", metavar="FILE")
    command("sources", "list the sources in the ledger")
    p = command("suggestions", "list a source's open suggestions")
    p.add_argument("source_id", metavar="SOURCE_ID")
    p = command("accept", "accept open suggestions as facts")
    p.add_argument("target", metavar="SOURCE_ID|all")
    p.add_argument("--kind", choices=[k.value for k in ClaimKind])
    p.add_argument(
        "--all",
        dest="include_weak",
        action="store_true",
        help="also accept low-scoring claim suggestions (by default they stay open for triage)",
    )
    p = command("dismiss", "dismiss an open suggestion so it stays dismissed", json_output=False)
    p.add_argument("suggestion_id", metavar="SUGGESTION_ID")
    p = command("log", "log a span of a source as a fact by hand")
    p.add_argument("source_id", metavar="SOURCE_ID")
    p.add_argument("span", metavar="START-END")
    p.add_argument("--kind", default="claim", choices=[k.value for k in ClaimKind])
    p = command("claims", "list facts, filtered and sorted")
    p.add_argument("--status", action="append", default=[])
    p.add_argument("--kind", action="append", default=[])
    p.add_argument("--source", action="append", default=[])
    p.add_argument("--attribution", action="append", default=[])
    _narrowing_options(p)
    p.add_argument("--sort", default="updated_at", choices=SORTABLE_COLUMNS)
    p.add_argument("--asc", action="store_true", help="ascending order")
    p.add_argument("--limit", type=int, default=None, help="at most this many (default: all)")
    p = command("search", "full-text search over facts and sources")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=100)
    p = command("show", "one fact with its evidence and history")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p = command("edit", "edit a fact's fields", json_output=False)
    p.add_argument("claim_id", metavar="CLAIM_ID")
    for name in (*EDITABLE_BY_NAME, "reason"):
        p.add_argument(f"--{name.replace('_', '-')}", dest=name)
    p = command(
        "edit-source", "correct a source's title, outlet, url, publication date or authors", json_output=False
    )
    p.add_argument("source_id", metavar="SOURCE_ID")
    for name in SOURCE_FIELDS:
        p.add_argument(
            f"--{name}", dest=name, help="authors: names separated by commas" if name == "authors" else None
        )
    p.add_argument("--reason")
    p = command("status", "set a fact's verification status with a reason and evidence", json_output=False)
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("status", metavar="STATUS", help=", ".join(s.value for s in Status))
    p.add_argument("--reason", required=True)
    p.add_argument("--evidence", metavar="URL|SOURCE_ID:START-END")
    p.add_argument("--stance", default="supports", choices=[s.value for s in Stance])
    p.add_argument("--quote", help="the words of the evidence (for a URL)")
    p.add_argument("--note")
    p = command("delete", "delete a fact", json_output=False)
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("--reason")
    p = command("link", "relate two facts (restates, contradicts, part_of)", json_output=False)
    p.add_argument("from_claim", metavar="CLAIM_ID")
    p.add_argument("to_claim", metavar="OTHER_CLAIM_ID")
    p.add_argument("--kind", default="part_of", help="restates, contradicts or part_of (default)")
    p.add_argument("--note")
    p = command("check", "find contradictions, restated figures and parts that exceed their whole")
    p.add_argument("--status", action="append", default=[])
    p.add_argument("--kind", action="append", default=[])
    p.add_argument("--source", action="append", default=[])
    _narrowing_options(p)
    p = command("refresh", "fetch web sources again and add a version to each whose text changed")
    p.add_argument("target", metavar="SOURCE_ID|all")
    p.add_argument(
        "--timeout", type=float, default=60.0, help="seconds a page may take to download (default 60)"
    )
    p = command("export", "write a fact sheet (default: verified facts as CSV)", json_output=False)
    p.add_argument("--status", action="append", default=[], help="repeat for several; 'all' for every status")
    p.add_argument("--kind", action="append", default=[])
    p.add_argument("--source", action="append", default=[])
    _narrowing_options(p)
    p.add_argument("--format", default=None, choices=["csv", "json", "claimreview", "md"])
    p.add_argument("--no-bom", action="store_true", help="CSV without the UTF-8 byte-order mark")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    command("backup", "make a backup of the ledger now (SQLite's online backup; safe while others write)")
    p = command("backups", "list the ledger's backups with their dates and counts")
    p.add_argument("--folder", metavar="DIR", help="keep this ledger's backups in DIR from now on")
    p = command(
        "restore",
        "put a backup in the ledger's place; the current file is moved aside, never overwritten",
        json_output=False,
    )
    p.add_argument("backup", metavar="BACKUP", help="a backup file, its name from `backups`, or 'latest'")
    p = command(
        "salvage",
        "copy what can still be read from a damaged ledger into a new file (the ledger is only read)",
        json_output=False,
    )
    p.add_argument("-o", "--output", metavar="FILE", help="the salvage file (default: beside the ledger)")
    command("verify", "check every page and index of the ledger file (PRAGMA integrity_check)")
    if only is None or only in cli_team.COMMANDS:
        cli_team.add_commands(sub)
    elif not built:  # `only` names no command: the whole parser, so the error lists them all
        return build_parser()
    return parser


QUERIES = frozenset({"info", "sources", "suggestions", "claims", "search", "show", "check"})
"""Commands that only read the ledger: opened without the page-by-page check of a big file up front,
so a query answers at once; SQLite still refuses a damaged page one of them reads."""


def run(args: argparse.Namespace) -> int:
    from . import cli_commands as commands
    from .core import user_error_for
    from .core.ledger import Ledger

    if args.command in cli_team.COMMANDS or cli_team.ledger_refusal(args):
        return cli_team.run(args)
    if args.command == "suggest":
        return commands.suggest(args)
    if args.command in ("restore", "salvage"):  # these work on a ledger that cannot (or must not) be open
        without_ledger: int = getattr(commands, args.command)(args)
        return without_ledger
    with Ledger.open(args.ledger, init=args.init, reading=args.command in QUERIES) as ledger:
        for notice in ledger.notices:
            print(f"factledger: {notice}", file=sys.stderr)
        name = {"import": "import_", "edit-source": "edit_source"}.get(args.command, args.command)
        handler = getattr(commands, name)
        try:
            result: int = handler(ledger, args)
        except Exception as error:
            sentence = user_error_for(error, ledger.path)
            if sentence is None:
                raise
            raise sentence from error
        return result


def main(
    argv: Sequence[str] | None = None,
    *,
    open_app: Callable[[str | None, list[str]], int] | None = None,
    selftest: Callable[[], int] | None = None,
) -> int:
    """Run a command. The GUI and the self-check are passed in by the entry point, so the CLI itself
    never imports Qt (import-linter holds it to that) and stays usable on a machine without a display."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # A command comes first in nearly every call: build its options alone (options before it, a help
    # request or a typo get the whole parser).
    parser = build_parser(arguments[0] if arguments else None)
    args = parser.parse_args(arguments)
    if args.selftest:
        if selftest is None:
            parser.error("the self-check is run through the factledger command")
        return selftest()
    if args.command is None:
        if open_app is None:
            parser.error("a command is required")
        return open_app(args.ledger, [sys.argv[0], *arguments])
    try:
        return run(args)
    except UserError as error:
        print(f"factledger: {error.message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("factledger: interrupted.", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: its traceback goes to the log file too, then Python prints it
        from factledger.core.logfile import record_bug

        record_bug(error, where=f"factledger {args.command}")
        raise


__all__ = ["build_parser", "main"]
