"""The files a receiving system needs, generated from the scheme (docs/exchange.md):
the DHIS2 metadata, the content-specific ADX schema and the SDMX structure."""

from __future__ import annotations

from app.scheme.model import Scheme
from app.stats import dhis2, sdmx


def exchange_files(scheme: Scheme, prepared: str) -> dict[str, bytes]:
    """File name -> content; names carry the data set id (scheme id and version)."""
    stem = dhis2.data_set(scheme.id, scheme.version)
    return {
        f"{stem}.dhis2-metadata.json": dhis2.metadata_json(scheme),
        f"{stem}.adx.xsd": dhis2.xsd(scheme),
        f"{stem}.sdmx-structure.xml": sdmx.structure(scheme, prepared),
    }
