"""A small hand-worked office: the cases and contacts behind the expected tallies."""

import datetime as dt

from app.records.model import Case, Contact
from app.scheme import model as scheme_mod
from tests.support.passphrases import FIXTURES

D = dt.date


def load_scheme():
    return scheme_mod.parse((FIXTURES / "scheme_min.json").read_bytes())


def case(id, opened, field, **kw):
    return Case(
        id=id,
        code=f"{opened.year}-{int(id[1:]):04d}",
        opened=opened,
        field=field,
        counsellor="B01",
        scheme_version=1,
        **kw,
    )


def contact(id, day, case_id, form="1", duration="2", persons=1, field=None):
    return Contact(
        id=id,
        date=day,
        form=form,
        duration=duration,
        counsellor="B01",
        persons=persons,
        case_id=case_id,
        field=field,
    )


# Period 2026-Q1. Comments give why each case counts where it does.
CASES = [
    # carried over from 2025, still open: active, not new; 1 domain
    case("c1", D(2025, 11, 10), "EB", sex="w", age_band="A18", municipality="99999001",
         problems=["PART_CONF"]),
    # new and closed in Q1; FIN, ARB, WOHN: 3 domains -> multi-problem
    case("c2", D(2026, 1, 5), "SCHULD", sex="m", municipality="99999002", closed=D(2026, 2, 20),
         ending="REG", problems=["FIN_DEBT", "FIN_BEN", "ARB_LOSS", "WOHN_LOSS"]),
    # new, open, sex not recorded; 5 domains -> class 4+, multi-problem
    case("c3", D(2026, 2, 1), "SUCHT", municipality="99999003",
         problems=["GES_ALC", "FIN_DEBT", "ARB_LOSS", "WOHN_LOSS", "PART_CONF"]),
    # closed before the period: not active
    case("c4", D(2025, 6, 1), "EFL", sex="w", closed=D(2025, 12, 15), ending="REG",
         problems=["PART_CONF"]),
    # opened after the period: not active
    case("c5", D(2026, 4, 2), "EFL", sex="w", problems=["PART_CONF"]),
    # opened and closed on the last day; no problem coded (class 0), ending missing
    case("c6", D(2026, 3, 31), "EFL", sex="x", closed=D(2026, 3, 31), other_fields=["EB"]),
    # closed on the first day: active and closed in the period; 2 domains
    case("c7", D(2025, 12, 1), "EB", sex="w", closed=D(2026, 1, 1), ending="DROP",
         problems=["PART_CONF", "FIN_BEN"], other_fields=["SCHULD", "SCHULD"]),
]  # fmt: skip

CONTACTS = [
    contact("k1", D(2025, 11, 10), "c1"),  # before: counts only towards c1's contacts
    contact("k2", D(2026, 1, 15), "c1", persons=2),
    contact("k3", D(2026, 1, 5), "c2", form="3", duration="1"),
    contact("k4", D(2026, 2, 20), "c2", duration="3"),
    contact("k5", D(2026, 2, 1), "c3"),  # c3: one contact up to the period's end
    contact("k6", D(2026, 4, 10), "c3"),  # after the period
    contact("k7", D(2026, 3, 31), "c6", form="4", duration="1", persons=3),
    contact("k8", D(2025, 12, 1), "c7"),
    contact("k9", D(2026, 1, 1), "c7", form="2"),
    contact("k10", D(2026, 3, 1), None, form="3", duration="1", field="SUCHT"),  # anonymous
    contact("k11", D(2025, 7, 1), "c4"),
]
