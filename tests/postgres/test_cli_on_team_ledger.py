"""The everyday commands on a team ledger: the same run on a ledger file and on a PostgreSQL ledger
gives the same facts, search hits and fact sheet (apart from ids, times and who did it)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from factledger.cli import main
from factledger.core.team import init_team_ledger
from factledger.resources import resource_path

SEED = str(resource_path("sample", "sample-article.txt"))
VOLATILE = {"id", "created_at", "updated_at", "verified_at", "verified_by", "imported_at", "added_at"}
"""Differ from run to run (random ids, clocks) or by engine by design (a team ledger records the
server's `session_user` as the actor)."""


def _run(capsys: pytest.CaptureFixture[str], ledger: str, *args: str) -> str:
    capsys.readouterr()
    code = main(["--ledger", ledger, *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _session(capsys: pytest.CaptureFixture[str], ledger: str, folder: Path) -> dict[str, Any]:
    """import, accept all, claims --json, search, status --reason, export: what each printed or wrote."""
    imported = json.loads(_run(capsys, ledger, "import", SEED, "--json"))
    accepted = json.loads(_run(capsys, ledger, "accept", "all", "--json"))
    listed = _in_text_order(_run(capsys, ledger, "claims", "--json", "--sort", "source", "--asc"))
    assert len(listed) == accepted["accepted"] >= 3
    hits = json.loads(_run(capsys, ledger, "search", "battery", "--json"))
    prefix_hits = json.loads(_run(capsys, ledger, "search", "Daeyang Mot", "--json"))
    verified = listed[1]["id"]
    _run(capsys, ledger, "status", verified, "verified", "--reason", "matches the company's release")
    _run(capsys, ledger, "status", listed[2]["id"], "in_review", "--reason", "asking the ministry")
    after = _in_text_order(_run(capsys, ledger, "claims", "--json", "--sort", "source", "--asc"))
    shown = json.loads(_run(capsys, ledger, "show", verified, "--json"))
    findings = json.loads(_run(capsys, ledger, "check", "--json"))
    sheet = folder / "x.csv"
    _run(capsys, ledger, "export", "-o", str(sheet))
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    statements = {c["id"]: c["statement"] for c in after}

    def hit_key(hit: dict[str, Any]) -> tuple[str, str]:
        # the claim's words stand for its random id; snippets are each engine's own highlighting
        return hit["entity"], statements.get(hit["id"], hit["id"]) + "|" + hit["title"]

    return {
        "imported": _stable(imported),
        "accepted": accepted["accepted"],
        "claims": _stable(listed),
        "after": _stable(after),
        "search": sorted(hit_key(h) for h in hits),
        "prefix search": sorted(hit_key(h) for h in prefix_hits),
        "history": [(e["action"], e.get("reason")) for e in shown["history"]],
        "check": sorted(
            (f["check"], sorted(statements[c] for c in f["claim_ids"] if c in statements)) for f in findings
        ),
        "csv": [_stable(row) for row in rows],
        "csv columns": list(rows[0]) if rows else [],
    }


def _in_text_order(printed: str) -> list[dict[str, Any]]:
    """Facts as listed by source and position; two facts on the same words (a figure inside a commitment)
    tie there and are then ordered by their random ids, so ties are put in a fixed order here."""
    claims: list[dict[str, Any]] = json.loads(printed)
    keys = [(c["source_id"], c["start"]) for c in claims]
    assert keys == sorted(keys)  # the engine's order, up to ties
    return sorted(claims, key=lambda c: (c["source_id"], c["start"], c["end"], c["kind"]))


def _stable(value: Any) -> Any:
    """The value without what differs between runs by design (see `VOLATILE`)."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in VOLATILE and not k.endswith("_id")}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def test_the_same_commands_give_the_same_answers_on_a_file_and_on_a_server(
    postgres_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same CLI session on a ledger file and on a team ledger gives the same answers, apart from ids, times and who did it."""
    init_team_ledger(postgres_dsn)
    (tmp_path / "file").mkdir()
    (tmp_path / "server").mkdir()
    on_file = _session(capsys, str(tmp_path / "file" / "desk.factledger"), tmp_path / "file")
    on_server = _session(capsys, postgres_dsn, tmp_path / "server")
    assert on_file["search"] and on_file["prefix search"] and len(on_file["csv"]) == 1
    assert len(on_file["claims"]) == on_file["accepted"] and on_file["csv columns"]
    assert on_file["history"][-1] == ("status", "matches the company's release")
    assert on_file["check"], "the seed article has restated figures to find"
    for key, expected in on_file.items():
        assert on_server[key] == expected, key


def test_a_team_ledger_records_the_servers_user_and_refuses_file_only_commands(
    postgres_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The actor is the server's `session_user`, not the reviewer name of the machine; backups and
    restore say why not, with pg_dump named; info counts; the password never appears."""
    init_team_ledger(postgres_dsn)
    _run(capsys, postgres_dsn, "import", SEED)
    [first, *_] = json.loads(_run(capsys, postgres_dsn, "accept", "all", "--json"))["claims"]
    _run(capsys, postgres_dsn, "status", first, "verified", "--reason", "release")
    shown = json.loads(_run(capsys, postgres_dsn, "show", first, "--json"))
    assert shown["verified_by"] == "factledger_admin" and shown["status"] == "verified"
    assert {e["actor"] for e in shown["history"]} == {"factledger_admin"}
    password = postgres_dsn.split(":")[2].split("@")[0]
    for command in (["backup"], ["backups"], ["restore", "latest"]):
        capsys.readouterr()
        assert main(["--ledger", postgres_dsn, *command]) == 2
        err = capsys.readouterr().err
        assert "team ledger" in err and password not in err, err
        if command[0] in ("backup", "restore"):
            assert "pg_dump" in err or "pg_restore" in err
    info = json.loads(_run(capsys, postgres_dsn, "info", "--json"))
    assert info["sources"] == 1 and info["by_status"]["verified"] == 1 and password not in json.dumps(info)
    verify = json.loads(_run(capsys, postgres_dsn, "verify", "--json"))
    assert verify["ok"] is True and password not in json.dumps(verify)
