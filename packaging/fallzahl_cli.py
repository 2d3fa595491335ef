"""Entry of the frozen console program ``fallzahl-cli`` (build.spec).

The command line of app.cli; ``--self-test`` runs the installation check with its report
on this console (the windowed ``fallzahl`` has no console on Windows).
"""

import sys

if __name__ == "__main__":
    if "--self-test" in sys.argv[1:]:
        from app.__main__ import main as app_main

        sys.exit(app_main())
    from app.cli.main import main

    sys.exit(main())
