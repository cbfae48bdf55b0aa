"""ClaimTableModel: the whole ledger's facts as a table that knows only the count and fetches pages on demand."""

from __future__ import annotations

from collections import OrderedDict
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer

from factledger.core import ClaimPage, format_figure
from factledger.domain import Changes, Claim, ClaimFilter, ClaimOrder, Status, UserError

from .anchor_badges import badged
from .session import LedgerSession
from .style import is_dark, kind_label, status_colour

if TYPE_CHECKING:  # a type only: core.related reaches storage, which the UI never imports at runtime
    from factledger.core.related import SubjectFigures

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str  # a SORTABLE_COLUMNS name
    title: str


COLUMNS: tuple[Column, ...] = (
    Column("kind", "Kind"),
    Column("status", "Status"),
    Column("statement", "Statement"),
    Column("value", "Value / unit"),
    Column("related", "Related"),
    Column("subject", "Subject"),
    Column("speaker", "Speaker"),
    Column("attribution", "Sourcing"),
    Column("source", "Source"),
    Column("stated_on", "Date"),
)

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNSORTABLE = frozenset({"related"})
RELATED_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.key == "related")
DEFAULT_ORDER = ClaimOrder("source", descending=False)
"""Each source's facts in reading order: an edit never moves a row (latest-edited-first sent it to the top)."""
"""Computed per page by the consistency check, not stored: the ledger cannot order by it."""


class ClaimTableModel(QAbstractTableModel):
    """Rows are fetched a page at a time into a bounded LRU cache; sorting and filtering re-query the core.

    Nothing here holds the whole table: `rowCount` is `count_claims`, and `data` asks for the page a row
    lives on, so a million facts cost a count query and a few pages.
    """

    PAGE_SIZE = 200
    MAX_PAGES = 16
    MAX_TITLES = 50_000

    def __init__(self, session: LedgerSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._filter = ClaimFilter()
        self._order = DEFAULT_ORDER
        self._pages: OrderedDict[int, ClaimPage] = OrderedDict()
        self._source_titles: dict[str, str] = {}
        self._stealth = session.ledger.stealth_edits()  # facts whose source changed their quote: badged
        self._source_dates: dict[str, str] = {}
        # Related badges are checked after the rows are painted, for the rows a view asks about, in one batch:
        # checking every page as it loads made the first paint and every scroll step wait for it.
        self._mark_cache: dict[str, str] = {}
        self._subject_figures: SubjectFigures = {}  # read once per subject until a fact changes
        self._pending_marks: dict[str, tuple[int, Claim]] = {}
        self._mark_timer = QTimer(self, singleShot=True, interval=0)
        self._mark_timer.timeout.connect(self.check_pending_marks)
        self._count = session.ledger.count_claims(self._filter)
        session.changed.connect(self._on_session_changed)

    # -- what the view asks ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return COLUMNS[section].title
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            CLAIM_ID_ROLE,
        ):
            return None
        claim = self.claim_at(index.row())
        if claim is None:
            return None
        if role == CLAIM_ID_ROLE:
            return claim.id
        key = COLUMNS[index.column()].key
        if key == "related" and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            mark = self.related_mark(index.row(), claim)
            if role == Qt.ItemDataRole.ForegroundRole:
                return status_colour(Status.DISPUTED, dark=is_dark()) if mark.startswith("⚠") else None
            return mark
        if role == Qt.ItemDataRole.ForegroundRole:
            return (
                status_colour(claim.status, dark=is_dark())
                if key == "status" and claim.status != Status.UNVERIFIED
                else None
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "stated_on" and claim.stated_on is None and claim.source_id in self._source_dates:
                return "Dated by its source"
            return claim.quote if key == "statement" else None
        return self._display(claim, key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].key in UNSORTABLE:
            return
        self.set_order(ClaimOrder(COLUMNS[column].key, descending=order == Qt.SortOrder.DescendingOrder))

    # -- what the panels ask --------------------------------------------------------------------------
    @property
    def claim_filter(self) -> ClaimFilter:
        return self._filter

    @property
    def order(self) -> ClaimOrder:
        return self._order

    @property
    def cached_rows(self) -> int:
        """How many rows are in memory; tests use it to prove the model never loads the whole table."""
        return sum(len(page) for page in self._pages.values())

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        if claim_filter != self._filter:
            self._filter = claim_filter
            self.reload()

    def set_order(self, order: ClaimOrder) -> None:
        if order != self._order:
            self._order = order
            self.reload(recount=False)  # the count depends on the filter only

    def reload(self, *, recount: bool = True) -> None:
        """Rows may have moved anywhere (new filter, new order, another ledger): a reset is the honest signal."""
        self.beginResetModel()
        self._pages.clear()
        self._pending_marks.clear()  # rows move on a reset; the badges themselves stay valid
        if len(self._source_titles) > self.MAX_TITLES:  # titles change only with sources; bound the memory
            self._source_titles.clear()
            self._source_dates.clear()
        if recount:
            self._count = self._session.ledger.count_claims(self._filter)
        self.endResetModel()

    def claim_at(self, row: int) -> Claim | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._page(number)
        return page[offset] if offset < len(page) else None

    def claim_id_at(self, row: int) -> str | None:
        claim = self.claim_at(row)
        return None if claim is None else claim.id

    def related_mark(self, row: int, claim: Claim) -> str:
        """The Related badge ("⚠ contradicts 1", "restated ×2"); "" until checked (right after this paint)."""
        mark = self._mark_cache.get(claim.id)
        if mark is None:
            self._pending_marks[claim.id] = (row, claim)
            self._mark_timer.start()
            return ""
        return mark

    def forget_marks(self) -> None:
        """Drop every checked badge (another ledger is open); each is checked again when next shown."""
        self._mark_cache.clear()
        self._subject_figures.clear()

    def check_pending_marks(self) -> None:
        """Check the badges the views asked for since the last check (runs on its own right after a paint)."""
        pending, self._pending_marks = self._pending_marks, {}
        if not pending or self._session.ledger.closed:
            return
        marks = self._session.ledger.relation_marks(
            [claim for _, claim in pending.values()], self._subject_figures
        )
        rows = []
        for claim_id, (row, _claim) in pending.items():
            self._mark_cache[claim_id] = marks.get(claim_id, "")
            if claim_id in marks:
                rows.append(row)
        if rows:
            column = RELATED_COLUMN
            self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), column))

    def _forget_marks_about(self, claim_ids: frozenset[str]) -> None:
        """Badges of every cached fact sharing a subject with a changed fact are checked again when shown."""
        self._subject_figures.clear()
        subjects: set[str | None] = set()
        for page in self._pages.values():
            for i, claim_id in enumerate(page.ids()):
                if claim_id in claim_ids:
                    subjects.add(page[i].subject)  # the subject before the change
        for claim_id in claim_ids:
            with suppress(UserError):  # a deleted fact has no subject after
                subjects.add(self._session.ledger.claim(claim_id).subject)
        rows = []
        for number, page in self._pages.items():
            for i, claim_id in enumerate(page.ids()):
                if claim_id in claim_ids or page[i].subject in subjects:
                    self._mark_cache.pop(claim_id, None)
                    rows.append(number * self.PAGE_SIZE + i)
        for claim_id in claim_ids:
            self._mark_cache.pop(claim_id, None)
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), RELATED_COLUMN), self.index(max(rows), RELATED_COLUMN)
            )

    def row_of(self, claim_id: str) -> int | None:
        """The row showing a fact: a cached page if it is there, else the ledger counts the rows before it."""
        for number, page in self._pages.items():
            ids = page.ids()  # raw rows: no Claim is built to look
            if claim_id in ids:
                return number * self.PAGE_SIZE + ids.index(claim_id)
        return self._session.ledger.claim_position(claim_id, self._filter, self._order)

    # -- keeping up with the ledger -------------------------------------------------------------------
    def _on_session_changed(self, changes: Changes) -> None:
        self._stealth = self._session.ledger.stealth_edits()
        if changes.ledger_replaced:
            self._source_titles.clear()
            self._source_dates.clear()
            self.forget_marks()
            self.reload()
            return
        if changes.sources:
            self._reload_source_details()
        if not (changes.claims or changes.sources):
            return
        count = self._session.ledger.count_claims(self._filter)
        if count != self._count:
            self._forget_marks_about(changes.claims)
            self.reload()
            return
        self._refresh_cached_rows()
        # A fact's change can add or settle a finding about any fact with its subject.
        self._forget_marks_about(changes.claims)

    def _reload_source_details(self) -> None:
        """A source's title or date changed: re-read them for the cached pages and repaint those that changed."""
        wanted: set[str] = set()
        for page in self._pages.values():
            wanted |= page.source_ids()
        titles = self._session.ledger.source_titles(wanted) if wanted else {}
        dates = self._session.ledger.source_dates(wanted) if wanted else {}
        changed = {
            i
            for i in wanted
            if titles.get(i) != self._source_titles.get(i) or dates.get(i) != self._source_dates.get(i)
        }
        self._source_titles.update(titles)
        self._source_dates = {**self._source_dates, **dates}
        for gone in wanted - dates.keys():
            self._source_dates.pop(gone, None)
        if not changed:
            return
        for number, page in self._pages.items():
            rows = [i for i in range(len(page)) if page[i].source_id in changed]
            if rows:
                first = number * self.PAGE_SIZE
                self.dataChanged.emit(
                    self.index(first + rows[0], 0), self.index(first + rows[-1], len(COLUMNS) - 1)
                )

    def _refresh_cached_rows(self) -> None:
        """Same count: re-read the cached pages and announce exactly the rows that differ, or reset if rows moved."""
        old_pages = dict(self._pages)
        # Offsets, not seeks: a seek from a stale neighbour could agree with the old rows after a shift.
        fresh = {number: self._query(number, seek=False) for number in old_pages}
        for number, page in fresh.items():
            if page.ids() != old_pages[number].ids():
                self.reload()
                return
        self._pages = OrderedDict(fresh)
        for number, page in fresh.items():
            changed = page.rows_differing_from(old_pages[number])
            if changed:
                first = number * self.PAGE_SIZE + changed[0]
                last = number * self.PAGE_SIZE + changed[-1]
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _page(self, number: int) -> ClaimPage:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        page = self._query(number)
        self._pages[number] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def _query(self, number: int, *, seek: bool = True) -> ClaimPage:
        page = self._seek(number) if seek else None
        if page is None:
            page = self._session.ledger.claims(
                self._filter, self._order, offset=number * self.PAGE_SIZE, limit=self.PAGE_SIZE
            )
        missing = page.source_ids() - self._source_titles.keys()
        if missing:  # titles and dates of just this page's sources, never a summary of every source
            self._source_titles.update(self._session.ledger.source_titles(missing))
            self._source_dates.update(self._session.ledger.source_dates(missing))
        return page

    def _seek(self, number: int) -> ClaimPage | None:
        """The page beside a cached one, read from the boundary fact's sort key (None: no neighbour held).

        A jump deep into a million rows pays an OFFSET walk for its first page only; the page above or below
        it (a viewport straddling two pages, the next page-down) costs a short index range instead. A seek
        that answers fewer rows than the count says the page holds is ignored and the page is read by OFFSET.
        """
        previous = self._pages.get(number - 1)
        following = self._pages.get(number + 1)
        if previous is not None and len(previous) == self.PAGE_SIZE:
            anchor, before = previous[-1].id, False
        elif following:
            anchor, before = following[0].id, True
        else:
            return None
        page = self._session.ledger.claims_beside(
            anchor, self._filter, self._order, limit=self.PAGE_SIZE, before=before
        )
        expected = min(self.PAGE_SIZE, self._count - number * self.PAGE_SIZE)
        return page if page is not None and len(page) == expected else None

    def _display(self, claim: Claim, key: str) -> str:
        if key == "kind":
            return kind_label(claim.kind)
        if key == "statement":
            return badged(claim.statement, self._stealth.get(claim.id))
        if key == "value":
            value = claim.value if claim.value is not None else claim.amount
            return format_figure(value, claim.unit, claim.qualifier)
        if key == "attribution":
            return claim.attribution.label if claim.attribution else ""
        if key == "status":
            return claim.status.label
        if key == "source":
            return self._source_titles.get(claim.source_id, claim.source_id)
        if key == "related":
            return ""
        if key == "stated_on" and claim.stated_on is None:
            # A fact from an undated article takes its source's date once the person gives it one.
            return self._source_dates.get(claim.source_id, "")
        value = getattr(claim, key)
        return "" if value is None else str(value)
