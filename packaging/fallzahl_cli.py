"""Entry of the frozen console program ``fallzahl-cli`` (build.spec): app.cli's main."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
