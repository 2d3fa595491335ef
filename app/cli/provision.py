"""``district provision``: a signed provisioning file for a new office.

With the district's vault (``--vault``) its own keys, recipient and scheme are used; without
one, a key file (``--key``) or, for demos, the shipped demo district key.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app.atomic import write_bytes
from app.crypto import age
from app.district import desk as district
from app.errors import NotAllowed, UsageError
from app.exchange.provisioning import DEFAULT_VALID_DAYS, make_provisioning
from app.scheme import model as scheme_model
from app.scheme.trust import shipped_scheme, trusted_keys
from app.vault import store
from app.vault.settings import Policy
from app.vault.vault import Vault


def add_provision_verb(district_subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``provision`` under the district verbs (wired in app/cli/district.py)."""
    p = district_subparsers.add_parser("provision", help="signed provisioning file for an office")
    p.add_argument("--office-id", required=True)
    p.add_argument("--office-name", required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument(
        "--key",
        type=Path,
        help="district minisign secret key file (default: the district vault's own key; "
        "without a district vault, the demo key)",
    )
    p.add_argument(
        "--recipient",
        action="append",
        default=[],
        help="age recipient of the district (repeatable; default: the demo district's)",
    )
    p.add_argument("--auto-lock", type=int, default=Policy().auto_lock_minutes, metavar="MIN")
    p.add_argument("--backup-folder", default="")
    p.add_argument("--scheme", type=Path, help="scheme JSON (FILE.minisig beside it)")
    p.add_argument("--valid-days", type=int, default=DEFAULT_VALID_DAYS)
    p.set_defaults(handler=cmd_provision)
    return p


def _district_vault(args: argparse.Namespace) -> bool:
    """Is --vault a district vault? (False without a vault: the demo key may be used.)"""
    folder = getattr(args, "vault", None)
    if folder is None or not (Path(folder) / store.DB_NAME).exists():
        return False
    vault = Vault(folder)
    try:
        mode = vault.mode
    finally:
        vault.close()
    if mode != "district":
        raise NotAllowed(
            "Bereitstellungsdateien erstellt der Landkreis: --vault muss der Datenbestand "
            "des Landkreises sein (oder --key mit dessen Signaturschlüssel angeben).",
            "Provisioning files are made by the district: --vault must be the district's "
            "vault (or give --key with its signing key).",
        )
    return True


def cmd_provision(args: argparse.Namespace) -> int:
    if args.key is None and _district_vault(args):
        # the district's own keys, recipient and scheme: never the demo key in its place
        if args.recipient or args.scheme:
            raise UsageError(
                "Mit dem Datenbestand des Landkreises gelten dessen Empfänger und Schema; "
                "--recipient und --scheme nur zusammen mit --key.",
                "With the district's vault its recipient and scheme apply; --recipient and "
                "--scheme only together with --key.",
            )
        session = args.open_session()
        data = district.provisioning_file(
            session,
            office_id=args.office_id,
            office_name=args.office_name,
            auto_lock_minutes=args.auto_lock,
            backup_folder=args.backup_folder,
            valid_days=args.valid_days,
        )
        write_bytes(args.out, data)
        sys.stdout.write(f"{args.out}\n")
        return 0
    key = args.key.read_bytes() if args.key else age.demo_district_signing_key()
    if args.scheme:
        doc = args.scheme.read_bytes()
        sig = args.scheme.with_name(args.scheme.name + ".minisig").read_bytes()
    else:
        doc, sig = shipped_scheme()
    scheme = scheme_model.parse(doc)
    data = make_provisioning(
        key,
        office_id=args.office_id,
        office_name=args.office_name,
        district_name=scheme.district.name,
        district_ags=scheme.district.ags,
        recipients=args.recipient or [age.demo_district_recipient()],
        trust_anchors=trusted_keys(),
        scheme_doc=doc,
        scheme_sig=sig,
        policy=Policy(auto_lock_minutes=args.auto_lock, backup_folder=args.backup_folder),
        expires=dt.date.today() + dt.timedelta(days=args.valid_days),
    )
    write_bytes(args.out, data)
    sys.stdout.write(f"{args.out}\n")
    return 0
