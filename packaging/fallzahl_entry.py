"""Entry of the frozen program (build.spec): one archive, two names.

``fallzahl`` is app/__main__.py's ``desktop``: the desktop program, or the command line when
a verb is given. ``fallzahl-cli`` is its ``command_line``, app.cli.main; ``fallzahl-cli
--self-test`` runs the installation check with its report on this console (the windowed
``fallzahl.exe`` has none on Windows). On Linux ``fallzahl-cli`` is a symbolic link to
``fallzahl``, so the name it was started by decides; on Windows it is its own console
executable, built from the same analysis.
"""

import os
import sys

CLI_NAME = "fallzahl-cli"


def _started_as_cli() -> bool:
    """True when this process was started as ``fallzahl-cli`` (link name or executable)."""
    names = {os.path.basename(sys.argv[0]), os.path.basename(sys.executable)}
    stems = {name.lower().removesuffix(".exe") for name in names if name}
    return CLI_NAME in stems


if __name__ == "__main__":
    if _started_as_cli() and "--self-test" not in sys.argv[1:]:
        from app.__main__ import command_line as main
    else:
        from app.__main__ import desktop as main
    sys.exit(main())
