"""A real, throw-away PostgreSQL server for the team-ledger tests and the storage contract suite.

Its fixtures (`postgres_server`, `postgres_dsn`, `login_role`) are registered for every test area by
`tests/conftest.py`; `tests/postgres/conftest.py` adds `seeded_ledger`.

One cluster per test session: `initdb` into a fresh folder under the system temp dir, owned by an
unprivileged user (PostgreSQL refuses to run as root: as root the server runs as `postgres`, the user
Debian's package creates, or a dedicated system user made for it), listening on 127.0.0.1 only on a free
port, with its socket in that folder. Stopped and removed at the end of the session. The tests skip, with
the reason, only when no PostgreSQL server binaries exist on the machine at all; any other failure to
start the server is an error, so a broken set-up cannot pass as "skipped".
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ADMIN = "factledger_admin"
DEDICATED_USER = "factledger-pg"


def find_bindir() -> Path | None:
    """The folder with initdb, pg_ctl and postgres: `pg_config --bindir`, else Debian's versioned folders."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=10)
            if out.returncode == 0 and out.stdout.strip():
                candidates.append(Path(out.stdout.strip()))
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: _major(p.parent.name))
    candidates += reversed(versions)
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb") or "").parent)
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _major(name: str) -> int:
    return int(name) if name.isdigit() else -1


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_user() -> str | None:
    """The unprivileged user the server runs as when the tests run as root (None: the current user)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", DEDICATED_USER):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", DEDICATED_USER],
        check=True,
    )
    return DEDICATED_USER


@dataclass(frozen=True)
class PostgresServer:
    """A running throw-away cluster: its superuser's password is in `dsn` (test-only, never logged)."""

    bindir: Path
    folder: Path
    host: str
    port: int
    admin: str
    password: str

    def dsn(self, dbname: str = "postgres", *, user: str | None = None, password: str | None = None) -> str:
        user = user or self.admin
        secret = self.password if password is None and user == self.admin else password
        auth = f"{user}:{secret}" if secret else user
        return f"postgresql://{auth}@{self.host}:{self.port}/{dbname}"


def _run_as(user: str | None, command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    full = ["runuser", "-u", user, "--", *command] if user else command
    return subprocess.run(full, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload,no-any-return]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(
            "no PostgreSQL server binaries (initdb, pg_ctl, postgres) on this machine: "
            "install them with `apt-get install postgresql` to run the team-ledger tests"
        )
    user = _server_user()
    folder = Path(tempfile.mkdtemp(prefix="factledger-pg-"))
    password = secrets.token_hex(16)
    data = folder / "data"
    try:
        if user:
            shutil.chown(folder, user=user, group=pwd.getpwnam(user).pw_gid)
        pwfile = folder / "pwfile"
        pwfile.write_text(password + "\n", encoding="utf-8")
        if user:
            shutil.chown(pwfile, user=user)
        pwfile.chmod(0o600)
        init = _run_as(
            user,
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                ADMIN,
                f"--pwfile={pwfile}",
                "--auth-host=scram-sha-256",
                "--auth-local=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
        )
        assert init.returncode == 0, f"initdb failed: {init.stderr or init.stdout}"
        pwfile.unlink()
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
        )
        start = _run_as(
            user,
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "server.log"),
                "-o",
                options,
                "-w",
                "start",
            ],
        )
        if start.returncode != 0:
            log = (folder / "server.log").read_text(encoding="utf-8", errors="replace")
            raise AssertionError(f"pg_ctl start failed: {start.stderr or start.stdout}\n{log}")
        try:
            yield PostgresServer(bindir, folder, "127.0.0.1", port, ADMIN, password)
        finally:
            _run_as(user, [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_dsn(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh empty database on the session's server, dropped after the test: the superuser's URL to it."""
    import psycopg

    name = f"fl_{secrets.token_hex(6)}"
    with psycopg.connect(postgres_server.dsn(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_server.dsn(name)
    finally:
        with psycopg.connect(postgres_server.dsn(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def login_role(postgres_server: PostgresServer) -> Iterator[list[str]]:
    """Names of login roles a test creates (cluster-wide in PostgreSQL); dropped after the test."""
    import psycopg

    names: list[str] = []
    yield names
    with psycopg.connect(postgres_server.dsn(), autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP ROLE IF EXISTS "{name}"')


def sqlite_rows(path: Path, table: str, order: str) -> list[tuple[object, ...]]:
    """Every row of a table of a closed ledger file, ordered (read through SQLite, never `open()`)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}'))
    finally:
        conn.close()


@pytest.fixture
def seeded_ledger(tmp_path: Path) -> Path:
    """The seed article in a ledger file through the public Ledger API, touching every copied table:
    facts accepted, one verified with evidence, a link, a dismissed suggestion, a source edit, version 2
    of the article (anchors), and a setting. The ledger is closed when the fixture returns."""
    from factledger.core import EvidenceInput, Ledger
    from factledger.reading import expand_inputs
    from factledger.resources import resource_path

    path = tmp_path / "seed.factledger"
    ledger = Ledger.open(path, actor="Test Reviewer")
    try:
        (first,) = ledger.import_inputs(expand_inputs([str(resource_path("sample", "sample-article.txt"))]))
        assert first.source_id is not None
        suggestions = ledger.suggestions(first.source_id)
        assert len(suggestions) >= 6
        ledger.dismiss(suggestions[-1].id)
        for suggestion in suggestions[:-3]:  # two stay open
            ledger.accept(suggestion.id)
        claims = ledger.claims(limit=100)
        assert len(claims) >= 3
        ledger.set_status(
            claims[0].id,
            status="verified",
            reason="matches the agency's release",
            evidence=EvidenceInput(url="https://example.org/release", quote="the release", note="page 2"),
        )
        ledger.set_status(claims[1].id, status="in_review", reason="asking the ministry")
        ledger.link(claims[1].id, claims[2].id, kind="restates", note="same figure")
        (second,) = ledger.import_inputs(
            expand_inputs([str(resource_path("sample", "sample-article-updated.txt"))])
        )
        assert second.outcome == "new_version" and second.source_id is not None
        ledger.edit_source(second.source_id, outlet="The Sample Gazette", reason="outlet was missing")
        ledger.set_backup_folder(tmp_path / "backups")
    finally:
        ledger.close()
    return path
