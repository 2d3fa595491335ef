"""An unlocked vault: records, settings, users and the audit log, for one user.

Holds the keys and the decoded records in memory only; ``close`` forgets them and
releases the writer lock. Every change is one transaction that also appends the audit
entry, so a save that returned is on disk with its audit trail (synchronous=FULL).
"""

from __future__ import annotations

import datetime as dt
import gc
import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

import msgspec

from app.crypto.aead import Cipher, Tampered
from app.crypto.kdf import KdfParams
from app.errors import FallzahlError, NotAllowed, NotFound, RecordDamaged
from app.records import changes, freeze
from app.records import model as records
from app.records.changes import Changes
from app.records.model import Case, Contact
from app.records.upgrade import case_upgrader, contact_upgrader
from app.records.validation import validate_case, validate_contact
from app.vault import audit, keyslots, store
from app.vault.lock import WriterLock

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.vault import Vault

AUDIT_HEAD = "audit.head"


def new_id() -> str:
    return secrets.token_hex(8)


class Session:
    def __init__(
        self,
        vault: Vault,
        user: str,
        role: str,
        data_key: bytes,
        lead_key: bytes | None,
        *,
        lock: bool = True,
    ) -> None:
        self.vault = vault
        self.store = vault.store
        self.user = user
        self.role = role
        self._key = data_key
        self._lead_key = lead_key if role == "lead" else None
        self._aead = Cipher(data_key)
        self._lead_aead = Cipher(lead_key) if self._lead_key else None
        self._lock = WriterLock(vault.folder)
        if lock:
            self._lock.acquire(user)
        self._cases: dict[str, Case] | None = None
        self._contacts: dict[str, Contact] | None = None
        self._scheme: Scheme | None = None
        self._changes = Changes()  # what the mutations since the last take_changes() changed
        self._audit_seq, self._audit_prev = self._audit_tail()

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
    def _load(self) -> None:
        """Open and decode every case and contact once; damaged rows are named, not skipped.

        This is the hot path of unlocking (100,000 records): SQLite hands over nonce,
        ciphertext and the associated data (built in SQL), one cipher object opens them,
        and one msgspec call per table decodes all plaintexts as a single MessagePack
        array. Only when something does not open does the slow path find which row.
        """
        if self._cases is not None:
            return
        loaded: dict[str, dict] = {}
        bad: list[RecordDamaged] = []
        was_enabled = gc.isenabled()
        gc.disable()  # hundred thousand fresh objects: no collections half way
        try:
            for table, kind in (("cases", Case), ("contacts", Contact)):
                prefix = store.associated_data(self.vault.vault_id, table, "", 0)[:-2]
                rows = self.store.sealed_for_opening(table, prefix)
                ids = [row[0] for row in rows]
                try:
                    plains = self._aead.open_many(rows)
                except Tampered:
                    ids, plains = self._open_one_by_one(table, bad)
                del rows  # the ciphertexts: not needed once opened (peak memory)
                decoded = self._decode_all(table, kind, ids, plains, bad)
                del plains
                loaded[table] = dict(zip(ids, decoded, strict=False))
        finally:
            if was_enabled:
                gc.enable()
        if bad:
            raise _many_damaged(bad)
        self._cases, self._contacts = loaded["cases"], loaded["contacts"]

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
        self._load()
        return list(self._cases.values())  # type: ignore[union-attr]

    def contacts(self) -> list[Contact]:
        self._load()
        return list(self._contacts.values())  # type: ignore[union-attr]

    def case(self, case_id: str) -> Case:
        self._load()
        try:
            return self._cases[case_id]  # type: ignore[index]
        except KeyError:
            raise NotFound(f"Fall {case_id} gibt es nicht.", f"No case {case_id}.") from None

    def case_by_code(self, code: str) -> Case | None:
        self._load()
        for case in self._cases.values():  # type: ignore[union-attr]
            if case.code == code:
                return case
        return None

    def next_case_code(self, year: int | None = None) -> str:
        year = year or dt.date.today().year
        prefix = f"{year}-"
        numbers = [int(c.code[5:]) for c in self.cases() if c.code.startswith(prefix)]
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
        if case.scheme_version < self.scheme.version:  # an old case is saved in today's codes
            case = case_upgrader(self.scheme)(case)
        self.before_record_change("cases", case)
        validate_case(case, self.scheme)
        other = self.case_by_code(case.code)
        if other is not None and other.id != case.id:
            raise records_duplicate_code(case.code)
        created = case.id not in self._cases  # type: ignore[operator]
        self._write(
            "cases", case.id, records.encode(case), "case.created" if created else "case.changed"
        )
        self._cases[case.id] = case  # type: ignore[index]
        self._note(changes.case_saved(case, created=created))
        return case

    def save_contact(self, contact: Contact) -> Contact:
        self._load()
        if contact.scheme_version < self.scheme.version:
            contact = contact_upgrader(self.scheme)(contact)
        self.before_record_change("contacts", contact)
        validate_contact(contact, self.scheme)
        if contact.case_id is not None and contact.case_id not in self._cases:  # type: ignore[operator]
            raise NotFound(
                "Der Kontakt gehört zu einem Fall, den es nicht (mehr) gibt.",
                "The contact belongs to a case that does not exist (any more).",
            )
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
        del self._cases[case_id]  # type: ignore[union-attr]
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
        return held.get(record_id)  # type: ignore[union-attr]

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

    def put_setting(self, name: str, value: bytes, *, audit_action: str | None = None) -> None:
        with self.store.transaction():
            self._put_setting(name, value)
            if audit_action:
                self._append_audit(audit_action, name, [])

    def _put_setting(self, name: str, value: bytes) -> None:
        rev = (self.store.revision("settings", name) or 0) + 1
        self.store.put("settings", name, rev, self._seal("settings", name, rev, value))

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
        with self.store.transaction():
            self.store.put("lead_secrets", name, rev, sealed)
            self._append_audit("key.stored", name, [])

    # audit
    def audit(self, action: str, detail: str = "") -> None:
        with self.store.transaction():
            self._append_audit(action, detail, [])

    def _audit_tail(self) -> tuple[int, str]:
        row = self.store.db.execute(
            "SELECT seq, sealed FROM audit ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return 0, audit.GENESIS
        plain = self.open_row("audit", str(row[0]), 0, row[1])
        return row[0], audit.entry_hash(plain)

    def _append_audit(self, action: str, detail: str, written: list[tuple[str, str, int]]) -> None:
        """Inside a transaction: append one entry and move the sealed head."""
        seq = self._audit_seq + 1
        entry = audit.Entry(seq, audit.now(), self.user, action, detail, self._audit_prev, written)
        plain = audit.encode(entry)
        self.store.db.execute(
            "INSERT INTO audit(seq, sealed) VALUES (?, ?)",
            [seq, self._seal("audit", str(seq), 0, plain)],
        )
        digest = audit.entry_hash(plain)
        self._put_setting(AUDIT_HEAD, msgspec.msgpack.encode((seq, digest)))
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
        keyslots.check_passphrase_form(passphrase)
        if any(u.name == name for u in self.vault.users()):
            raise FallzahlError(f"Benutzer {name} gibt es bereits.", f"User {name} already exists.")
        with self.store.transaction():
            keyslots.write_user_slot(
                self.store,
                self.vault.vault_id,
                name,
                role,
                passphrase,
                self._key,
                self._lead_key,
                self._kdf_params(),
            )
            self._append_audit("user.added", f"{name} ({role})", [])

    def remove_user(self, name: str) -> None:
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
        with self.store.transaction():
            self.store.db.execute("DELETE FROM slots WHERE name=? AND kind='passphrase'", [name])
            self._append_audit("user.removed", name, [])

    def change_passphrase(self, name: str, new_passphrase: str) -> None:
        """Own passphrase, or anyone's for a lead / the recovery key (a reset)."""
        if name != self.user:
            self.require_lead(
                "Das Zurücksetzen fremder Passphrasen", "Resetting others' passphrases"
            )
        keyslots.check_passphrase_form(new_passphrase)
        users = {u.name: u.role for u in self.vault.users()}
        if name not in users:
            raise keyslots.unknown_user(name)
        with self.store.transaction():
            keyslots.write_user_slot(
                self.store,
                self.vault.vault_id,
                name,
                users[name],
                new_passphrase,
                self._key,
                self._lead_key,
                self._kdf_params(),
            )
            action = "passphrase.changed" if name == self.user else "passphrase.reset"
            self._append_audit(action, name, [])

    def _kdf_params(self) -> KdfParams:
        # The creation-time calibration is kept for every new slot of this vault.
        return self.vault.slot_params(keyslots.RECOVERY)

    # integrity
    def check(self) -> list[FallzahlError]:
        """Every record opens, the audit chain is intact, no row was rolled back."""
        from app.vault.integrity import check_session

        return check_session(self)

    # end
    def close(self) -> None:
        """Forget keys and plaintext; release the writer lock."""
        self._cases = self._contacts = None
        self._key = None  # type: ignore[assignment]
        self._lead_key = None
        self._aead = self._lead_aead = None  # type: ignore[assignment]
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
