"""Small output fixes: a closed pipe ends quietly, an empty district report is refused."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.district import report as district_report
from app.errors import FallzahlError
from app.records.periods import parse_period
from tests.support.exchange_world import NOW, OFFICES, ROOT, office_tallies, scheme


@pytest.mark.parametrize("verb", [["scheme", "show"], ["scheme", "show", "--lang", "en"]])
def test_closed_pipe_ends_without_a_traceback(verb, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", *verb],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    proc.stdout.close()  # like `| head` that has gone before the program writes

    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


@pytest.mark.parametrize("period", ["2025-03", "2025-02-01..2025-03-15"])
def test_a_district_report_without_a_whole_quarter_is_refused(period):
    with pytest.raises(FallzahlError) as err:
        district_report.build(
            "Landkreis Harz", scheme(), parse_period(period), office_tallies(), OFFICES, NOW
        )
    assert period in err.value.de and "kein ganzes Quartal" in err.value.de
    assert "no whole quarter" in err.value.en
