"""The duration band of a contact follows from its minutes: worked out here, never typed.

The scheme's duration bands declare their minutes (format 2, app/scheme/model.py
``band_for_minutes``; the Harz bands break at 15, 30, 45 and 90 minutes, 30 being the
boundary the parenting counselling statistic counts from). A contact with minutes gets the
band of its minutes on every save; a contact without minutes (recorded before minutes
were asked) keeps the band it has, or none ("not recorded").
"""

from __future__ import annotations

import msgspec

from app.records.model import Contact
from app.scheme.model import Scheme


def with_band(contact: Contact, scheme: Scheme) -> Contact:
    """``contact`` with the band of its minutes (unchanged without minutes or minute bands)."""
    band = scheme.band_for_minutes(contact.minutes)
    if band is None or band == contact.duration:
        return contact
    return msgspec.structs.replace(contact, duration=band)
