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
