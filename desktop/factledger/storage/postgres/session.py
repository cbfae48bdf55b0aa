"""One connection to a team ledger, as the repositories use it: statements in, the driver's errors out as sentences.

The connection runs in autocommit mode, so a read outside a transaction never leaves the session "idle in
transaction" (holding a snapshot that keeps the server from cleaning up after everyone else's edits);
`transaction()` groups an edit's statements into one all-or-nothing transaction, and an inner one joins
the outer, as on SQLite.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import pq

from .connection import work_sentence


class Session:
    """A psycopg connection with the ledger's error sentences and nested transactions that join."""

    def __init__(
        self,
        conn: psycopg.Connection[Any],
        reconnect: Callable[[], psycopg.Connection[Any]] | None = None,
    ) -> None:
        self.conn = conn
        self.user = str(conn.info.user)
        self._depth = 0
        self._reconnect = reconnect

    def _usable(self) -> None:
        """Between transactions, a connection the server or the network dropped is opened again (a
        restart of the server, a laptop waking up); inside one, its loss is the transaction's failure."""
        if self._reconnect is not None and self._depth == 0 and (self.conn.broken or self.conn.closed):
            with contextlib.suppress(psycopg.Error):
                self.conn.close()
            self.conn = self._reconnect()

    def execute(self, query: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[Any]:
        """Run one statement; a refusal by the server or a lost connection becomes a `UserError`.

        `params` None sends the SQL as it is (a `%` in it needs no doubling); with params, `%s` marks them.
        A read outside a transaction whose connection turns out to be lost is tried once more on a new one.
        """
        self._usable()
        try:
            return self.conn.execute(query, params if params else None)
        except psycopg.OperationalError as exc:
            if self._reconnect is None or self._depth > 0 or not self.conn.broken:
                raise work_sentence(exc, user=self.user) from exc
        except psycopg.Error as exc:
            raise work_sentence(exc, user=self.user) from exc
        self._usable()  # outside a transaction only reads run here: trying one again is safe
        try:
            return self.conn.execute(query, params if params else None)
        except psycopg.Error as exc:
            raise work_sentence(exc, user=self.user) from exc

    def executemany(self, query: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = list(rows)
        if not batch:
            return
        try:
            with self.conn.cursor() as cursor:
                cursor.executemany(query, batch)
        except psycopg.Error as exc:
            raise work_sentence(exc, user=self.user) from exc

    def one(self, query: str, params: Sequence[Any] | None = None) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = self.execute(query, params).fetchone()
        return row

    def scalar(self, query: str, params: Sequence[Any] | None = None) -> Any:
        row = self.one(query, params)
        return None if row is None else row[0]

    def dicts(self, query: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Every row as column name to value (what undo keeps and puts back)."""
        cursor = self.execute(query, params)
        names = [column.name for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0 or self.conn.info.transaction_status != pq.TransactionStatus.IDLE

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All of it or none of it: any error rolls the whole transaction back; a nested one joins it."""
        self._usable()
        if self.in_transaction:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self.conn.transaction():
                yield
        except psycopg.Error as exc:  # raised by COMMIT itself (a deferred check, a lost connection)
            raise work_sentence(exc, user=self.user) from exc
        finally:
            self._depth = 0

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the ledger while others write (REPEATABLE READ).

        Inside a transaction it is that transaction's. It ends with COMMIT, never ROLLBACK: a write made
        on this connection while a caller iterated joins it and must not be thrown away.
        """
        if self.in_transaction:
            yield
            return
        self.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        self._depth += 1  # a write meanwhile joins the snapshot's transaction; a lost one is not retried
        try:
            yield
        finally:
            self._depth -= 1
            status = self.conn.info.transaction_status
            if status == pq.TransactionStatus.INERROR:
                with contextlib.suppress(psycopg.Error):
                    self.conn.execute("ROLLBACK")
            elif status == pq.TransactionStatus.INTRANS:
                self.execute("COMMIT")
            # otherwise the connection was lost with the snapshot: there is nothing left to end

    def stream(
        self, name: str, query: str, params: Sequence[Any] | None = None
    ) -> Generator[tuple[Any, ...], None, None]:
        """Rows of a query fetched in batches through a server-side cursor (inside a `snapshot`)."""
        try:
            with self.conn.cursor(name=name) as cursor:
                cursor.itersize = 2_000
                cursor.execute(query, params if params else None)
                yield from cursor
        except psycopg.Error as exc:
            raise work_sentence(exc, user=self.user) from exc

    def close(self) -> None:
        self.conn.close()


__all__ = ["Session"]
