"""An unlocked vault: records, settings, users and the audit log, for one user.

Holds the keys and the decoded open records in memory only; ``close`` forgets them and
releases the writer lock. Records of closed periods are frozen (app/vault/archive.py) and
decoded only on demand: ``cases()``/``contacts()`` are the open records (the rule is
spelled out at ``_load``). Every change is one transaction that also appends the audit
entry, so a save that returned is on disk with its audit trail (synchronous=FULL).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import TYPE_CHECKING

import msgspec

from app.crypto import kdf as keys
from app.crypto import signing
from app.crypto.aead import Cipher, Tampered
from app.errors import (
    FallzahlError,
    LeadStateRolledBack,
    NotAllowed,
    NotFound,
    RecordDamaged,
    StorageError,
)
from app.records import changes, freeze
from app.records import model as records
from app.records.changes import Changes
from app.records.duration import with_band
from app.records.model import Case, Contact
from app.records.overview import CaseRow, share_values
from app.records.periods import Period
from app.records.upgrade import contact_upgrader, in_current_codes
from app.records.validation import validate_case, validate_contact
from app.scheme.store import scheme_for_version
from app.vault import archive, audit, keyslots, lead_state, settings, store, witness
from app.vault.lock import WriterLock

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.vault import Vault

AUDIT_HEAD = settings.AUDIT_HEAD.key
Progress = Callable[[int, int], None]  # (done, total) rows, for the window's progress bar


def new_id() -> str:
    return secrets.token_hex(8)


class Session:
    def __init__(
        self,
        vault: Vault,
        user: str,
        role: str,
        grant: keyslots.Grant,
        slot_secret: keyslots.SlotSecret,
        *,
        lock: bool = True,
        verify: bool = True,
        kek: bytes | None = None,
    ) -> None:
        self.vault = vault
        self.store = vault.store
        self.user = user
        self._grant = grant
        self._slot_secret = slot_secret
        self._kek = kek if lock else None  # only the writer moves its rollback mark
        self._key = grant.data_key
        # A lead without the lead key in its grant is no lead (an edited role).
        self._lead_key = grant.lead_key if role == "lead" and grant.lead_key else None
        self.role = role if role != "lead" or self._lead_key else "counsellor"
        self._aead = Cipher(self._key)
        self._lead_aead = Cipher(self._lead_key) if self._lead_key else None
        self._state_secret: signing.SecretKey | None = None
        self._lock = WriterLock(vault.folder)
        if lock:
            self._lock.acquire(user)
        try:
            if lock:
                self.store.hold_exclusive()
            self._cases: dict[str, Case] | None = None
            self._contacts: dict[str, Contact] | None = None
            self._fetched: dict[str, Case] = {}  # frozen cases opened on demand
            self._held: set[str] = set()  # frozen cases held with the open records
            self._carried: set[str] = set()  # frozen contacts held with their open case
            self._batches: list[archive.Batch] = []
            self._shared: dict = {}  # the values the history's list rows share
            self._scheme: Scheme | None = None
            self._changes = Changes()  # what the mutations since the last take_changes() changed
            self._pending: list[tuple[str, str, list[tuple[str, str, int]]]] = []
            self._flush_armed = self._rollback_armed = False
            self._lead_rows = lead_state.Rows(self.store)
            self._head: lead_state.Head | None = None
            # the writing session compares the file with what this PC has seen of it
            self._witnessing = lock and verify
            self._witness: witness.Seen | None = None
            self._chain_moved = False  # this unlock followed a key change it had not seen
            self._head_seq = 0  # the audit head's sequence at unlock
            self._key_ids: list[str] = []
            signed = None
            if verify:  # the key chain, then signature and digest (no record opened yet)
                signed = lead_state.verify(
                    self.store, vault.vault_id, self._trusted_state_key(), self._lead_rows
                )
            try:
                self._audit_seq, self._audit_prev = self._opened_audit_tail()
            except (RecordDamaged, LeadStateRolledBack):
                if self._chain_moved:
                    raise lead_state.replaced_data_key() from None
                raise
            if signed is not None:
                self._head = self._verify_lead_state(signed)
                kept = witness.check(vault.vault_id, self.seen()) if self._witnessing else None
                self._mark_seen(self._head.version)
                if self._witnessing:
                    self._witness = witness.advance(vault.vault_id, kept, self.seen())
                    if self.is_lead:  # counsellors' saves of frozen cases, signed now
                        with contextlib.suppress(StorageError):  # a full disk: next time
                            archive.sign_pending(self)
        except BaseException:
            self.store.release_exclusive()
            self._lock.release()
            raise

    # who
    @property
    def is_lead(self) -> bool:
        return self.role == "lead"

    @property
    def mode(self) -> str:
        return self.vault.mode

    @property
    def is_open(self) -> bool:
        return self._key is not None

    def require_lead(self, what_de: str, what_en: str) -> None:
        if not self.is_lead:
            raise NotAllowed(
                f"{what_de} ist der Leitung vorbehalten. Bitten Sie eine Leitung darum.",
                f"{what_en} is reserved for a lead. Ask a lead to do it.",
            )

    # the scheme records are validated against
    @property
    def scheme(self) -> Scheme:
        if self._scheme is None:
            from app.scheme.store import active_scheme

            self._scheme = active_scheme(self)
        return self._scheme

    @scheme.setter
    def scheme(self, value: Scheme) -> None:
        self._scheme = value

    # sealing
    def _ad(self, table: str, record_id: str, rev: int) -> bytes:
        return store.associated_data(self.vault.vault_id, table, record_id, rev)

    def _seal(
        self, table: str, record_id: str, rev: int, data: bytes, key: Cipher | None = None
    ) -> bytes:
        return (key or self._aead).seal(self._ad(table, record_id, rev), data)

    def open_row(
        self, table: str, record_id: str, rev: int, sealed: bytes, key: Cipher | None = None
    ) -> bytes:
        """The plaintext of one sealed row; RecordDamaged when it does not open."""
        try:
            return (key or self._aead).open(self._ad(table, record_id, rev), sealed)
        except Tampered:
            raise store.damaged(table, record_id) from None

    # records
    #
    # The rule (docs/architecture.md, "Frozen history"): ``cases()`` and ``contacts()`` are
    # the *open records*: every case and contact no closing has frozen, plus the frozen
    # contacts of the cases among them (a case's history stays whole). They are decoded at
    # unlock and hold everything a tally of a period after the frozen history needs
    # (``covers``). Closed periods are read through their frozen tallies
    # (``frozen_tally``), the case list through the summary pages (``history_pages``), and
    # a single old record on demand (``case``, ``case_by_code``, ``contacts_of_case``,
    # ``stored_record``). ``records_for(period)`` and ``all_cases``/``all_contacts`` decode
    # every record, for the few callers that need closed periods' records themselves.
    def _load(self) -> None:
        """Open and decode the open records once; damaged rows are named, not skipped.

        This is the hot path of unlocking (100,000 records): SQLite hands over id, revision,
        nonce and ciphertext, one cipher object opens them (the associated data built from
        a per-table template), and one msgspec call per table decodes all plaintexts as a
        single MessagePack array, all with the cyclic GC paused (it would walk every record
        decoded so far, again and again). Only when something does not open does the slow
        path find which row. Frozen rows (their own tables) are not read at all, but the
        frozen contacts of the open cases and the frozen cases of open contacts.
        """
        if self._cases is not None:
            return
        loaded: dict[str, dict] = {}
        bad: list[RecordDamaged] = []
        was_enabled = gc.isenabled()
        gc.disable()  # hundred thousand fresh objects: no collections half way
        try:
            held = archive.batches(self)
            for table, kind in (("cases", Case), ("contacts", Contact)):
                rows = self.store.sealed_for_opening(table)
                ids = [row[0] for row in rows]
                try:
                    plains = self._aead.open_rows(
                        rows, store.ad_template(self.vault.vault_id, table)
                    )
                except Tampered:
                    ids, plains = self._open_one_by_one(table, bad)
                del rows  # the ciphertexts: not needed once opened (peak memory)
                decoded = self._decode_all(table, kind, ids, plains, bad)
                del plains
                loaded[table] = dict(zip(ids, decoded, strict=False))
            if bad:
                if self._chain_moved:
                    raise lead_state.replaced_data_key()
                raise _many_damaged(bad)
            cases, contacts = loaded["cases"], loaded["contacts"]
            # cases of open contacts that a closing froze (a contact after the case's end)
            missing = set(map(attrgetter("case_id"), contacts.values())) - cases.keys()
            missing -= {None, ""}
            kept_open = self._decode_rows("cases_frozen", missing)
            cases.update((c.id, c) for c in kept_open)
            carried = [
                i
                for b in held
                for case_id, ids in b.carried.items()
                if case_id in cases
                for i in ids
            ]
            extra = self._decode_rows("contacts_frozen", carried)
            contacts.update((k.id, k) for k in extra)
        finally:
            if was_enabled:
                gc.enable()
        self._batches = held
        self._held = {c.id for c in kept_open}  # frozen, held for a contact of an open period
        self._carried = {k.id for k in extra}
        self._cases, self._contacts = cases, contacts

    def _decode_rows(self, table: str, ids) -> list:
        """Some rows by id, opened and decoded together (on demand; named when damaged)."""
        kind = Case if table.startswith("cases") else Contact
        ids = list(ids)
        if not ids:
            return []
        rows = self.store.sealed_for_opening(table, ids)
        found = [row[0] for row in rows]
        try:
            plains = self._aead.open_rows(rows, store.ad_template(self.vault.vault_id, table))
        except Tampered:
            for record_id, rev, sealed in self.store.rows_by_id(table, found):
                self.open_row(table, record_id, rev, sealed)  # names the damaged one
            raise
        bad: list[RecordDamaged] = []
        decoded = self._decode_all(table, kind, found, plains, bad)
        if bad:
            raise _many_damaged(bad)
        return decoded

    @staticmethod
    def _decode_all(table: str, kind: type, ids: list[str], plains: list[bytes], bad: list) -> list:
        header = b"\xdd" + len(plains).to_bytes(4, "big")  # MessagePack array 32
        try:
            return msgspec.msgpack.decode(header + b"".join(plains), type=list[kind])
        except msgspec.DecodeError:
            pass
        decoded = []
        for record_id, plain in zip(ids, plains, strict=True):
            try:
                decoded.append(msgspec.msgpack.decode(plain, type=kind))
            except msgspec.DecodeError:
                bad.append(store.damaged(table, record_id))
        return decoded

    def _open_one_by_one(
        self, table: str, bad: list[RecordDamaged]
    ) -> tuple[list[str], list[bytes]]:
        ids: list[str] = []
        plains: list[bytes] = []
        for record_id, rev, sealed in self.store.rows(table):
            try:
                plains.append(self.open_row(table, record_id, rev, sealed))
            except RecordDamaged as exc:
                bad.append(exc)
                continue
            ids.append(record_id)
        return ids, plains

    def cases(self) -> list[Case]:
        """The open records' cases (see the rule above)."""
        self._load()
        return list(self._cases.values())  # type: ignore[union-attr]

    def contacts(self) -> list[Contact]:
        """The open records' contacts, with the frozen contacts of their cases."""
        self._load()
        return list(self._contacts.values())  # type: ignore[union-attr]

    def decoded_counts(self) -> tuple[int, int]:
        """How many cases and contacts this session has decoded (unlock and on demand)."""
        self._load()
        return len(self._cases) + len(self._fetched), len(self._contacts)  # type: ignore[arg-type]

    def record_counts(self) -> tuple[int, int]:
        """Every stored case and contact, open or frozen (counted, not decoded)."""
        count = self.store.count
        return tuple(count(t) + count(store.FROZEN_TABLES[t]) for t in ("cases", "contacts"))  # type: ignore[return-value]

    # the frozen history
    def history_horizon(self) -> dt.date | None:
        """The last day of the latest frozen period (None: nothing frozen)."""
        self._load()
        return max((b.end for b in self._batches), default=None)

    def covers(self, period: Period) -> bool:
        """Do the open records alone give the exact tally of ``period``?"""
        horizon = self.history_horizon()
        return horizon is None or period.start > horizon

    def records_for(self, period: Period) -> tuple[list[Case], list[Contact]]:
        """Exactly the records a tally of ``period`` needs: the open ones when they cover
        it, else every record (decoded on demand, not kept)."""
        if self.covers(period):
            return self.cases(), self.contacts()
        return self.all_cases(), self.all_contacts()

    def all_cases(self) -> list[Case]:
        """Every case, frozen ones decoded now (slow with years of history; not kept)."""
        self._load()
        out = dict(self._cases)  # type: ignore[arg-type]
        for c in self._decode_table("cases_frozen", Case):
            out.setdefault(c.id, c)
        return list(out.values())

    def all_contacts(self) -> list[Contact]:
        """Every contact, frozen ones decoded now (slow with years of history; not kept)."""
        self._load()
        out = dict(self._contacts)  # type: ignore[arg-type]
        for k in self._decode_table("contacts_frozen", Contact):
            out.setdefault(k.id, k)
        return list(out.values())

    def _decode_table(self, table: str, kind: type) -> list:
        rows = self.store.sealed_for_opening(table)
        ids = [row[0] for row in rows]
        bad: list[RecordDamaged] = []
        try:
            plains = self._aead.open_rows(rows, store.ad_template(self.vault.vault_id, table))
        except Tampered:
            ids, plains = self._open_one_by_one(table, bad)
        decoded = self._decode_all(table, kind, ids, plains, bad)
        if bad:
            raise _many_damaged(bad)
        return decoded

    def frozen_batches(self) -> list[archive.Batch]:
        self._load()
        return list(self._batches)

    def history_pages(self) -> list[archive.PageRef]:
        """The case list's pages of frozen cases, newest closing first."""
        self._load()
        return [ref for b in reversed(self._batches) for ref in b.pages]

    def history_page(self, page_id: str) -> list[CaseRow]:
        """One page of frozen cases' list rows as shown (decoded now, not kept)."""
        return self.history_rows([page_id])

    def history_rows(self, page_ids: Iterable[str]) -> list[CaseRow]:
        """The list rows of these pages as shown, in order: the lead's digests and the
        pending saves read once for all, the rows sharing their repeated values with every
        row this session handed out before (app.records.overview.share_values)."""
        page_ids = list(page_ids)
        if not page_ids:
            return []
        signed, over = archive.digests(self), archive.pending(self)
        rows: list[CaseRow] = []
        for page_id in page_ids:
            got = archive.page_rows(self, page_id, signed, over)
            share_values(got, self._shared)  # page by page: the copies go at once
            rows += got
        return rows

    def frozen_tally(self, label: str) -> bytes | None:
        """The sealed frozen tally (canonical tallies.json) of a closed period, if kept."""
        return archive.read(self, f"tally:{label}")

    def frozen_tally_labels(self) -> list[str]:
        return list(archive.index(self).tallies)

    def freeze_period(self, period: Period, tallies: dict[str, bytes]) -> None:
        """Freeze the closed ``period`` with its frozen tallies (app/vault/archive.py)."""
        self.require_lead("Das Einfrieren eines Zeitraums", "Freezing a period")
        self._load()
        ranges = [(c.start, c.end) for c in freeze.closed_periods(self)]
        cases, gone, carried = archive.freeze(
            self,
            period,
            ranges,
            {i: c for i, c in self._cases.items() if i not in self._held},  # type: ignore[union-attr]
            self._contacts,  # type: ignore[arg-type]
            self._carried,
            self.scheme,
            tallies,
        )
        for case_id in cases:
            del self._cases[case_id]  # type: ignore[union-attr]
        for contact_id in gone:
            del self._contacts[contact_id]  # type: ignore[union-attr]
        self._carried = {i for i in self._carried if i in self._contacts}  # type: ignore[operator]
        self._carried |= {i for ids in carried.values() for i in ids}
        self._batches = archive.batches(self)

    def put_frozen_tally(self, label: str, data: bytes) -> None:
        self.require_lead("Das Speichern einer Auszählung", "Storing a tally")
        archive.put_tally(self, label, data)

    def thaw_period(self, period: Period) -> None:
        """Reopening ``period``: its frozen records and later ones become open again."""
        self.require_lead("Das Wiedereröffnen eines Zeitraums", "Reopening a period")
        keep = {c.label for c in freeze.closed_periods(self) if c.label != period.label}
        if archive.thaw(self, period, keep):
            self._cases = self._contacts = None  # decoded again, with the thawed rows
            self._fetched = {}

    # single records, open or frozen
    def case(self, case_id: str) -> Case:
        self._load()
        found = self._cases.get(case_id) or self._fetched.get(case_id)  # type: ignore[union-attr]
        if found is None:
            got = self._decode_rows("cases_frozen", [case_id]) or self._decode_rows(
                "cases", [case_id]
            )
            if not got:
                raise NotFound(f"Fall {case_id} gibt es nicht.", f"No case {case_id}.")
            found = self._fetched[case_id] = got[0]
        return found

    def is_frozen_case(self, case_id: str) -> bool:
        self._load()
        return case_id in self._held or self.store.revision("cases_frozen", case_id) is not None

    def case_by_code(self, code: str) -> Case | None:
        """The case with ``code``: open ones first, then the frozen pages by code range."""
        self._load()
        for case in self._cases.values():  # type: ignore[union-attr]
            if case.code == code:
                return case
        found = archive.find_code(self, code)
        return self.case(found[0].case_id) if found else None

    def contacts_of_case(self, case_id: str) -> list[Contact]:
        """The case's contacts, frozen ones decoded on demand; newest first."""
        self._load()
        own = [k for k in self._contacts.values() if k.case_id == case_id]  # type: ignore[union-attr]
        if self.is_frozen_case(case_id):
            found = archive.find_code(self, self.case(case_id).code)
            if found is not None:
                have = {k.id for k in own}
                frozen = [i for i in found[1] if i not in have]
                own += self._decode_rows("contacts_frozen", frozen)
        own.sort(key=lambda k: k.date, reverse=True)
        return own

    def next_case_code(self, year: int | None = None) -> str:
        year = year or dt.date.today().year
        prefix = f"{year}-"
        numbers = [int(c.code[5:]) for c in self.cases() if c.code.startswith(prefix)]
        numbers += [b.serials.get(year, 0) for b in self._batches]
        return f"{year}-{max(numbers, default=0) + 1:04d}"

    # what changed (Anki's OpChanges): every mutation notes it; the window takes it once
    def take_changes(self) -> Changes:
        """What the saves, deletes and bulk adds since the last call changed (then forgotten).

        Deletes and bulk adds also return their Changes; saves return the saved record.
        """
        taken, self._changes = self._changes, Changes()
        return taken

    def _note(self, done: Changes) -> Changes:
        self._changes = self._changes | done
        return done

    def save_case(self, case: Case) -> Case:
        self._load()
        scheme = self.scheme
        case = in_current_codes(self, case)  # frozen old cases stay in their own version
        if case.scheme_version != scheme.version:
            scheme = scheme_for_version(self, case.scheme_version)
        self.before_record_change("cases", case)
        validate_case(case, scheme, has_contacts=self._has_contacts(case, scheme))
        other = self.case_by_code(case.code)
        if other is not None and other.id != case.id:
            raise records_duplicate_code(case.code)
        created = self.stored_record("cases", case.id) is None
        action = "case.created" if created else "case.changed"
        if not created and self.is_frozen_case(case.id):
            with self.store.transaction():  # only what its closed periods leave open
                self._write("cases_frozen", case.id, records.encode(case), action)
                archive.replace_summary(self, case, self.scheme)
            self._fetched[case.id] = case
            if case.id in self._held:
                self._cases[case.id] = case  # type: ignore[index]
            self._note(changes.case_saved(case, created=False))
            return case
        self._write("cases", case.id, records.encode(case), action)
        self._cases[case.id] = case  # type: ignore[index]
        self._note(changes.case_saved(case, created=created))
        return case

    def _has_contacts(self, case: Case, scheme: Scheme) -> bool:
        """Whether a case being closed has contacts (then it counselled someone); only looked
        up where the scheme asks persons by sex, which a closed case with contacts needs."""
        if case.closed is None or scheme.item("persons_by_sex") is None:
            return False
        return any(c.case_id == case.id for c in self._contacts.values())  # type: ignore[union-attr]

    def save_contact(self, contact: Contact) -> Contact:
        self._load()
        if contact.scheme_version < self.scheme.version:
            contact = contact_upgrader(self.scheme)(contact)
        contact = with_band(contact, self.scheme)  # the band follows from the minutes
        self.before_record_change("contacts", contact)
        validate_contact(contact, self.scheme)
        if contact.case_id is not None and contact.case_id not in self._cases:  # type: ignore[operator]
            try:
                self._cases[contact.case_id] = self.case(contact.case_id)  # type: ignore[index]
            except NotFound:
                raise NotFound(
                    "Der Kontakt gehört zu einem Fall, den es nicht (mehr) gibt.",
                    "The contact belongs to a case that does not exist (any more).",
                ) from None
        previous = self._contacts.get(contact.id)  # type: ignore[union-attr]
        created = previous is None
        self._write(
            "contacts",
            contact.id,
            records.encode(contact),
            "contact.created" if created else "contact.changed",
        )
        self._contacts[contact.id] = contact  # type: ignore[index]
        self._note(changes.contact_saved(contact, previous))
        return contact

    def delete_case(self, case_id: str) -> Changes:
        """Deletes the case and its contacts in one transaction."""
        case = self.case(case_id)
        self.before_record_change("cases", case, deleting=True)
        own = [c for c in self._contacts.values() if c.case_id == case_id]  # type: ignore[union-attr]
        for contact in own:
            self.before_record_change("contacts", contact, deleting=True)
        written = [("cases", case_id, audit.DELETED)] + [
            ("contacts", c.id, audit.DELETED) for c in own
        ]
        with self.store.transaction():
            self.store.delete("cases", case_id)
            for contact in own:
                self.store.delete("contacts", contact.id)
            self._append_audit("case.deleted", f"case {case_id}, {len(own)} contacts", written)
        self._cases.pop(case_id, None)  # type: ignore[union-attr]
        self._fetched.pop(case_id, None)
        for contact in own:
            del self._contacts[contact.id]  # type: ignore[union-attr]
        return self._note(changes.case_deleted(case_id, {c.id for c in own}))

    def delete_contact(self, contact_id: str) -> Changes:
        self._load()
        contact = self._contacts.get(contact_id)  # type: ignore[union-attr]
        if contact is None:
            raise NotFound(f"Kontakt {contact_id} gibt es nicht.", f"No contact {contact_id}.")
        self.before_record_change("contacts", contact, deleting=True)
        with self.store.transaction():
            self.store.delete("contacts", contact_id)
            self._append_audit(
                "contact.deleted",
                f"contact {contact_id}",
                [("contacts", contact_id, audit.DELETED)],
            )
        del self._contacts[contact_id]  # type: ignore[union-attr]
        return self._note(changes.contact_deleted(contact))

    def add_bulk(self, cases: Iterable[Case], contacts: Iterable[Contact], action: str) -> Changes:
        """Many new records in one transaction and one audit entry (demo fill, import)."""
        self._load()
        cases, contacts = list(cases), list(contacts)
        for case in cases:
            validate_case(case, self.scheme)
        for contact in contacts:
            validate_contact(contact, self.scheme)
        freeze.check_new_records(self, cases, contacts)
        written: list[tuple[str, str, int]] = []
        with self.store.transaction():
            for table, items in (("cases", cases), ("contacts", contacts)):
                revs = self.store.revisions(table) if items else {}
                rows = []
                for item in items:
                    rev = revs.get(item.id, 0) + 1
                    rows.append(
                        (item.id, rev, self._seal(table, item.id, rev, records.encode(item)))
                    )
                    written.append((table, item.id, rev))
                self.store.put_many(table, rows)
            self._append_audit(action, f"{len(cases)} cases, {len(contacts)} contacts", written)
        self._cases.update((c.id, c) for c in cases)  # type: ignore[union-attr]
        self._contacts.update((c.id, c) for c in contacts)  # type: ignore[union-attr]
        return self._note(changes.bulk_added(cases, contacts))

    def before_record_change(
        self, table: str, record: Case | Contact, *, deleting: bool = False
    ) -> None:
        """Refuse a change that would alter a closed period (app/records/freeze.py)."""
        freeze.check_change(self, table, record, deleting=deleting)

    def stored_record(self, table: str, record_id: str) -> Case | Contact | None:
        """The saved version of a case or contact (before the change being checked)."""
        self._load()
        held = self._cases if table == "cases" else self._contacts
        found = held.get(record_id)  # type: ignore[union-attr]
        if found is None and table == "cases":
            found = self._fetched.get(record_id)
        if found is None:
            got = self._decode_rows(store.FROZEN_TABLES[table], [record_id])
            found = got[0] if got else None
        return found

    def _write(self, table: str, record_id: str, data: bytes, action: str) -> None:
        with self.store.transaction():
            rev = (self.store.revision(table, record_id) or 0) + 1
            sealed = self._seal(table, record_id, rev, data)
            self.store.put(table, record_id, rev, sealed)
            self._append_audit(action, f"{table} {record_id} rev {rev}", [(table, record_id, rev)])

    # settings: small sealed values (active scheme, office name, policy, closed periods...)
    def get_setting(self, name: str) -> bytes | None:
        row = self.store.row("settings", name)
        if row is None:
            return None
        return self.open_row("settings", name, row[1], row[2])

    def put_setting(
        self,
        name: str,
        value: bytes,
        *,
        audit_action: str | None = None,
        audit_detail: str | None = None,
    ) -> None:
        """Store a setting; lead state (app/vault/settings.py) only by a lead, and signed.

        The new revision goes into the audit chain, so a setting rolled back is found.
        """
        detail = audit_detail or name
        if not settings.is_lead_state(name):
            with self.store.transaction():
                rev = self._put_setting(name, value)
                if audit_action:
                    self._append_audit(audit_action, detail, [("settings", name, rev)])
            return
        self.require_lead("Das Ändern dieser Einstellung", "Changing this setting")
        with self._lead_change():
            rev = self._put_setting(name, value)
            self._lead_rows.refresh_setting(name)
            self._sign_lead_state(
                audit_action or "setting.changed", detail, [("settings", name, rev)]
            )

    def _put_setting(self, name: str, value: bytes) -> int:
        rev = (self.store.revision("settings", name) or 0) + 1
        self.store.put("settings", name, rev, self._seal("settings", name, rev, value))
        return rev

    # lead state (app/vault/lead_state.py): signed by a lead, versioned, in the audit chain
    def _verify_lead_state(self, head: lead_state.Head) -> lead_state.Head:
        """The signed head (verified already) against the grant and the audit head."""
        if head.epoch != self._grant.epoch:
            raise lead_state.rolled_back(
                f"Schlüsselgeneration {head.epoch}, Zugang {self._grant.epoch}",
                f"key epoch {head.epoch}, login {self._grant.epoch}",
            )
        audit_head = self._audit_head()
        if audit_head is None:
            raise lead_state.rolled_back("Protokollkopf fehlt", "audit head missing")
        seq, _digest, version = audit_head  # a cut-off log is for ``check`` to name
        self._head_seq = seq
        if version != head.version or head.audit_seq > seq:
            raise lead_state.rolled_back(
                f"Stand {head.version}, Protokoll kennt {version}",
                f"version {head.version}, the audit log knows {version}",
            )
        return head

    def _mark_seen(self, version: int) -> None:
        """Keep the highest lead-state version this user has seen in the user's own slot,
        which only the passphrase opens: lead state older than that was rolled back, even by
        someone who rewrote the audit log with the data key."""
        seen = self._slot_secret.seen
        if version < seen:
            raise lead_state.rolled_back(
                f"Stand {version}, diese Anmeldung kannte schon Stand {seen}",
                f"version {version}, this login has already seen version {seen}",
            )
        if (version == seen and not self._chain_moved) or self._kek is None:
            return  # nothing new to keep (the anchor too: it moved with a new key)
        row = keyslots.slot_row(self.store, self.user)
        if row is None:
            return
        secret = msgspec.structs.replace(self._slot_secret, seen=version)
        with self.store.transaction():
            keyslots.reseal_own_secret(self.store, self.vault.vault_id, row, self._kek, secret)
        self._slot_secret = secret

    def seen(self) -> witness.Seen:
        """What the rollback witness keeps of this vault as this session sees it now."""
        return witness.Seen(
            lead_version=self.lead_head.version,
            audit_seq=max(self._audit_seq, self._head_seq),  # a cut-off log: for ``check``
            keys=self._key_ids,
        )

    def _key_chain(self) -> list[lead_state.Rotation]:
        """The lead-state key chain, opened with this login's data key."""
        row = self.store.row("settings", lead_state.KEY_CHAIN.key)
        if row is None:
            return []
        try:
            plain = self.open_row("settings", row[0], row[1], row[2])
            return msgspec.json.decode(plain, type=list[lead_state.Rotation])
        except (RecordDamaged, msgspec.DecodeError):
            raise lead_state.replaced_data_key() from None

    def _trusted_state_key(self) -> bytes:
        """The lead-state key this login trusts now: from the anchor in its slot secret along
        the key chain to the key its grant names (lead_state.follow). The anchor moves
        forward in memory; the writing session re-seals it with its rollback mark."""
        anchor = self._slot_secret.state_key
        chain = self._key_chain()
        current = lead_state.follow(self.vault.vault_id, anchor, chain, self._grant.state_key)
        self._key_ids = lead_state.chain_key_ids(anchor, chain)
        if current != anchor:
            self._chain_moved = True
            self._slot_secret = msgspec.structs.replace(self._slot_secret, state_key=current)
        return current

    @property
    def lead_head(self) -> lead_state.Head:
        if self._head is None:
            raise lead_state.forged("nicht geprüft", "not verified")
        return self._head

    def _audit_head(self) -> tuple[int, str, int] | None:
        raw = self.get_setting(AUDIT_HEAD)
        if raw is None:
            return None
        try:
            seq, digest, version = msgspec.msgpack.decode(raw, type=tuple[int, str, int])
        except msgspec.DecodeError:
            return None
        return seq, digest, version

    def _state_signing_key(self) -> signing.SecretKey:
        if self._state_secret is None:
            raw = self.get_lead_secret(lead_state.STATE_SECRET)
            if raw is None:
                raise lead_state.forged("Signaturschlüssel fehlt", "signing key missing")
            self._state_secret = signing.read_secret_key(raw)
        return self._state_secret

    @contextlib.contextmanager
    def _lead_change(self) -> Iterator[None]:
        """A transaction (or part of the caller's) that changes lead state.

        The changes are signed once, when the outermost transaction commits (a district
        import writes four lead settings: one audit entry, one signature). If it fails,
        memory is put back as it was before the transaction.
        """
        if not self._rollback_armed:
            saved = (self._audit_seq, self._audit_prev, self._head, self._grant, self._key)
            saved_lead = (self._slot_secret, self._lead_key, self._state_secret, self._key_ids)

            def restore() -> None:
                self._audit_seq, self._audit_prev, self._head, self._grant, self._key = saved
                self._slot_secret, self._lead_key, self._state_secret, self._key_ids = saved_lead
                self._aead = Cipher(self._key)
                self._lead_aead = Cipher(self._lead_key) if self._lead_key else None
                self._pending, self._flush_armed, self._rollback_armed = [], False, False
                self._lead_rows.refresh()

            self.store.after_rollback.append(restore)
            self._rollback_armed = True
        with self.store.transaction():
            yield

    def _sign_lead_state(
        self, action: str, detail: str, written: list[tuple[str, str, int]]
    ) -> None:
        """Inside a lead change: note what changed; it is signed before the commit."""
        self.require_lead("Das Ändern der Leitungsdaten", "Changing lead state")
        self._pending.append((action, detail, written))
        if not self._flush_armed:
            self.store.before_commit.append(self._flush_lead_state)
            self._flush_armed = True

    def _flush_lead_state(self) -> None:
        """At the end of the outermost transaction: one audit entry with the new version,
        then the signed head."""
        pending, self._pending = self._pending, []
        self._flush_armed = self._rollback_armed = False
        actions = [a for a, _d, _w in pending if a != "setting.changed"] or [pending[0][0]]
        detail = "; ".join(d for _a, d, _w in pending)
        written = [w for _a, _d, ws in pending for w in ws]
        version = self.lead_head.version + 1
        self._append_audit(
            actions[0], detail, [*written, (*lead_state.AUDIT_RECORD, version)], version
        )
        head = lead_state.Head(
            self.vault.vault_id,
            version,
            self._grant.epoch,
            self._audit_seq,
            self._lead_rows.digest(),
        )
        lead_state.write_head(self.store, head, self._state_signing_key())
        self._head = head
        self._mark_seen(version)

    def _first_lead_state(self) -> None:
        """At creation: the first audit entry and head (version 1)."""
        with self.store.transaction():
            self._append_audit(
                "vault.created", self.vault.vault_id, [(*lead_state.AUDIT_RECORD, 1)], 1
            )
            head = lead_state.Head(
                self.vault.vault_id, 1, self._grant.epoch, self._audit_seq, self._lead_rows.digest()
            )
            lead_state.write_head(self.store, head, self._state_signing_key())
        self._head = head

    # secrets only a lead can open (the office signing key)
    def _lead_cipher(self) -> Cipher:
        """The lead key's cipher; never falls back to the data key."""
        if self._lead_aead is None:
            raise NotAllowed(
                "Diese Anmeldung hat keinen Zugriff auf den Signaturschlüssel.",
                "This login has no access to the signing key.",
            )
        return self._lead_aead

    def get_lead_secret(self, name: str) -> bytes | None:
        self.require_lead("Der Zugriff auf den Signaturschlüssel", "Access to the signing key")
        row = self.store.row("lead_secrets", name)
        if row is None:
            return None
        return self.open_row("lead_secrets", name, row[1], row[2], key=self._lead_cipher())

    def put_lead_secret(self, name: str, value: bytes) -> None:
        self.require_lead("Das Ändern des Signaturschlüssels", "Changing the signing key")
        rev = (self.store.revision("lead_secrets", name) or 0) + 1
        sealed = self._seal("lead_secrets", name, rev, value, key=self._lead_cipher())
        with self._lead_change():
            self.store.put("lead_secrets", name, rev, sealed)
            self._lead_rows.refresh_table("lead_secrets")
            self._sign_lead_state("key.stored", name, [])

    # audit
    def audit(self, action: str, detail: str = "") -> None:
        with self.store.transaction():
            self._append_audit(action, detail, [])

    def _opened_audit_tail(self) -> tuple[int, str]:
        """The audit tail; if neither it nor the audit head opens, the grant's data key is
        not the one the rows are sealed with: slots were put back from an older state."""
        try:
            return self._audit_tail()
        except RecordDamaged:
            try:
                self._audit_head()
            except RecordDamaged:
                raise lead_state.rolled_back(
                    "die Schlüsselfreigabe ist älter als die Datensätze",
                    "the key grant is older than the records",
                ) from None
            raise

    def _audit_tail(self) -> tuple[int, str]:
        row = self.store.db.execute(
            "SELECT seq, sealed FROM audit ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return 0, audit.GENESIS
        plain = self.open_row("audit", str(row[0]), 0, row[1])
        return row[0], audit.entry_hash(plain)

    def _append_audit(
        self,
        action: str,
        detail: str,
        written: list[tuple[str, str, int]],
        lead_version: int | None = None,
    ) -> None:
        """Inside a transaction: append one entry and move the sealed head."""
        seq = self._audit_seq + 1
        entry = audit.Entry(seq, audit.now(), self.user, action, detail, self._audit_prev, written)
        plain = audit.encode(entry)
        self.store.db.execute(
            "INSERT INTO audit(seq, sealed) VALUES (?, ?)",
            [seq, self._seal("audit", str(seq), 0, plain)],
        )
        digest = audit.entry_hash(plain)
        if lead_version is None:
            lead_version = self.lead_head.version
        self._put_setting(AUDIT_HEAD, msgspec.msgpack.encode((seq, digest, lead_version)))
        self._audit_seq, self._audit_prev = seq, digest

    def audit_entries(self) -> list[audit.Entry]:
        return [audit.decode(raw) for raw in self._audit_raw()]

    def _audit_raw(self) -> list[bytes]:
        rows = self.store.db.execute("SELECT seq, sealed FROM audit ORDER BY seq").fetchall()
        return [self.open_row("audit", str(seq), 0, sealed) for seq, sealed in rows]

    # users
    def add_user(self, name: str, role: str, passphrase: str) -> None:
        self.require_lead("Das Einrichten von Benutzern", "Adding users")
        keyslots.check_user_name(name)
        keyslots.check_role(role)
        keyslots.check_passphrase_form(passphrase)
        if any(u.name == name for u in self.vault.users()):
            raise FallzahlError(f"Benutzer {name} gibt es bereits.", f"User {name} already exists.")
        with self._lead_change():
            self._write_slot_for(name, role, passphrase)
            self._sign_lead_state("user.added", f"{name} ({role})", [])

    def _write_slot_for(self, name: str, role: str, passphrase: str) -> None:
        """A slot with a fresh identity and a grant of the current keys (inside a lead change)."""
        grant = keyslots.Grant(
            self._grant.epoch,
            self._key,
            (self._lead_key or b"") if role == "lead" else b"",
            self._slot_secret.state_key,
        )
        keyslots.write_new_slot(
            self.store,
            self.vault.vault_id,
            name,
            "passphrase",
            role,
            passphrase,
            self._slot_secret.state_key,
            grant,
            keys.machine_params(),
        )
        self._lead_rows.refresh_slots()

    def remove_user(self, name: str, progress: Progress | None = None) -> None:
        """Delete the user's slot and rotate the data key in one transaction."""
        self.require_lead("Das Entfernen von Benutzern", "Removing users")
        users = {u.name: u.role for u in self.vault.users()}
        if name not in users:
            raise keyslots.unknown_user(name)
        if users[name] == "lead" and sum(r == "lead" for r in users.values()) == 1:
            raise NotAllowed(
                "Die letzte Leitung kann nicht entfernt werden. Richten Sie zuerst eine "
                "weitere Leitung ein.",
                "The last lead cannot be removed. Set up another lead first.",
            )
        if name == self.user:
            raise NotAllowed(
                "Sie können sich nicht selbst entfernen; das tut eine andere Leitung.",
                "You cannot remove yourself; another lead does that.",
            )
        with self._lead_change():
            self.store.db.execute("DELETE FROM slots WHERE name=? AND kind='passphrase'", [name])
            self._rotate_data_key(progress, lead_too=users[name] == "lead")
            self._sign_lead_state("user.removed", f"{name}, key epoch {self._grant.epoch}", [])

    def change_passphrase(
        self, name: str, new_passphrase: str, progress: Progress | None = None
    ) -> None:
        """Own passphrase, or anyone's for a lead / the recovery key (a reset).

        A reset with the recovery key also rotates the data key: whoever held the old
        passphrase opens nothing written afterwards.
        """
        if name != self.user:
            self.require_lead(
                "Das Zurücksetzen fremder Passphrasen", "Resetting others' passphrases"
            )
        keyslots.check_passphrase_form(new_passphrase)
        users = {u.name: u.role for u in self.vault.users()}
        if name not in users:
            raise keyslots.unknown_user(name)
        if name == self.user:
            row = keyslots.slot_row(self.store, name)
            assert row is not None
            with self.store.transaction():
                kek = keyslots.rewrap_own_slot(
                    self.store,
                    self.vault.vault_id,
                    row,
                    new_passphrase,
                    self._slot_secret,
                    keys.machine_params(),
                )
                self._append_audit("passphrase.changed", name, [])
            if self._kek is not None:
                self._kek = kek
            return
        with self._lead_change():
            self._write_slot_for(name, users[name], new_passphrase)
            detail = name
            if self.user == keyslots.RECOVERY:  # the old passphrase may be known to others
                self._rotate_data_key(progress, lead_too=users[name] == "lead")
                detail = f"{name}, key epoch {self._grant.epoch}"
            self._sign_lead_state("passphrase.reset", detail, [])

    def _rotate_data_key(self, progress: Progress | None, *, lead_too: bool = False) -> None:
        """Inside a lead change: every sealed row under a new data key, new grants for all.

        ``lead_too`` (a lead's access ends): also a new lead key and a new lead-state key,
        announced by a step of the key chain signed with the old one (docs/security.md).
        """
        chain = self._key_chain() if lead_too else []
        new_key = os.urandom(32)
        cipher = Cipher(new_key)
        # every table sealed with the data key: records, frozen history, settings
        tables = [t for t in store.SEALED_TABLES if t != "lead_secrets"]
        total = sum(self.store.count(t) for t in (*tables, "audit")) or 1
        done = 0
        for table in tables:
            prefix = store.associated_data(self.vault.vault_id, table, "", 0)[:-2]
            rows = self.store.sealed_by_rowid(table, prefix)
            try:
                plains = self._aead.open_many(rows)
            except Tampered:
                self._open_one_by_one(table, bad := [])
                raise _many_damaged(bad) from None
            sealed = cipher.seal_many(
                (row[3], plain) for row, plain in zip(rows, plains, strict=True)
            )
            self.store.reseal_many(table, zip(sealed, (row[0] for row in rows), strict=True))
            done += len(rows)
            if progress:
                progress(done, total)
        audit_rows = self.store.db.execute("SELECT seq, sealed FROM audit").fetchall()
        resealed = []
        for seq, sealed in audit_rows:
            ad = self._ad("audit", str(seq), 0)
            resealed.append((cipher.seal(ad, self.open_row("audit", str(seq), 0, sealed)), seq))
        self.store.db.conn.executemany("UPDATE audit SET sealed=? WHERE seq=?", resealed)
        epoch = self._grant.epoch + 1
        lead_key, state_key = self._lead_key, self._slot_secret.state_key
        if lead_too:
            step, lead_key, state_key = self._rotate_lead_keys(chain, epoch)
        grants = {}
        for info in keyslots.all_slots(self.store):
            lead = info.role == "lead" or info.name == keyslots.RECOVERY
            grants[info.name] = keyslots.Grant(
                epoch, new_key, (lead_key or b"") if lead else b"", state_key
            )
        keyslots.write_grants(self.store, grants)
        self._grant = keyslots.Grant(epoch, new_key, lead_key or b"", state_key)
        self._key, self._aead = new_key, cipher
        if lead_too:
            self.put_setting(
                lead_state.KEY_CHAIN.key,
                msgspec.json.encode([*chain, step]),
                audit_detail=f"lead-state key {step.number}",
            )
        self._lead_rows.refresh()
        if progress:
            progress(total, total)

    def _rotate_lead_keys(
        self, chain: list[lead_state.Rotation], epoch: int
    ) -> tuple[lead_state.Rotation, bytes, bytes]:
        """A new lead key and lead-state key pair (inside a rotation): the lead secrets
        sealed again under the new lead key, the new state secret among them, and the chain's
        next step signed with the old state key. Returns (step, lead key, public key)."""
        old_secret = self._state_signing_key()
        secret_file, public = signing.generate_keypair("Fallzahl lead state")
        lead_key = os.urandom(32)
        new_cipher = Cipher(lead_key)
        for name, rev, sealed in self.store.rows("lead_secrets"):
            plain = self.open_row("lead_secrets", name, rev, sealed, key=self._lead_cipher())
            if name == lead_state.STATE_SECRET:
                plain, rev = secret_file, rev + 1
            self.store.put(
                "lead_secrets", name, rev, self._seal("lead_secrets", name, rev, plain, new_cipher)
            )
        step = lead_state.rotation(self.vault.vault_id, chain, epoch, public, old_secret)
        self._lead_key, self._lead_aead = lead_key, new_cipher
        self._state_secret = signing.read_secret_key(secret_file)
        self._slot_secret = msgspec.structs.replace(self._slot_secret, state_key=public)
        self._key_ids = lead_state.chain_key_ids(public, [*chain, step])
        return step, lead_key, public

    # integrity
    def check(self) -> list[FallzahlError]:
        """Every record opens, the audit chain is intact, no row was rolled back."""
        from app.vault.integrity import check_session

        return check_session(self)

    # end
    def close(self) -> None:
        """Forget keys and plaintext; release the writer lock."""
        if self._witnessing and self._head is not None and self._key is not None:
            self._witness = witness.advance(self.vault.vault_id, self._witness, self.seen())
        self._cases = self._contacts = None
        self._fetched, self._carried, self._batches, self._held = {}, set(), [], set()
        self._shared = {}
        self._key = None  # type: ignore[assignment]
        self._lead_key = None
        self._aead = self._lead_aead = None  # type: ignore[assignment]
        self._state_secret = None
        self.store.release_exclusive()  # checkpoints the WAL while it still holds the file
        self._lock.release()


def records_duplicate_code(code: str) -> FallzahlError:
    return FallzahlError(
        f"Die Fallnummer {code} ist bereits vergeben. Nehmen Sie die vorgeschlagene nächste Nummer.",
        f"Case code {code} is already taken. Use the suggested next number.",
    )


def _many_damaged(bad: list[RecordDamaged]) -> RecordDamaged:
    if len(bad) == 1:
        return bad[0]
    ids = ", ".join(f"{e.table}/{e.record_id}" for e in bad[:10])
    more = f" (+{len(bad) - 10})" if len(bad) > 10 else ""
    return RecordDamaged(
        f"{len(bad)} Datensätze sind beschädigt oder wurden verändert und werden nicht "
        f"mitgezählt: {ids}{more}. Stellen Sie die letzte Sicherung wieder her.",
        f"{len(bad)} records are damaged or were changed and are not counted: {ids}{more}. "
        "Restore the latest backup.",
        bad[0].table,
        bad[0].record_id,
    )
