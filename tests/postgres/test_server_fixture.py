"""The throw-away server itself: a real PostgreSQL, on 127.0.0.1 only, run by an unprivileged user."""

from __future__ import annotations

import psycopg

from .conftest import PostgresServer


def test_server_is_local_unprivileged_and_utf8(postgres_server: PostgresServer, postgres_dsn: str) -> None:
    """The test server listens on 127.0.0.1 only, speaks UTF8, is PostgreSQL 15 or newer and is not root."""
    with psycopg.connect(postgres_dsn) as conn:
        listen = conn.execute("SHOW listen_addresses").fetchone()
        encoding = conn.execute("SHOW server_encoding").fetchone()
        version = conn.execute("SHOW server_version_num").fetchone()
    assert listen == ("127.0.0.1",) and encoding == ("UTF8",)
    assert version is not None and int(version[0]) >= 150000
    data = postgres_server.folder / "data"
    assert data.stat().st_uid != 0  # the cluster's files belong to an unprivileged user
