#!/usr/bin/env bash
# Set up a virtual environment on first use, then run the program or the checks.
#   bash scripts/dev.sh run [ARGS...]   start Fallzahl (python -m app ARGS)
#   bash scripts/dev.sh test [PYTEST ARGS...]   ruff, import contracts, pytest
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${FALLZAHL_VENV:-.venv}
PY="$VENV/bin/python"
stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -x "$PY" ]; then
  python3 -m venv "$VENV"
fi
if [ ! -f "$stamp" ]; then
  "$PY" -m pip install --quiet --upgrade pip
  "$PY" -m pip install --quiet -e ".[test]"
  touch "$stamp"
fi
what=${1:-run}
shift || true
case "$what" in
  run)
    exec "$PY" -m app "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    "$VENV/bin/ruff" check app ui tests bench
    "$VENV/bin/ruff" format --check --quiet app ui tests bench
    "$VENV/bin/lint-imports"
    exec "$PY" -m pytest "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh run|test [ARGS...]" >&2
    exit 2
    ;;
esac
