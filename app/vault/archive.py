"""Frozen history: what a closing keeps so that unlocking never decodes closed periods.

When a lead closes a period (app/office/period_close.py) its records can no longer change
(app/records/freeze.py). The closing then *freezes* them as one numbered batch:

- every contact dated in the period, and every case closed in a closed period that nothing
  in an open period still refers to, moves to ``contacts_frozen`` / ``cases_frozen``
  (sealed again for that table, same revision, both moves in the audit chain); the ids
  of each batch are kept sealed as ``ids:N`` so that reopening can move them back;
- one sealed manifest (``batch:N`` in the ``frozen`` table) says which period, how many
  rows of each table, which frozen contacts belong to cases still in use (``carried``: they
  are loaded with their case, so a case's history stays whole) and the highest case number
  per year (for the next case code);
- sealed summary pages (``page:N:K``, sorted by case code) hold the case list's rows of the
  frozen cases and their contacts' ids, so the list scrolls history page by page;
- the frozen tallies of the period (and of its whole quarters) are written by the office
  (app/office/history.py) as ``tally:LABEL`` rows through ``put_tally``.

Every frozen row is sealed like a record: the associated data binds vault, table
``frozen``, id and revision, and each write is in the audit chain; a record moved between
the open and the frozen table by hand does not open there. ``findings`` re-reads every
batch for the integrity check. Reopening a period (``thaw``) returns the batches that end
on or after its start to the open records.

Counsellors hold the data key, so sealing alone does not keep them from rewriting a closed
period. The frozen history is therefore **lead state**: the setting ``frozen.digests``
(lead-only, so inside the signed head of app/vault/lead_state.py) holds the revision and
SHA-256 of every frozen row's plaintext, written by the lead's closing, reopening or
stored tally; ``read`` refuses a row that differs (``LeadStateForged``). The frozen records
themselves are checked against the signed tallies by ``check`` (app/stats/history.py).

The one write a counsellor makes to the frozen history is a save of a frozen case (what its
closed periods leave open: closing, ending, counsellor). It changes the case's row on a
case-list page, so it is kept *pending* as its own row ``summary:CASE`` (not signed, shown
over the page, only in the fields a counsellor may change) until a lead's next unlock folds
it into the signed page (``fold_pending``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

import msgspec

from app.errors import FallzahlError, LeadStateForged, RecordDamaged
from app.records import model as records
from app.records.model import Case, Contact
from app.records.overview import CaseRow, case_row, contact_stats
from app.records.periods import Period
from app.vault import audit, settings, store

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.session import Session

TABLE = "frozen"
INDEX = "index"
PAGE_ROWS = 1000
PENDING = "summary:"  # a counsellor's save of a frozen case, until a lead folds it in
# frozen id -> (revision, SHA-256 of the plaintext) of every signed frozen row: lead state
DIGESTS: settings.Setting[dict[str, tuple[int, str]]] = settings.Setting(
    "frozen.digests", dict[str, tuple[int, str]]
)
# what a counsellor's save may change in a frozen case's list row (app/records/freeze.py)
OPEN_FIELDS = ("closed", "counsellor", "level")


class PageRef(msgspec.Struct, frozen=True, array_like=True):
    id: str
    first: str  # lowest case code on the page (codes sort as text)
    last: str
    rows: int


class Batch(msgspec.Struct, frozen=True, kw_only=True):
    number: int
    label: str  # the closed period that froze it
    start: dt.date
    end: dt.date
    cases: int
    contacts: int
    pages: list[PageRef]
    carried: dict[str, list[str]]  # case id still in use -> its contacts frozen here
    serials: dict[int, int]  # year -> highest case number frozen here
    tallies: list[str]  # labels of the frozen tallies written with this batch


class Index(msgspec.Struct, kw_only=True):
    batches: list[int] = []
    tallies: list[str] = []
    next_batch: int = 1


class Members(msgspec.Struct, frozen=True, kw_only=True):
    cases: list[str]
    contacts: list[str]


class Page(msgspec.Struct, frozen=True, kw_only=True):
    rows: list[CaseRow]
    contact_ids: list[list[str]]  # per row: the case's contacts


class PageRows(msgspec.Struct, frozen=True, kw_only=True):
    """A page read for the case list: its contact ids (most of its bytes) left undecoded."""

    rows: list[CaseRow]
    contact_ids: msgspec.Raw


def damaged_archive(detail_de: str, detail_en: str) -> RecordDamaged:
    return RecordDamaged(
        f"Die eingefrorenen Daten abgeschlossener Zeiträume passen nicht zusammen: {detail_de}. "
        "Führen Sie die Prüfung aus und stellen Sie gegebenenfalls die letzte Sicherung wieder "
        "her.",
        f"The frozen data of closed periods does not agree: {detail_en}. Run the integrity "
        "check and, if needed, restore the latest backup.",
        TABLE,
        detail_en,
    )


def forged(frozen_id: str) -> LeadStateForged:
    return LeadStateForged(
        f"Die eingefrorenen Daten abgeschlossener Zeiträume ({frozen_id}) wurden ohne Leitung "
        "verändert: sie weichen von dem ab, was die Leitung signiert hat. Fallzahl zeigt sie "
        "nicht an. Melden Sie den Vorfall der Leitung; sie stellt die letzte Sicherung wieder "
        "her.",
        f"The frozen data of closed periods ({frozen_id}) was changed without a lead: it "
        "differs from what a lead signed. Fallzahl does not show it. Report this to a lead, "
        "who restores the latest backup.",
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digests(session: Session) -> dict[str, tuple[int, str]] | None:
    """The signed digests; None in a vault frozen before they existed (until a lead's
    next unlock signs them, ``adopt``)."""
    raw = session.get_setting(DIGESTS.key)
    if raw is None:
        return None
    try:
        return msgspec.json.decode(raw, type=DIGESTS.type)
    except msgspec.DecodeError:
        raise forged(DIGESTS.key) from None


def _store_digests(session: Session, signed: dict[str, tuple[int, str]]) -> None:
    session.put_setting(
        DIGESTS.key, msgspec.json.encode(dict(sorted(signed.items()))), audit_detail="frozen"
    )


# sealed rows of the frozen table
def read(session: Session, frozen_id: str, signed: dict | None = None) -> bytes | None:
    """A frozen row's plaintext, checked against the lead's digests (pending rows: not)."""
    row = session.store.row(TABLE, frozen_id)
    if frozen_id.startswith(PENDING):
        return None if row is None else session.open_row(TABLE, frozen_id, row[1], row[2])
    signed = digests(session) if signed is None else signed
    if row is None:
        if signed is not None and frozen_id in signed:
            raise forged(frozen_id)
        return None
    plain = session.open_row(TABLE, frozen_id, row[1], row[2])
    if signed is not None and signed.get(frozen_id) != (row[1], _sha(plain)):
        raise forged(frozen_id)
    return plain


def _decode(session: Session, frozen_id: str, kind: type, signed: dict | None = None):
    raw = read(session, frozen_id, signed)
    if raw is None:
        return None
    try:
        return msgspec.msgpack.decode(raw, type=kind)
    except msgspec.DecodeError:
        raise damaged_archive(frozen_id, frozen_id) from None


def _put(session: Session, frozen_id: str, data: bytes, written: list, signed: dict) -> None:
    rev = (session.store.revision(TABLE, frozen_id) or 0) + 1
    session.store.put(TABLE, frozen_id, rev, session._seal(TABLE, frozen_id, rev, data))
    written.append((TABLE, frozen_id, rev))
    if not frozen_id.startswith(PENDING):
        signed[frozen_id] = (rev, _sha(data))


def _drop(session: Session, frozen_id: str, written: list, signed: dict) -> None:
    if session.store.revision(TABLE, frozen_id) is not None:
        session.store.delete(TABLE, frozen_id)
        written.append((TABLE, frozen_id, audit.DELETED))
    signed.pop(frozen_id, None)


def _signed_now(session: Session) -> dict[str, tuple[int, str]]:
    """The digests to update in a lead's write (adopting a vault frozen before them)."""
    found = digests(session)
    return _all_digests(session) if found is None else found


def _all_digests(session: Session) -> dict[str, tuple[int, str]]:
    out = {}
    for frozen_id, rev, sealed in session.store.rows(TABLE):
        if not frozen_id.startswith(PENDING):
            out[frozen_id] = (rev, _sha(session.open_row(TABLE, frozen_id, rev, sealed)))
    return out


def index(session: Session) -> Index:
    return _decode(session, INDEX, Index) or Index()


def batches(session: Session) -> list[Batch]:
    signed = digests(session)
    out = []
    for number in (_decode(session, INDEX, Index, signed) or Index()).batches:
        batch = _decode(session, f"batch:{number}", Batch, signed)
        if batch is None:
            raise damaged_archive(f"Abschluss {number} fehlt", f"closing {number} is missing")
        out.append(batch)
    return out


def members_of(session: Session, number: int) -> Members:
    got = _decode(session, f"ids:{number}", Members)
    if got is None:
        raise damaged_archive(
            f"Liste zu Abschluss {number} fehlt", f"list of closing {number} is missing"
        )
    return got


def signed_page(session: Session, page_id: str) -> Page:
    """A case-list page as the lead's closing (or last fold) signed it."""
    got = _decode(session, page_id, Page)
    if got is None:
        raise damaged_archive(f"Seite {page_id} fehlt", f"page {page_id} is missing")
    return got


def page(session: Session, page_id: str) -> Page:
    """A case-list page as shown: the signed rows with the pending saves over them."""
    body = signed_page(session, page_id)
    over = pending(session)
    if not over or not any(r.case_id in over for r in body.rows):
        return body
    rows = [_shown(r, over.get(r.case_id)) for r in body.rows]
    return Page(rows=rows, contact_ids=body.contact_ids)


def pending(session: Session) -> dict[str, CaseRow]:
    """case id -> the list row of a counsellor's save of that frozen case, not yet signed."""
    out: dict[str, CaseRow] = {}
    ids = session.store.db.execute(
        "SELECT id FROM frozen WHERE id >= ? AND id < ?", [PENDING, PENDING[:-1] + ";"]
    ).fetchall()
    for (frozen_id,) in ids:
        raw = read(session, frozen_id)
        try:
            row = msgspec.msgpack.decode(raw or b"", type=CaseRow)
        except msgspec.DecodeError:
            raise damaged_archive(frozen_id, frozen_id) from None
        if PENDING + row.case_id != frozen_id:
            raise damaged_archive(frozen_id, frozen_id)
        out[row.case_id] = row
    return out


def _pending_ids(ids: set[str]) -> set[str]:
    return {i for i in ids if i.startswith(PENDING)}


def _shown(row: CaseRow, over: CaseRow | None) -> CaseRow:
    """The signed row with only what a counsellor may change taken from the pending one."""
    if over is None:
        return row
    return msgspec.structs.replace(row, **{f: getattr(over, f) for f in OPEN_FIELDS})


def _open_fields_of(case: Case, scheme: Scheme) -> CaseRow:
    """A row holding the record's OPEN_FIELDS (the rest is not looked at). Its level is
    computed as replace_summary's pending row is: with the session's scheme, no contacts."""
    return case_row(case, scheme, None)


def page_rows(
    session: Session,
    page_id: str,
    signed: dict | None = None,
    over: dict[str, CaseRow] | None = None,
) -> list[CaseRow]:
    """The case list's rows of one page as ``page`` shows them, its contact ids (most of its
    bytes) left undecoded; a caller reading many pages passes ``digests`` and ``pending``."""
    got = _decode(session, page_id, PageRows, signed)
    if got is None:
        raise damaged_archive(f"Seite {page_id} fehlt", f"page {page_id} is missing")
    over = pending(session) if over is None else over
    if not over or not any(r.case_id in over for r in got.rows):
        return got.rows
    return [_shown(r, over.get(r.case_id)) for r in got.rows]


def _move(session: Session, table: str, frozen: bool, ids: list[str], written: list) -> None:
    """Move rows between a record table and its frozen table, sealed again for the new one."""
    source, target = (table, store.FROZEN_TABLES[table])[:: 1 if frozen else -1]
    rows = []
    for record_id, rev, sealed in session.store.rows_by_id(source, ids):
        plain = session.open_row(source, record_id, rev, sealed)
        rows.append((record_id, rev, session._seal(target, record_id, rev, plain)))
        written.append((source, record_id, audit.DELETED))
        written.append((target, record_id, rev))
    session.store.put_many(target, rows)
    session.store.delete_many(source, [r[0] for r in rows])


# freezing one closed period
def freeze(
    session: Session,
    period: Period,
    closed: list[tuple[dt.date, dt.date]],
    cases: dict[str, Case],
    contacts: dict[str, Contact],
    carried_ids: set[str],
    scheme: Scheme,
    tallies: dict[str, bytes],
) -> tuple[set[str], set[str], dict[str, list[str]]]:
    """Freeze ``period`` as a new batch with its frozen ``tallies`` (label -> tallies.json).

    ``cases``/``contacts`` are the session's open records (with the carried contacts,
    whose ids are ``carried_ids``); ``closed`` the closed periods' date ranges. One
    transaction and one audit entry. Returns (ids of the cases frozen, ids of the contacts
    the session no longer holds, the new carried contacts by case).
    """
    start, end = period.start, period.end
    new_contacts = {
        k.id for k in contacts.values() if start <= k.date <= end and k.id not in carried_ids
    }
    still_used: set[str] = set()
    for k in contacts.values():
        if k.case_id is not None and k.id not in new_contacts and k.id not in carried_ids:
            still_used.add(k.case_id)  # a contact in an open period
        if k.case_id is not None and k.date > end:
            still_used.add(k.case_id)  # frozen later than this period: keep it whole
    new_cases = {
        c.id
        for c in cases.values()
        if c.closed is not None
        and c.closed <= end
        and c.id not in still_used
        and any(a <= c.closed <= b for a, b in closed)
    }
    own: dict[str, list[Contact]] = {}
    for k in contacts.values():
        if k.case_id is not None and k.case_id in cases:
            own.setdefault(k.case_id, []).append(k)
    carried = {
        case_id: ids
        for case_id in cases
        if case_id not in new_cases
        and (ids := [k.id for k in own.get(case_id, ()) if k.id in new_contacts])
    }
    frozen_cases = sorted((cases[i] for i in new_cases), key=lambda c: c.code)
    idx = index(session)
    number = idx.next_batch
    pages: list[PageRef] = []
    written: list[tuple[str, str, int]] = []
    stats = contact_stats(k for c in frozen_cases for k in own.get(c.id, ()))
    serials: dict[int, int] = {}
    for c in frozen_cases:
        year, _, serial = c.code.partition("-")
        if year.isdigit() and serial.isdigit():
            serials[int(year)] = max(serials.get(int(year), 0), int(serial))
    signed = _signed_now(session)
    with session.store.transaction():
        for k in range(0, len(frozen_cases), PAGE_ROWS):
            chunk = frozen_cases[k : k + PAGE_ROWS]
            page_id = f"page:{number}:{k // PAGE_ROWS}"
            body = Page(
                rows=[case_row(c, scheme, stats.get(c.id)) for c in chunk],
                contact_ids=[[x.id for x in own.get(c.id, ())] for c in chunk],
            )
            _put(session, page_id, msgspec.msgpack.encode(body), written, signed)
            pages.append(PageRef(page_id, chunk[0].code, chunk[-1].code, len(chunk)))
        batch = Batch(
            number=number,
            label=period.label,
            start=start,
            end=end,
            cases=len(new_cases),
            contacts=len(new_contacts),
            pages=pages,
            carried=carried,
            serials=serials,
            tallies=sorted(tallies),
        )
        for label, data in sorted(tallies.items()):
            _put(session, f"tally:{label}", data, written, signed)
            if label not in idx.tallies:
                idx.tallies.append(label)
        _put(session, f"batch:{number}", msgspec.msgpack.encode(batch), written, signed)
        members = Members(cases=sorted(new_cases), contacts=sorted(new_contacts))
        _put(session, f"ids:{number}", msgspec.msgpack.encode(members), written, signed)
        _move(session, "cases", True, members.cases, written)
        _move(session, "contacts", True, members.contacts, written)
        idx.batches.append(number)
        idx.next_batch = number + 1
        _put(session, INDEX, msgspec.msgpack.encode(idx), written, signed)
        _store_digests(session, signed)
        session._append_audit(
            "period.frozen",
            f"{period.label}: {len(new_cases)} cases, {len(new_contacts)} contacts",
            written,
        )
    gone_contacts = {k.id for k in contacts.values() if k.case_id in new_cases} | {
        i for i in new_contacts if contacts[i].case_id not in carried
    }
    return new_cases, gone_contacts, carried


def put_tally(session: Session, label: str, data: bytes) -> None:
    """Store (or replace) the frozen tally of ``label`` (canonical tallies.json bytes)."""
    written: list[tuple[str, str, int]] = []
    signed = _signed_now(session)
    with session.store.transaction():
        _put(session, f"tally:{label}", data, written, signed)
        idx = index(session)
        if label not in idx.tallies:
            idx.tallies.append(label)
            _put(session, INDEX, msgspec.msgpack.encode(idx), written, signed)
        _store_digests(session, signed)
        session._append_audit("tally.frozen", label, written)


def thaw(session: Session, period: Period, keep_tallies: set[str]) -> list[int]:
    """Reopening ``period``: batches ending on or after its start return to the open records.

    Their frozen tallies go too, except those of ``keep_tallies`` (periods that stay
    closed). Returns the batch numbers thawed.
    """
    idx = index(session)
    held = batches(session)
    gone = [b for b in held if b.end >= period.start]
    drop_tallies = {period.label} | {t for b in gone for t in b.tallies}
    drop_tallies = {t for t in drop_tallies if t not in keep_tallies and t in idx.tallies}
    if not gone and not drop_tallies:
        return []
    written: list[tuple[str, str, int]] = []
    signed = _signed_now(session)
    over = pending(session)
    with session.store.transaction():
        numbers = [b.number for b in gone]
        for b in gone:
            members = members_of(session, b.number)
            _move(session, "cases", False, members.cases, written)
            _move(session, "contacts", False, members.contacts, written)
            for case_id in members.cases:
                if case_id in over:  # back among the open records: nothing pending
                    _drop(session, PENDING + case_id, written, signed)
            _drop(session, f"ids:{b.number}", written, signed)
            for ref in b.pages:
                _drop(session, ref.id, written, signed)
            _drop(session, f"batch:{b.number}", written, signed)
        for label in sorted(drop_tallies):
            _drop(session, f"tally:{label}", written, signed)
        idx.batches = [n for n in idx.batches if n not in numbers]
        idx.tallies = [t for t in idx.tallies if t not in drop_tallies]
        _put(session, INDEX, msgspec.msgpack.encode(idx), written, signed)
        _store_digests(session, signed)
        session._append_audit("period.thawed", f"{period.label}: batches {numbers or '-'}", written)
    return numbers


def replace_summary(session: Session, case: Case, scheme: Scheme) -> None:
    """A frozen case was saved (only what a closed period leaves open): its list row.

    A lead's save rewrites the signed page; a counsellor's is kept pending (``summary:ID``)
    until a lead's next unlock folds it in (``fold_pending``)."""
    for batch in session.frozen_batches():
        for ref in batch.pages:
            if not ref.first <= case.code <= ref.last:
                continue
            body = signed_page(session, ref.id)
            for i, row in enumerate(body.rows):
                if row.case_id != case.id:
                    continue
                new_row = msgspec.structs.replace(
                    case_row(case, scheme, None),
                    contacts=row.contacts,
                    last_contact=row.last_contact,
                )
                written: list[tuple[str, str, int]] = []
                if not session.is_lead:
                    _put(session, PENDING + case.id, msgspec.msgpack.encode(new_row), written, {})
                    session._append_audit("case.summary.pending", ref.id, written)
                    return
                signed = _signed_now(session)
                rows = list(body.rows)
                rows[i] = new_row
                new = Page(rows=rows, contact_ids=body.contact_ids)
                _put(session, ref.id, msgspec.msgpack.encode(new), written, signed)
                _drop(session, PENDING + case.id, written, signed)
                _store_digests(session, signed)
                session._append_audit("case.summary", ref.id, written)
                return


def sign_pending(session: Session) -> int:
    """At a lead's unlock: fold the pending saves into their signed pages (each row from
    the case record itself, only in OPEN_FIELDS), and sign the digests of a vault frozen
    before they existed. Returns how many pending rows were folded."""
    over = pending(session)
    if not over and (digests(session) is not None or session.store.count(TABLE) == 0):
        return 0
    signed = _signed_now(session)
    written: list[tuple[str, str, int]] = []
    with session.store.transaction():
        if over:
            records_now = {c.id: c for c in session._decode_rows("cases_frozen", over)}
            for batch in batches(session):
                for ref in batch.pages:
                    body = signed_page(session, ref.id)
                    hit = [i for i, r in enumerate(body.rows) if r.case_id in records_now]
                    if not hit:
                        continue
                    rows = list(body.rows)
                    for i in hit:
                        rows[i] = _shown(
                            rows[i], _open_fields_of(records_now[rows[i].case_id], session.scheme)
                        )
                    new = Page(rows=rows, contact_ids=body.contact_ids)
                    _put(session, ref.id, msgspec.msgpack.encode(new), written, signed)
            for case_id in over:
                _drop(session, PENDING + case_id, written, signed)
        _store_digests(session, signed)
        session._append_audit("frozen.signed", f"{len(over)} pending rows", written)
    return len(over)


def find_code(session: Session, code: str) -> tuple[CaseRow, list[str]] | None:
    """The summary row and contact ids of the frozen case with ``code`` (pages by range)."""
    for batch in session.frozen_batches():
        for ref in batch.pages:
            if ref.first <= code <= ref.last:
                body = page(session, ref.id)
                for row, ids in zip(body.rows, body.contact_ids, strict=True):
                    if row.code == code:
                        return row, ids
    return None


# the integrity check
def findings(session: Session) -> list[FallzahlError]:
    """Every frozen row is as a lead signed it (pending saves as their records say), every
    batch holds what its manifest says, its records lie where a batch may hold them."""
    out: list[FallzahlError] = []
    try:
        signed = digests(session)
        if signed is not None:
            present = {r[0] for r in session.store.db.execute(f"SELECT id FROM {TABLE}")}
            for frozen_id in sorted((present | set(signed)) - _pending_ids(present)):
                try:
                    read(session, frozen_id, signed)
                except LeadStateForged as exc:
                    out.append(exc)
        over = pending(session)
        for case in session._decode_rows("cases_frozen", over):
            if _shown(over[case.id], None) != _shown(
                over[case.id], _open_fields_of(case, session.scheme)
            ):
                out.append(damaged_archive(PENDING + case.id, PENDING + case.id))
        if (
            len(over)
            != session.store.db.execute(
                "SELECT count(*) FROM cases_frozen WHERE id IN (SELECT substr(id, ?) FROM frozen "
                "WHERE id >= ? AND id < ?)",
                [len(PENDING) + 1, PENDING, PENDING[:-1] + ";"],
            ).fetchone()[0]
        ):
            out.append(damaged_archive("summary", "a pending row names no frozen case"))
        if out:
            return out
        held = batches(session)
        listed = {t: set() for t in store.FROZEN_TABLES}
        for b in held:
            members = members_of(session, b.number)
            listed["cases"] |= set(members.cases)
            listed["contacts"] |= set(members.contacts)
    except (RecordDamaged, LeadStateForged) as exc:
        return [*out, exc]
    for table, frozen_table in store.FROZEN_TABLES.items():
        present = {r[0] for r in session.store.db.execute(f"SELECT id FROM {frozen_table}")}
        if present != listed[table]:
            out.append(
                damaged_archive(
                    f"{frozen_table} enthält andere Datensätze als die Abschlüsse nennen",
                    f"{frozen_table} holds other records than the closings list",
                )
            )
    for b in held:
        name = f"{b.label} ({b.number})"
        try:
            members = members_of(session, b.number)
            ids = set()
            for ref in b.pages:
                ids |= {r.case_id for r in page_rows(session, ref.id)}
        except (RecordDamaged, LeadStateForged) as exc:
            out.append(exc)
            continue
        if set(members.cases) != ids or (len(members.cases), len(members.contacts)) != (
            b.cases,
            b.contacts,
        ):
            out.append(
                damaged_archive(
                    f"Fälle von {name} und Fallliste weichen ab",
                    f"the cases of {name} and its case list differ",
                )
            )
        for record_id, rev, sealed in session.store.rows_by_id("contacts_frozen", members.contacts):
            try:
                plain = session.open_row("contacts_frozen", record_id, rev, sealed)
                day = records.decode_contact(plain).date
            except (RecordDamaged, msgspec.DecodeError):
                continue  # named by the record check
            if not b.start <= day <= b.end:
                out.append(
                    damaged_archive(
                        f"Kontakt {record_id} liegt nicht in {name}",
                        f"contact {record_id} does not lie in {name}",
                    )
                )
        for record_id, rev, sealed in session.store.rows_by_id("cases_frozen", members.cases):
            try:
                case = records.decode_case(session.open_row("cases_frozen", record_id, rev, sealed))
            except (RecordDamaged, msgspec.DecodeError):
                continue
            if case.closed is None or case.closed > b.end:
                out.append(
                    damaged_archive(
                        f"Fall {case.code} ist in {name} eingefroren, aber nicht abgeschlossen",
                        f"case {case.code} is frozen in {name} but not closed",
                    )
                )
    return out
