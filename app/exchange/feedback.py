"""Feedback files: the district's published planning figures for a period, signed (the format).

A feedback file ``<district AGS>_<period>_<version>.fallzahl-feedback`` (canonical JSON) with
its detached minisign signature ``<...>.fallzahl-feedback.minisig`` by the district's signing
key (earlier versions named it ``.feedback``, still read); the trusted comment names
district, period and version. It holds only what the district publishes: the district table
after pooling and disclosure control, the planning indicators computed from it, the published
office totals, and per office which package counted. The district writes one per period
(app/district/feedback.py, the version goes up with each edition), offices import it like a
receipt (app/office/feedback_import.py). ``read_feedback`` checks one from bytes and keys
alone. Format: docs/feedback-format.md.
"""

from __future__ import annotations

import msgspec

from app.crypto import signing
from app.errors import FeedbackTampered, FeedbackUntrusted
from app.stats.planning import Indicators
from app.stats.tally import Row
from app.stats.tally_io import upgrade_rows

FORMAT = "fallzahl-feedback/1"
# An extension of its own (Windows Explorer goes by the last extension, and ".feedback" alone
# says nothing of the program); a feedback file named by an earlier version is still read.
SUFFIX = ".fallzahl-feedback"
OLD_SUFFIXES = (".feedback",)
SUFFIXES = (SUFFIX, *OLD_SUFFIXES)


class Counted(msgspec.Struct, frozen=True, kw_only=True):
    """One office's package that counted for one quarter of the period."""

    period: str
    sequence: int
    package_sha256: str


class OfficeFigures(msgspec.Struct, frozen=True, kw_only=True):
    office_id: str
    counted: tuple[Counted, ...]  # empty: nothing of this office was counted
    values: tuple[int | None, ...]  # published office totals, in ``measures`` order


class Feedback(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    format: str
    district: str
    district_ags: str
    period: str
    version: int  # per period, from 1; a newer edition replaces an older one
    created_at: str
    scheme_id: str
    scheme_version: int
    threshold: int
    measures: tuple[str, ...]  # headline measures of the office and district totals
    district_totals: tuple[int | None, ...]
    missing: tuple[str, ...]  # enrolled offices without a package for (part of) the period
    offices: tuple[OfficeFigures, ...]
    table: tuple[Row, ...]  # the published district table (None: hidden)
    indicators: Indicators  # the planning indicators (app/stats/planning.py), as published
    signer_key_id: str


def trusted_comment(f: Feedback) -> str:
    return f"fallzahl-feedback\tdistrict:{f.district_ags}\tperiod:{f.period}\tversion:{f.version}"


def file_name(f: Feedback) -> str:
    return f"{f.district_ags}_{f.period}_{f.version}{SUFFIX}"


def encode(f: Feedback) -> bytes:
    return msgspec.json.encode(f) + b"\n"


def read_feedback(data: bytes, signature: bytes | None, trusted: list[bytes]) -> Feedback:
    """Verify and decode a feedback file: refused when tampered, damaged or signed by a key
    that is not trusted as the district's."""
    errors = signing.VerifyErrors(
        missing=FeedbackTampered,
        malformed=FeedbackTampered,
        untrusted=FeedbackUntrusted,
        invalid=FeedbackTampered,
    )
    _kid, comment = signing.verify(
        data, signature, trusted, errors=errors,
        what=("die Rückmeldung des Landkreises", "the district's feedback"),
    )  # fmt: skip
    try:
        got = msgspec.json.decode(data, type=Feedback)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise FeedbackTampered(
            "Die Rückmeldung des Landkreises ist unlesbar. Bitte beim Landkreis erneut anfordern.",
            "The district's feedback cannot be read. Ask the district for it again.",
        ) from exc
    if got.format != FORMAT or comment != trusted_comment(got):
        raise FeedbackTampered(
            "Die Rückmeldung passt nicht zu ihrer Signatur (Landkreis, Zeitraum, Ausgabe). "
            "Bitte beim Landkreis erneut anfordern.",
            "The feedback does not match its signature (district, period, edition). Ask the "
            "district for it again.",
        )
    # a district before tally format 2 published "?" and "-": in today's codes
    return msgspec.structs.replace(got, table=tuple(upgrade_rows(got.table)))
