"""``python -m app``: the desktop program without a verb, the command line with one."""

from __future__ import annotations

import os
import sys

from app import unshipped


def desktop() -> int:
    """The desktop program's process entry (``fallzahl``, ``python -m app``, the bundle):
    the modules it never uses stay out of the process (app/unshipped.py), then ``main``."""
    unshipped.keep_out()
    return main()


def command_line() -> int:
    """The command line's process entry (``fallzahl-cli``), likewise."""
    unshipped.keep_out()
    from app.cli.main import main as cli_main

    return cli_main()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The desktop lives in ui/, which app/ never imports (the core stays headless); this
    # entry point is the one place that hands over to it, named as the one exception in
    # pyproject.toml's import contracts.
    if "--self-test" in argv:
        # headless end-to-end check for IT and the frozen-build test (ui/selftest.py)
        from ui import selftest

        return selftest.main(argv)
    if os.environ.get("FALLZAHL_SCREENSHOT") and not _has_verb(argv):
        from ui import selftest

        return selftest.screenshot_main(argv)
    opened = _opened_file(argv)
    if opened is not None:  # from the file manager: the desktop, on that file's action
        from ui import main as ui_main

        rest = [a for a in argv if a != opened]
        return ui_main.main([*rest, "--open", opened])
    if not _has_verb(argv):
        from ui import main as ui_main

        return ui_main.main(argv)
    from app.cli.main import main as cli_main

    return cli_main(argv)


GLOBAL_WITH_VALUE = ("--vault", "--user", "--lang")


def _has_verb(argv: list[str]) -> bool:
    """True when argv names a CLI verb (or asks for help) beyond the global options."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in GLOBAL_WITH_VALUE:
            skip = True
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return True
    return False


def _opened_file(argv: list[str]) -> str | None:
    """The one positional argument when it is a package, receipt or provisioning file."""
    positional, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in GLOBAL_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            positional.append(arg)
    if len(positional) != 1 or not os.path.isfile(positional[0]):
        return None
    from app.cli.opened import kind

    return positional[0] if kind(positional[0]) else None


if __name__ == "__main__":
    sys.exit(desktop())
