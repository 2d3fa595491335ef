"""`scheme` verbs of the command line: keygen, sign, verify, show, exchange, import.

``register(subparsers)`` adds them to the main CLI; each handler is a plain function
``(args) -> int`` stored as ``args.handler`` that raises FallzahlError on refusal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from app import lang
from app.atomic import write_bytes
from app.crypto import signing
from app.errors import UsageError
from app.scheme import model as scheme_model
from app.scheme.model import Scheme
from app.scheme.store import import_scheme
from app.scheme.trust import load_verified, shipped_scheme, trusted_keys, validate_document


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `scheme keygen | sign | verify | show | import` to the main parser."""
    scheme = subparsers.add_parser("scheme", help="category scheme: keys, signing, import")
    verbs = scheme.add_subparsers(dest="scheme_verb", required=True)

    p = verbs.add_parser("keygen", help="new scheme-signing key pair (PREFIX.key, PREFIX.pub)")
    p.add_argument("--out", default="scheme-signing", metavar="PREFIX")
    p.set_defaults(handler=cmd_keygen)

    p = verbs.add_parser("sign", help="check a scheme document and write FILE.minisig")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--key", type=Path, required=True, metavar="KEY")
    p.add_argument("--bump", action="store_true", help="raise the version by one first")
    p.set_defaults(handler=cmd_sign)

    p = verbs.add_parser("verify", help="check signature, document and dates")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--sig", type=Path, metavar="SIG")
    p.add_argument("--trusted", type=Path, nargs="+", metavar="PUB")
    p.set_defaults(handler=cmd_verify)

    p = verbs.add_parser("show", help="codes and definitions by dimension")
    p.add_argument("file", type=Path, nargs="?", metavar="FILE")
    p.add_argument("--lang", dest="show_lang", choices=lang.SUPPORTED)
    p.set_defaults(handler=cmd_show)

    p = verbs.add_parser("exchange", help="DHIS2 metadata, ADX schema, SDMX structure into DIR")
    p.add_argument("file", type=Path, nargs="?", metavar="FILE")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.set_defaults(handler=cmd_exchange)

    p = verbs.add_parser("import", help="make a signed scheme the office's active scheme")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--sig", type=Path, metavar="SIG")
    p.set_defaults(handler=cmd_import)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(
            f"Die Datei {path} kann nicht gelesen werden ({exc.strerror}).",
            f"Cannot read the file {path} ({exc.strerror}).",
        ) from exc


def _sig_path(file: Path, sig: Path | None) -> Path:
    return sig or file.with_name(file.name + ".minisig")


def _read_sig(file: Path, sig: Path | None) -> bytes | None:
    path = _sig_path(file, sig)
    return path.read_bytes() if path.exists() else None


def trusted_comment(scheme: Scheme, doc: bytes) -> str:
    """What a scheme signature's trusted comment says (ASCII; shown by `minisign -V`)."""
    return f"scheme:{scheme.id}\tversion:{scheme.version}\tsha256:{scheme_model.digest(doc)}"


def sign_scheme(doc: bytes, secret_key: bytes) -> bytes:
    """Validate a scheme document and return its .minisig signature."""
    scheme = validate_document(doc)
    return signing.sign(doc, secret_key, trusted_comment(scheme, doc))


def cmd_keygen(args: argparse.Namespace) -> int:
    key, pub = Path(f"{args.out}.key"), Path(f"{args.out}.pub")
    for path in (key, pub):
        if path.exists():
            raise UsageError(
                f"{path} gibt es schon; ein vorhandener Schlüssel wird nie überschrieben. "
                "Bitte mit --out einen anderen Namen wählen.",
                f"{path} exists; an existing key is never overwritten. Choose another "
                "name with --out.",
            )
    secret, public = signing.generate_keypair("Fallzahl scheme signing key")
    write_bytes(key, secret)
    write_bytes(pub, public)
    print(f"{key}\n{pub}\nkey id {signing.key_id(public)}")
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    doc = _read(args.file)
    if args.bump:
        try:
            obj = json.loads(doc)
            obj["version"] = int(obj["version"]) + 1
        except (ValueError, KeyError, TypeError) as exc:
            validate_document(doc)  # names the broken field
            raise UsageError(f"--bump geht nicht: {exc}", f"--bump is not possible: {exc}") from exc
        doc = (json.dumps(obj, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    sig = sign_scheme(doc, _read(args.key))
    if args.bump:
        write_bytes(args.file, doc)
    out = _sig_path(args.file, None)
    write_bytes(out, sig)
    scheme = scheme_model.parse(doc)
    print(f"{out}\n{scheme.id} v{scheme.version} sha256 {scheme_model.digest(doc)}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    doc = _read(args.file)
    trusted = [_read(p) for p in args.trusted] if args.trusted else trusted_keys()
    scheme = load_verified(doc, _read_sig(args.file, args.sig), trusted, dt.date.today(), None)
    kid = signing.signature_key_id(_read_sig(args.file, args.sig) or b"")
    if lang.current() == "en":
        print(
            f"OK: {scheme.id} v{scheme.version}, valid {scheme.valid_from} to "
            f"{scheme.valid_until}, signed by key {kid}"
        )
    else:
        print(
            f"OK: {scheme.id} v{scheme.version}, gültig {scheme.valid_from:%d.%m.%Y} bis "
            f"{scheme.valid_until:%d.%m.%Y}, signiert mit Schlüssel {kid}"
        )
    return 0


def format_scheme(scheme: Scheme, language: str) -> str:
    """Plain-text listing of every dimension, code, label and definition."""
    en = language == "en"
    lines = [
        f"{scheme.id} v{scheme.version} — {scheme.district.name} ({scheme.district.ags}), "
        + (
            f"valid {scheme.valid_from} to {scheme.valid_until}"
            if en
            else f"gültig {scheme.valid_from:%d.%m.%Y} bis {scheme.valid_until:%d.%m.%Y}"
        ),
        "",
    ]
    for dim in scheme.dimensions:
        lines.append(f"== {dim.label(language)} ({dim.id})")
        lines.append(f"   {dim.purpose(language)}")
        for code in dim.codes:
            extra = []
            if code.domain:
                extra.append(scheme.label("domain", code.domain, language))
            if code.pool:
                extra.append(code.pool)
            if code.check:
                extra.append("to be checked" if en else "zu prüfen")
            if not code.counts_as_problem:
                extra.append("no problem domain" if en else "kein Lebensbereich")
            if code.minutes_min is not None:
                upper = code.minutes_max if code.minutes_max is not None else ""
                extra.append(f"{code.minutes_min}..{upper} min")
            suffix = f"  [{'; '.join(extra)}]" if extra else ""
            lines.append(f"  {code.code:<12} {code.label(language)}{suffix}")
            lines.append(f"  {'':<12} {code.definition(language)}")
            if code.source:
                lines.append(f"  {'':<12} {'Source' if en else 'Quelle'}: {code.source}")
        lines.append("")
    if scheme.items:
        lines.append("== " + ("Items (format 2)" if en else "Merkmale (Format 2)"))
    for item in scheme.items:
        rules = [item.record, item.kind]
        if item.dimension:
            rules.append(item.dimension)
        if item.min is not None or item.max is not None:
            rules.append(f"{item.min if item.min is not None else ''}..{item.max or ''}")
        if item.fields:
            rules.append(("only " if en else "nur ") + ", ".join(item.fields))
        if item.only_if is not None:
            codes = ", ".join(item.only_if.codes)
            rules.append(
                f"only if {item.only_if.item} = {codes}"
                if en
                else f"nur wenn {item.only_if.item} = {codes}"
            )
        if item.required_at_close:
            rules.append("needed at close" if en else "beim Abschluss nötig")
        if not item.additive:
            rules.append("not additive" if en else "nicht summierbar")
        lines.append(f"  {item.id:<22} {item.label(language)}  [{'; '.join(rules)}]")
        lines.append(f"  {'':<22} {item.definition(language)}")
        if item.source:
            lines.append(f"  {'':<22} {'Source' if en else 'Quelle'}: {item.source}")
    if scheme.items:
        lines.append("")
    notes = scheme.notes_en if en else scheme.notes_de
    if notes:
        lines.append(notes)
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    doc = _read(args.file) if args.file else shipped_scheme()[0]
    scheme = validate_document(doc)
    sys.stdout.write(format_scheme(scheme, args.show_lang or lang.current()) + "\n")
    return 0


def cmd_exchange(args: argparse.Namespace) -> int:
    from app.stats.structures import exchange_files

    doc = _read(args.file) if args.file else shipped_scheme()[0]
    scheme = validate_document(doc)
    prepared = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in exchange_files(scheme, prepared).items():
        write_bytes(args.out / name, data)
        print(args.out / name)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    doc = _read(args.file)
    sig = _read_sig(args.file, args.sig)
    open_session = getattr(args, "open_session", None)
    if open_session is None:
        raise UsageError(
            "scheme import braucht eine Ablage: bitte über python -m app aufrufen.",
            "scheme import needs a vault: run it through python -m app.",
        )
    session = open_session()
    scheme = import_scheme(session, doc, sig)
    print(f"{scheme.id} v{scheme.version}")
    return 0
