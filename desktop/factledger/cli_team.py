"""The team ledger's commands: `factledger team init URL`, `team add-user`, and `copy SRC DST`.

Kept apart from `cli.py` so the everyday commands' start-up does not grow: this module imports only
argparse at load, and core (with the PostgreSQL driver behind it) when one of its commands runs. It also
answers, with a sentence, a `--ledger postgresql://...` given to a command that works on ledger files only;
the everyday commands (import, accept, claims, search, status, export ...) open a team ledger like a file.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from factledger.domain import UserError

COMMANDS = frozenset({"team", "copy"})
ROLES = ("reader", "checker", "editor")  # core.team.TEAM_ROLES, repeated so --help loads no core


def add_commands(sub: Any) -> None:
    """Register `team` and `copy` on the main parser's subcommands."""
    team = sub.add_parser(
        "team",
        help="set up a team ledger on a PostgreSQL server and add its people",
        description="Set up a team ledger on a PostgreSQL server and add its people (see docs/TEAM.md).",
    )
    actions = team.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", required=True)
    p = actions.add_parser(
        "init",
        help="make an empty database a team ledger (or update one) and create the reader, checker and editor roles",
    )
    p.add_argument("url", metavar="URL", help="postgresql://owner@host:5432/dbname (password from ~/.pgpass)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p = actions.add_parser("add-user", help="let a person log in to the server with one of the team roles")
    p.add_argument("name", metavar="NAME", help="their user name on the server")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--ledger", dest="url", metavar="URL", required=True, help="the team ledger's address")
    p.add_argument(
        "--password",
        action="store_true",
        help="ask for their password (typed twice; sent hashed, stored nowhere by FactLedger)",
    )
    p = sub.add_parser(
        "copy",
        help="copy a whole ledger between a ledger file and a team ledger (either way)",
        description="Copy a whole ledger between a ledger file and a team ledger on a PostgreSQL server, "
        "in either direction: every source, fact, suggestion, piece of evidence, link and history entry. "
        "The destination must be new (a file that does not exist, an empty database or team ledger).",
    )
    p.add_argument("source", metavar="SRC", help="a ledger file or postgresql://...")
    p.add_argument("destination", metavar="DST", help="a new ledger file or postgresql://...")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def ledger_refusal(args: argparse.Namespace) -> str | None:
    """The sentence for `--ledger postgresql://...` with a command that works on ledger files only
    (`core.team.FILE_ONLY_COMMANDS`: backup, backups, restore, salvage) or with no command (the app);
    every other command opens the team ledger like a file."""
    ledger = getattr(args, "ledger", None)
    if args.command in COMMANDS or not ledger or "://" not in ledger:
        return None
    from factledger.core.team import file_only_refusal

    return file_only_refusal(ledger, args.command)


def run(args: argparse.Namespace) -> int:
    """Run a team command; for any other command, refuse a team ledger address with its sentence."""
    if args.command not in COMMANDS:
        refusal = ledger_refusal(args)
        raise UserError(refusal or f"{args.command} is not a team command.")
    if args.command == "copy":
        return _copy(args)
    if args.team_command == "init":
        return _init(args)
    return _add_user(args)


def _print(data: dict[str, Any]) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _init(args: argparse.Namespace) -> int:
    from factledger.core.team import init_team_ledger

    made = init_team_ledger(args.url)
    if args.json:
        _print(
            {
                "where": made.where,
                "schema_version": made.schema_version,
                "migrations_applied": list(made.migrations_applied),
                "roles_created": list(made.roles_created),
            }
        )
        return 0
    state = "made a team ledger" if made.migrations_applied else "already a team ledger, up to date"
    print(f"{made.where}: {state} (schema {made.schema_version}).")
    if made.roles_created:
        print(f"created the roles {', '.join(made.roles_created)}.")
    print("next: factledger team add-user NAME --role reader|checker|editor --ledger URL")
    return 0


def _add_user(args: argparse.Namespace) -> int:
    from factledger.core.team import add_team_user

    password = _ask_password(args.name) if args.password else None
    created = add_team_user(args.url, args.name, args.role, password=password)
    verb = "added" if created else "updated"
    print(f"{verb} {args.name} as {args.role}.")
    return 0


def _ask_password(name: str) -> str:
    import getpass

    first = getpass.getpass(f"password for {name}: ")
    if not first:
        raise UserError("No password was typed; nothing was changed.")
    if getpass.getpass(f"password for {name} again: ") != first:
        raise UserError("The two passwords differ; nothing was changed.")
    return first


def _copy(args: argparse.Namespace) -> int:
    from factledger.core.copying import copy_ledger
    from factledger.core.team import redact_url

    report = copy_ledger(args.source, args.destination)
    if args.json:
        _print(
            {
                "source": redact_url(args.source),
                "destination": redact_url(args.destination),
                "rows": report.rows,
                "total": report.total,
            }
        )
        return 0
    counts = ", ".join(f"{table} {n}" for table, n in report.rows.items())
    print(f"copied {redact_url(args.source)} to {redact_url(args.destination)}: {counts}.")
    return 0


__all__ = ["COMMANDS", "add_commands", "ledger_refusal", "run"]
