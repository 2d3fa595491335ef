"""The objective multi-problem rule: counted from problem codes, never ticked by hand.

Count the distinct life domains in which at least one problem code was recorded on the
case; classes 1, 2, 3, 4+ (the top class is a scheme parameter); a "Multiproblemfall" has
at least ``threshold`` domains. No official definition exists; this follows the NZFH
burden-index practice of counting areas (see scheme-sources.md).
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from app.scheme.model import Scheme


class MultiProblem(msgspec.Struct, frozen=True):
    domains: int
    cls: str  # "0" (no problem coded), "1", "2", "3", "4+"
    is_multi: bool


def domain_class(domains: int, top_class: int) -> str:
    if domains >= top_class:
        return f"{top_class}+"
    return str(domains)


def classify(problem_codes: Iterable[str], scheme: Scheme) -> MultiProblem:
    mapping = scheme.problem_domain
    domains = len({mapping[c] for c in problem_codes if c in mapping})
    rule = scheme.multi_problem
    return MultiProblem(domains, domain_class(domains, rule.top_class), domains >= rule.threshold)
