"""Checks on save: every coded value must exist in the scheme; messages name the field."""

from __future__ import annotations

import datetime as dt

from app.errors import InvalidRecord
from app.records.model import (
    CASE_CODE,
    CASE_DIMENSIONS,
    CONTACT_DIMENSIONS,
    PERSONS_MAX,
    PERSONS_MIN,
    Case,
    Contact,
)
from app.scheme.model import Scheme

FIELD_LABELS = {
    "code": ("Fallnummer", "case code"),
    "opened": ("Beginn", "opened"),
    "closed": ("Ende", "closed"),
    "ending": ("Beendigung", "ending"),
    "persons": ("Anwesende Personen", "persons present"),
    "date": ("Datum", "date"),
}


def _label(scheme: Scheme, attr: str, dimension: str | None) -> tuple[str, str]:
    if attr in FIELD_LABELS:
        return FIELD_LABELS[attr]
    if dimension is not None:
        dim = scheme.dimension(dimension)
        return dim.label_de, dim.label_en
    return attr, attr


def _refuse(scheme: Scheme, attr: str, dimension: str | None, de: str, en: str) -> InvalidRecord:
    label_de, label_en = _label(scheme, attr, dimension)
    return InvalidRecord(f"{label_de}: {de}", f"{label_en}: {en}", attr)


def _check_codes(scheme: Scheme, record: object, dims: dict[str, str]) -> None:
    for attr, dimension in dims.items():
        value = getattr(record, attr)
        values = value if isinstance(value, list) else [value]
        for code in values:
            if code is not None and not scheme.has_code(dimension, code):
                raise _refuse(
                    scheme,
                    attr,
                    dimension,
                    f"„{code}“ gibt es im Kategorienschema nicht. Wählen Sie einen Wert aus der Liste.",
                    f"'{code}' is not in the category scheme. Choose a value from the list.",
                )


def validate_case(case: Case, scheme: Scheme, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    if not CASE_CODE.match(case.code):
        raise _refuse(
            scheme,
            "code",
            None,
            "Die Fallnummer hat die Form Jahr-Nummer, z. B. 2026-0042 (nie ein Name).",
            "The case code has the form year-number, e.g. 2026-0042 (never a name).",
        )
    _check_codes(scheme, case, CASE_DIMENSIONS)
    if len(set(case.problems)) != len(case.problems):
        raise _refuse(scheme, "problems", "problem", "ein Code ist doppelt.", "a code is repeated.")
    if case.opened > today:
        raise _refuse(scheme, "opened", None, "liegt in der Zukunft.", "is in the future.")
    if case.closed is not None:
        if case.closed < case.opened:
            raise _refuse(
                scheme,
                "closed",
                None,
                "liegt vor dem Beginn des Falls.",
                "is before the case was opened.",
            )
        if case.ending is None:
            raise _refuse(
                scheme,
                "ending",
                "ending",
                "Ein abgeschlossener Fall braucht die Art der Beendigung.",
                "A closed case needs the kind of ending.",
            )


def validate_contact(contact: Contact, scheme: Scheme, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    _check_codes(scheme, contact, CONTACT_DIMENSIONS)
    if contact.date > today:
        raise _refuse(scheme, "date", None, "liegt in der Zukunft.", "is in the future.")
    if not PERSONS_MIN <= contact.persons <= PERSONS_MAX:
        raise _refuse(
            scheme,
            "persons",
            None,
            f"muss zwischen {PERSONS_MIN} und {PERSONS_MAX} liegen.",
            f"must be between {PERSONS_MIN} and {PERSONS_MAX}.",
        )
    if contact.case_id is None and contact.field is None:
        raise _refuse(
            scheme,
            "field",
            "field",
            "Ein Kurzkontakt ohne Fall braucht das Beratungsfeld.",
            "A short contact without a case needs the counselling field.",
        )
