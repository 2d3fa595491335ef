"""The command line: everything the window does with data, for IT staff, scripts and tests.

Exit status 0 done; 1 refused or failed, with the reason on stderr; 2 usage error.
Verbs of each area register themselves (``register(subparsers)``), so this module only
holds the shared options, unlocking and the vault-level verbs.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from app import lang
from app.errors import DiskFull, FallzahlError, StorageError, UsageError
from app.lang import t

Handler = Callable[[argparse.Namespace], int]


def default_vault_dir() -> Path:
    env = os.environ.get("FALLZAHL_VAULT")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("Fallzahl", appauthor=False) / "vault"


def read_secret(prompt: str, env: str) -> str:
    """From the terminal if there is one, else from the environment variable."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    value = os.environ.get(env)
    if value is None:
        raise UsageError(
            f"Keine Passphrase: Ohne Terminal wird sie aus der Umgebungsvariablen {env} gelesen.",
            f"No passphrase: without a terminal it is read from the environment variable {env}.",
        )
    return value


def user_of(args: argparse.Namespace) -> str:
    user = args.user or os.environ.get("FALLZAHL_USER")
    if not user:
        raise UsageError(
            "Wer? Geben Sie --user NAME an (oder setzen Sie FALLZAHL_USER).",
            "Who? Give --user NAME (or set FALLZAHL_USER).",
        )
    return user


def open_session(args: argparse.Namespace):
    """Unlock the vault named by --vault as --user; the session is closed at exit."""
    from app.vault.vault import Vault

    vault = Vault(args.vault)
    user = user_of(args)
    secret = read_secret(f"Passphrase für {user}: ", "FALLZAHL_PASSPHRASE")
    try:
        session = vault.unlock(user, secret)
    except BaseException:
        vault.close()
        raise
    args._cleanup.append(lambda: (session.close(), vault.close()))
    return session


def file_problem(exc: OSError) -> FallzahlError:
    """One message for a file the user named that cannot be read or written."""
    import errno

    name = exc.filename or "?"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            f"Der Datenträger für {name} ist voll; nichts wurde geschrieben. Schaffen Sie Platz "
            "und versuchen Sie es erneut.",
            f"The disk holding {name} is full; nothing was written. Free some space and try again.",
        )
    if isinstance(exc, FileNotFoundError):
        return StorageError(
            f"Die Datei {name} gibt es nicht. Bitte Namen und Ordner prüfen.",
            f"The file {name} does not exist. Check the name and folder.",
        )
    return StorageError(
        f"Die Datei {name} lässt sich nicht lesen oder schreiben ({exc.strerror}). Bitte Ort "
        "und Berechtigungen prüfen.",
        f"The file {name} cannot be read or written ({exc.strerror}). Check the place and "
        "permissions.",
    )


def store_error_for(exc: sqlite3.Error, folder: Path) -> FallzahlError | None:
    from app.vault.store import DB_NAME, error_for

    return error_for(exc, Path(folder) / DB_NAME)


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


# vault-level verbs
def cmd_init(args: argparse.Namespace) -> int:
    from app.district import setup as district_setup
    from app.office import setup

    user = user_of(args)
    passphrase = read_secret(f"Neue Passphrase für {user}: ", "FALLZAHL_PASSPHRASE")
    if args.district:
        if not args.district_name:
            raise UsageError(
                "init --district braucht --district-name.", "init --district needs --district-name."
            )
        recovery = district_setup.init_district(
            args.vault,
            district_name=args.district_name,
            user=user,
            passphrase=passphrase,
            demo=args.demo,
        )
    elif args.provisioning:
        recovery = setup.init_from_provisioning(
            args.vault, Path(args.provisioning), user=user, passphrase=passphrase
        )
    else:
        if not (args.office_id and args.office_name):
            raise UsageError(
                "init braucht --office-id und --office-name (oder --provisioning DATEI).",
                "init needs --office-id and --office-name (or --provisioning FILE).",
            )
        recovery = setup.init_office(
            args.vault,
            office_id=args.office_id,
            office_name=args.office_name,
            user=user,
            passphrase=passphrase,
        )
    out(t("Datenbestand angelegt: ", "Vault created: ") + str(args.vault))
    out(
        t(
            "Wiederherstellungsschlüssel (nur jetzt sichtbar; ausdrucken und sicher verwahren):",
            "Recovery key (shown only now; print it and keep it safe):",
        )
    )
    out(recovery)
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    """upgrade --from OLD: carry a pre-release vault over into a new one at --vault."""
    from app.office.upgrade import upgrade_vault

    user = user_of(args)
    passphrase = read_secret(
        f"Passphrase für {user} im alten Datenbestand: ", "FALLZAHL_PASSPHRASE"
    )
    result = upgrade_vault(args.old_folder, args.vault, user, passphrase)
    out(
        t(
            f"Übernommen nach {result.folder}: {result.cases} Fälle, {result.contacts} "
            f"Kontakte, {len(result.settings)} Einstellungen, derselbe Büroschlüssel. Der alte "
            f"Datenbestand {args.old_folder} ist unverändert.",
            f"Carried over to {result.folder}: {result.cases} cases, {result.contacts} "
            f"contacts, {len(result.settings)} settings, the same office key. The old vault "
            f"{args.old_folder} is unchanged.",
        )
    )
    out(
        t(
            "Neuer Wiederherstellungsschlüssel (nur jetzt sichtbar; ausdrucken und sicher "
            "verwahren, der alte gilt nicht mehr):",
            "New recovery key (shown only now; print it and keep it safe, the old one no "
            "longer applies):",
        )
    )
    out(result.recovery_key)
    if result.to_add_again:
        out(
            t(
                "Diese Benutzer neu einrichten (mit users add NAME --role ROLLE):",
                "Add these users again (with users add NAME --role ROLE):",
            )
        )
        for info in result.to_add_again:
            out(f"{info.name}\t{info.role}")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    session = args.open_session()
    if args.users_verb == "add":
        secret = read_secret(f"Passphrase für {args.name}: ", "FALLZAHL_NEW_PASSPHRASE")
        session.add_user(args.name, args.role, secret)
        out(
            t(
                f"Benutzer {args.name} ({args.role}) eingerichtet.",
                f"User {args.name} ({args.role}) added.",
            )
        )
    elif args.users_verb == "remove":
        session.remove_user(args.name)
        out(t(f"Benutzer {args.name} entfernt.", f"User {args.name} removed."))
    elif args.users_verb == "passwd":
        secret = read_secret(f"Neue Passphrase für {args.name}: ", "FALLZAHL_NEW_PASSPHRASE")
        session.change_passphrase(args.name, secret)
        out(t(f"Passphrase für {args.name} geändert.", f"Passphrase for {args.name} changed."))
    else:
        for info in session.vault.users():
            out(f"{info.name}\t{info.role}")
    return 0


def cmd_users_recovery(args: argparse.Namespace) -> int:
    """users passwd NAME --recovery-key: reset with the recovery key instead of a login."""
    from app.vault.vault import Vault

    vault = Vault(args.vault)
    try:
        key = read_secret("Wiederherstellungsschlüssel: ", "FALLZAHL_RECOVERY_KEY")
        session = vault.unlock_with_recovery(key)
        try:
            secret = read_secret(f"Neue Passphrase für {args.name}: ", "FALLZAHL_NEW_PASSPHRASE")
            session.change_passphrase(args.name, secret)
        finally:
            session.close()
    finally:
        vault.close()
    out(t(f"Passphrase für {args.name} zurückgesetzt.", f"Passphrase for {args.name} reset."))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.stats.history import check as check_frozen
    from app.vault.activities import activities

    session = args.open_session()
    problems = session.check()
    if not problems and session.frozen_tally_labels():
        done = activities(session) if session.scheme.items else ()
        problems = check_frozen(session, done)
    for problem in problems:
        sys.stderr.write(problem.message() + "\n")
    if problems:
        return 1
    n_cases, n_contacts = session.record_counts()
    out(
        t(
            f"In Ordnung: {n_cases} Fälle, {n_contacts} Kontakte, "
            f"{len(session.audit_entries())} Protokolleinträge.",
            f"OK: {n_cases} cases, {n_contacts} contacts, "
            f"{len(session.audit_entries())} audit entries.",
        )
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.vault.backup import make_backup

    session = args.open_session()
    target = make_backup(session, args.file)
    out(str(target))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.vault.backup import restore_backup

    older = args.accept_older
    if args.recovery_key:
        key = read_secret("Wiederherstellungsschlüssel: ", "FALLZAHL_RECOVERY_KEY")
        kept = restore_backup(args.vault, args.file, recovery_key=key, accept_older=older)
    else:
        user = user_of(args)
        secret = read_secret(f"Passphrase für {user} (Leitung): ", "FALLZAHL_PASSPHRASE")
        kept = restore_backup(
            args.vault, args.file, user=user, passphrase=secret, accept_older=older
        )
    out(t("Sicherung wiederhergestellt.", "Backup restored."))
    if kept:
        out(
            t(
                f"Der vorige Datenbestand liegt unter {kept}.",
                f"The previous vault is kept at {kept}.",
            )
        )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    import datetime as dt

    from app.office import demo
    from app.vault.activities import save_activity

    session = args.open_session()
    cases, contacts = demo.generate(session.scheme, args.cases, args.year, until=dt.date.today())
    cases = demo.refuse_overwrite(session, cases, contacts)
    session.add_bulk(cases, contacts, "demo.filled")
    for activity in demo.generate_activities(
        session.scheme, max(1, args.cases // 40), args.year, until=dt.date.today()
    ):
        save_activity(session, activity)
    out(
        t(
            f"{len(cases)} Fälle und {len(contacts)} Kontakte (Demo {args.year}) angelegt.",
            f"{len(cases)} cases and {len(contacts)} contacts (demo {args.year}) created.",
        )
    )
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse that says its usage errors in the chosen language (exit 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m app", description="Fallzahl")
    parser.add_argument("--vault", type=Path, default=None, help="vault folder")
    parser.add_argument("--user", default=None, help="whom to unlock as")
    parser.add_argument("--lang", choices=("de", "en"), default=None)
    sub = parser.add_subparsers(dest="verb", metavar="VERB")

    p = sub.add_parser("init", help="new office or district vault")
    p.add_argument("--office-id")
    p.add_argument("--office-name")
    p.add_argument("--district", action="store_true")
    p.add_argument("--district-name")
    p.add_argument("--demo", action="store_true")
    p.add_argument("--provisioning")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("upgrade", help="carry a pre-release vault over into a new one")
    p.add_argument("--from", dest="old_folder", type=Path, required=True, metavar="OLD_DIR")
    p.add_argument("--user", default=argparse.SUPPRESS, help="a lead of the old vault")
    p.set_defaults(handler=cmd_upgrade)

    p = sub.add_parser("users", help="list, add, remove users, change passphrases")
    users = p.add_subparsers(dest="users_verb")
    p.set_defaults(handler=cmd_users)
    a = users.add_parser("add")
    a.add_argument("name")
    a.add_argument("--role", choices=("counsellor", "lead"), required=True)
    a.set_defaults(handler=cmd_users)
    a = users.add_parser("remove")
    a.add_argument("name")
    a.set_defaults(handler=cmd_users)
    a = users.add_parser("passwd")
    a.add_argument("name")
    a.add_argument("--recovery-key", action="store_true")
    a.set_defaults(handler=lambda ns: cmd_users_recovery(ns) if ns.recovery_key else cmd_users(ns))
    users.add_parser("list").set_defaults(handler=cmd_users)

    sub.add_parser("check", help="integrity check").set_defaults(handler=cmd_check)
    p = sub.add_parser("backup", help="snapshot to one file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="restore a backup")
    p.add_argument("file", type=Path)
    p.add_argument("--recovery-key", action="store_true")
    p.add_argument(
        "--accept-older",
        action="store_true",
        help="restore even a backup older than the last removal of a user",
    )
    p.set_defaults(handler=cmd_restore)
    p = sub.add_parser("demo", help="fill with a synthetic year")
    p.add_argument("--cases", type=int, required=True)
    p.add_argument("--year", type=int, default=None)
    p.set_defaults(handler=cmd_demo)

    for module in AREA_MODULES:
        __import__(module, fromlist=["register"]).register(sub)
    return parser


# Modules that add their own verbs.
AREA_MODULES = ("app.cli.scheme", "app.cli.tally", "app.cli.package", "app.cli.district")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        lang.set_language(args.lang)
    if not getattr(args, "handler", None):
        parser.print_usage(sys.stderr)
        return 2
    args.vault = args.vault or default_vault_dir()
    if getattr(args, "year", "absent") is None:
        import datetime as dt

        args.year = dt.date.today().year
    args._cleanup = []
    args.open_session = lambda: open_session(args)
    try:
        code = args.handler(args)
        sys.stdout.flush()  # here, so that a closed pipe is handled below, not at exit
        return code
    except UsageError as exc:
        sys.stderr.write(exc.message() + "\n")
        return 2
    except FallzahlError as exc:
        sys.stderr.write(exc.message() + "\n")
        return 1
    except BrokenPipeError:
        # The reader went away (`... | head`): no traceback; later writes go nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:  # after BrokenPipeError, which is one
        # a file named on the command line is missing, unreadable or its disk is full
        sys.stderr.write(file_problem(exc).message() + "\n")
        return 1
    except sqlite3.Error as exc:
        error = store_error_for(exc, args.vault)
        if error is None:
            raise
        sys.stderr.write(error.message() + "\n")
        return 1
    except KeyboardInterrupt:
        return 1
    finally:
        for cleanup in args._cleanup:
            cleanup()
