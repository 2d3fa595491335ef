"""Entry of the frozen desktop program ``fallzahl`` (build.spec): app/__main__.py's main."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
