"""Checks on save: every coded value must exist in the scheme; messages name the field."""

from __future__ import annotations

import datetime as dt

from app.errors import InvalidRecord
from app.records.applies import is_empty, item_applies, needed_at_close
from app.records.model import (
    ACTIVITY_DIMENSIONS,
    CASE_CODE,
    CASE_DIMENSIONS,
    CONTACT_DIMENSIONS,
    HOUSEHOLD_KEY,
    ITEMS,
    MINUTES_MAX,
    PERSONS_MAX,
    PERSONS_MIN,
    Activity,
    Case,
    Contact,
)
from app.scheme.model import Item, Scheme

FIELD_LABELS = {
    "code": ("Fallnummer", "case code"),
    "opened": ("Beginn", "opened"),
    "closed": ("Ende", "closed"),
    "ending": ("Beendigung", "ending"),
    "persons": ("Anwesende Personen", "persons present"),
    "date": ("Datum", "date"),
    "household_key": ("Haushalt", "household"),
    "minutes": ("Dauer in Minuten", "minutes"),
    "participants": ("Teilnehmende", "participants"),
}


def _label(scheme: Scheme, attr: str, dimension: str | None) -> tuple[str, str]:
    item = next((i for i in scheme.items if ITEMS.get(i.id, ("", ""))[1] == attr), None)
    if item is not None:
        return item.label_de, item.label_en
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


def validate_case(
    case: Case, scheme: Scheme, today: dt.date | None = None, *, has_contacts: bool = False
) -> None:
    """``has_contacts``: the case has contacts, so when closed it needs its persons counted."""
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
    _check_case_v2(case, scheme, today, has_contacts)


def _field_names(scheme: Scheme, item: Item) -> tuple[str, str]:
    de = ", ".join(scheme.label("field", f, "de") for f in item.fields)
    en = ", ".join(scheme.label("field", f, "en") for f in item.fields)
    return de, en


def _check_items(
    scheme: Scheme,
    record: object,
    kind: str,
    fields: list[str],
    today: dt.date,
    *,
    closing: bool = False,
    has_contacts: bool = False,
) -> None:
    """Format 2 items of one record: declared, for its fields, in their codes and bounds."""
    for item_id, (record_kind, attr) in ITEMS.items():
        if record_kind != kind:
            continue
        value = getattr(record, attr)
        item = scheme.item(item_id)
        if item is None:
            if not is_empty(value):
                raise _refuse(
                    scheme,
                    attr,
                    None,
                    "dieses Merkmal kennt das Kategorienschema nicht; bitte leer lassen.",
                    "the category scheme does not have this item; leave it empty.",
                )
            continue
        applies = item_applies(item, record, fields)
        if not applies and not is_empty(value):
            if not item.applies_to(fields):
                names_de, names_en = _field_names(scheme, item)
                raise _refuse(
                    scheme,
                    attr,
                    None,
                    f"gilt nur für {names_de}; bitte leer lassen.",
                    f"applies to {names_en} only; leave it empty.",
                )
            raise _refuse(scheme, attr, None, *_condition_text(scheme, item))
        needed = closing and needed_at_close(item, record, fields, has_contacts=has_contacts)
        if needed and is_empty(value):
            main = item.kind == "ranked"
            raise _refuse(
                scheme,
                attr,
                None,
                "beim Abschluss des Falls nötig"
                + (": wählen Sie mindestens den Hauptgrund." if main else "; bitte angeben."),
                "needed when the case is closed"
                + (": choose at least the main reason." if main else "; please fill it in."),
            )
        if is_empty(value) and not (item.kind == "count" and value == 0):
            continue
        _check_item_value(scheme, item, attr, value, today)


def _condition_text(scheme: Scheme, item: Item) -> tuple[str, str]:
    """Why an item with only_if must stay empty (e.g. a diagnosis for a relative)."""
    assert item.only_if is not None
    other = scheme.item(item.only_if.item)
    assert other is not None and other.dimension is not None  # checked by cross_check
    de = " oder ".join(f"„{scheme.label(other.dimension, c, 'de')}“" for c in item.only_if.codes)
    en = " or ".join(f"'{scheme.label(other.dimension, c, 'en')}'" for c in item.only_if.codes)
    return (
        f"gilt nur, wenn bei „{other.label_de}“ {de} gewählt ist; sonst bitte leer lassen.",
        f"applies only when '{other.label_en}' is {en}; otherwise leave it empty.",
    )


def _check_counts(scheme: Scheme, item: Item, attr: str, value: object) -> None:
    """A count per code (persons by sex): codes of the dimension, each from 0 to max, and
    their sum, the derived total, from min to max."""
    assert item.dimension is not None
    lo, hi = item.min or 0, item.max if item.max is not None else 10**6
    if not isinstance(value, dict):
        raise _refuse(scheme, attr, None, "ist keine Anzahl je Code.", "is not a count per code.")
    for code, n in value.items():
        if not scheme.has_code(item.dimension, code):
            raise _refuse(
                scheme,
                attr,
                None,
                f"„{code}“ gibt es im Kategorienschema nicht.",
                f"'{code}' is not in the category scheme.",
            )
        if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= hi:
            label_de = scheme.label(item.dimension, code, "de")
            label_en = scheme.label(item.dimension, code, "en")
            raise _refuse(
                scheme,
                attr,
                None,
                f"{label_de}: muss zwischen 0 und {hi} liegen.",
                f"{label_en}: must be between 0 and {hi}.",
            )
    total = sum(value.values())
    if not lo <= total <= hi:
        raise _refuse(
            scheme,
            attr,
            None,
            f"zusammen {total}; es müssen zusammen zwischen {lo} und {hi} sein.",
            f"{total} together; together they must be between {lo} and {hi}.",
        )


def _check_item_value(scheme: Scheme, item: Item, attr: str, value: object, today: dt.date) -> None:
    if item.kind in ("single", "multiple", "ranked"):
        assert item.dimension is not None  # the scheme's JSON Schema requires it
        codes = list(value) if isinstance(value, (list, tuple)) else [value]
        for code in codes:
            if not scheme.has_code(item.dimension, code):
                raise _refuse(
                    scheme,
                    attr,
                    None,
                    f"„{code}“ gibt es im Kategorienschema nicht. Wählen Sie einen Wert aus der "
                    "Liste.",
                    f"'{code}' is not in the category scheme. Choose a value from the list.",
                )
        if len(set(codes)) != len(codes):
            if item.kind == "ranked" and codes.count(codes[0]) > 1:
                raise _refuse(
                    scheme,
                    attr,
                    None,
                    "der Hauptgrund steht schon an erster Stelle; ein zweites Mal ist er kein "
                    "weiterer Grund.",
                    "the main reason is already first; a second time it is no further reason.",
                )
            raise _refuse(scheme, attr, None, "ein Code ist doppelt.", "a code is repeated.")
        if item.kind == "ranked" and item.max is not None and len(codes) > item.max:
            raise _refuse(
                scheme,
                attr,
                None,
                f"höchstens {item.max}: ein Hauptgrund und bis zu {item.max - 1} weitere.",
                f"at most {item.max}: one main reason and up to {item.max - 1} further ones.",
            )
    elif item.kind == "counts":
        _check_counts(scheme, item, attr, value)
    elif item.kind == "count":
        lo, hi = item.min or 0, item.max if item.max is not None else 10**6
        if not isinstance(value, int) or not lo <= value <= hi:
            raise _refuse(
                scheme,
                attr,
                None,
                f"muss zwischen {lo} und {hi} liegen.",
                f"must be between {lo} and {hi}.",
            )
    elif item.kind == "date" and isinstance(value, dt.date) and value > today:
        raise _refuse(scheme, attr, None, "liegt in der Zukunft.", "is in the future.")


def _check_case_v2(case: Case, scheme: Scheme, today: dt.date, has_contacts: bool) -> None:
    fields = [case.field, *case.other_fields]
    _check_items(
        scheme,
        case,
        "case",
        fields,
        today,
        closing=case.closed is not None,
        has_contacts=has_contacts,
    )
    if case.requested is not None and case.started is not None and case.requested > case.started:
        raise _refuse(
            scheme,
            "requested",
            None,
            "liegt nach dem Beginn der Beratung. Die Anfrage kommt zuerst; bitte beide Daten "
            "prüfen.",
            "is after the start of counselling. The request comes first; check both dates.",
        )
    if case.started is not None and case.closed is not None and case.started > case.closed:
        raise _refuse(
            scheme,
            "started",
            None,
            "liegt nach dem Ende des Falls.",
            "is after the case was closed.",
        )
    if case.household_key is not None and not HOUSEHOLD_KEY.match(case.household_key):
        raise _refuse(
            scheme,
            "household_key",
            None,
            "die Haushaltsnummer hat die Form H-123 (nie ein Name).",
            "the household number has the form H-123 (never a name).",
        )


def validate_activity(activity: Activity, scheme: Scheme, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    if scheme.format_version < 2:
        raise InvalidRecord(
            "Tätigkeiten ohne Fall gibt es erst ab Kategorienschema Format 2. Bitte das "
            "aktuelle Schema des Landkreises importieren.",
            "Activities without a case need category scheme format 2. Import the district's "
            "current scheme.",
            "kind",
        )
    _check_codes(scheme, activity, ACTIVITY_DIMENSIONS)
    if activity.date > today:
        raise _refuse(scheme, "date", None, "liegt in der Zukunft.", "is in the future.")
    _check_items(scheme, activity, "activity", [activity.field], today)


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
    _check_items(scheme, contact, "contact", [], today)
    if contact.minutes is not None and not 1 <= contact.minutes <= MINUTES_MAX:
        raise _refuse(
            scheme,
            "minutes",
            None,
            f"muss zwischen 1 und {MINUTES_MAX} liegen.",
            f"must be between 1 and {MINUTES_MAX}.",
        )
    _check_duration(contact, scheme)


def _check_duration(contact: Contact, scheme: Scheme) -> None:
    """The band follows from the minutes where the scheme's bands declare minutes
    (app/records/duration.py); a contact that took place needs minutes or a band."""
    band = scheme.band_for_minutes(contact.minutes)
    if band is not None and contact.duration != band:
        raise _refuse(
            scheme,
            "duration",
            "duration_band",
            f"ergibt sich aus den Minuten ({contact.minutes} Min. = "
            f"{scheme.label('duration_band', band, 'de')}) und wird nicht von Hand gewählt.",
            f"follows from the minutes ({contact.minutes} min = "
            f"{scheme.label('duration_band', band, 'en')}) and is not chosen by hand.",
        )
    if contact.duration is None and not contact.no_show:
        if scheme.bands_from_minutes:
            raise _refuse(
                scheme,
                "minutes",
                None,
                "bitte die Dauer des Kontakts in Minuten eingeben.",
                "enter the length of the contact in minutes.",
            )
        raise _refuse(
            scheme,
            "duration",
            "duration_band",
            "bitte die Dauer wählen.",
            "choose the duration.",
        )
