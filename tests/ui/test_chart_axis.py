"""A count axis shows each whole number once (issue 13, finding 14: "0 0 1 1")."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QValueAxis

from ui.charts import Figure, chart, whole_number_axis


@pytest.mark.parametrize("top", [0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 37, 99, 100, 1234, 20567])
def test_every_tick_is_a_distinct_whole_number_above_the_data(top):
    maximum, ticks = whole_number_axis(top)
    step = maximum / (ticks - 1)
    assert step == int(step) >= 1 and maximum >= top and 2 <= ticks <= 6


def test_the_chart_of_one_case_has_ticks_0_and_1(qapp):
    fig = Figure("k", "Fälle", "Feld", ["EB", "EFL"], [("Fälle", [1, 0])])
    drawn = chart(fig)
    axis = next(a for a in drawn.axes() if isinstance(a, QValueAxis))
    assert (axis.min(), axis.max(), axis.tickCount()) == (0, 2, 3)
