"""Small record builders for tests."""

from __future__ import annotations

import datetime as dt

from app.records.model import Case, Contact
from app.vault.session import new_id


def case(code: str = "2026-0001", **kw) -> Case:
    values = dict(
        id=new_id(),
        code=code,
        opened=dt.date(2026, 1, 5),
        field="EB",
        counsellor="leitung",
        scheme_version=1,
    )
    values.update(kw)
    return Case(**values)


def contact(case_id: str | None, **kw) -> Contact:
    values = dict(
        id=new_id(),
        date=dt.date(2026, 1, 6),
        form="1",
        duration="2",
        counsellor="leitung",
        case_id=case_id,
    )
    values.update(kw)
    return Contact(**values)


# format 1's items, all recorded, in codes valid under version 2
V1_FILLED = dict(
    sex="w",
    age_band="A30",
    household="ALLEINERZ",
    municipality="UNK",
    transfer_benefits="N",
    migration_parent="N",
    german_at_home="J",
    referral="SELF",
    problems=["FIN_SCHULD"],
)
