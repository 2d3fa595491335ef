"""Record builders for widget tests."""

from __future__ import annotations

import datetime as dt

from app.records import Case
from app.session import new_id


def make_case(session, code: str, **kw) -> Case:
    values = dict(
        id=new_id(),
        code=code,
        opened=dt.date.today(),
        field="EB",
        counsellor=session.user,
        scheme_version=session.scheme.version,
    )
    values.update(kw)
    return session.save_case(Case(**values))
