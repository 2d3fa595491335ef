"""Translate codes recorded under an earlier scheme version into the current version's codes.

A mapping with ``from_version`` N describes a change made after version N: records coded
under version N or earlier pass through it. Mappings are applied in ascending from_version
order, so chains (v1 -> v2 -> v3) work and versions may be skipped. Kinds:
renamed (one old code -> one new), merged (several old -> one new), split (one old ->
several new: an old record cannot say which new code it would be, so its count goes to
the first target; the scheme author lists the most likely target first), and, in format 2,
moved (old codes leave their dimension and become the value of an item, e.g. version 1's
debt triggers, which were problem codes, become the single-choice item "debt_trigger").
All translations are computed once into one dict, so a lookup per record is one dict.get.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from app.scheme.model import Scheme

CodeMapper = Callable[[str, str, int], str]


def _steps(scheme: Scheme) -> list[tuple[int, dict[tuple[str, str], str]]]:
    by_version: dict[int, dict[tuple[str, str], str]] = {}
    for m in scheme.mappings:
        if m.kind == "moved":
            continue
        step = by_version.setdefault(m.from_version, {})
        for old in m.source:
            step[(m.dimension, old)] = m.target[0]
    return sorted(by_version.items())


def translation_table(scheme: Scheme) -> dict[tuple[str, str, int], str]:
    """(dimension, old code, recorded version) -> current code, only where it changes."""
    steps = _steps(scheme)
    if not steps:
        return {}
    mentioned = {key for _, step in steps for key in step} | {
        (dim, new) for _, step in steps for (dim, _), new in step.items()
    }
    table: dict[tuple[str, str, int], str] = {}
    versions = sorted({v for v, _ in steps} | {1})
    for recorded in range(min(versions), scheme.version):
        for dim, code in mentioned:
            current = code
            for from_version, step in steps:
                if from_version >= recorded:
                    current = step.get((dim, current), current)
            if current != code:
                table[(dim, code, recorded)] = current
    return table


def mapper(scheme: Scheme) -> CodeMapper:
    """A function (dimension, code, from_version) -> code under ``scheme``; unchanged codes pass."""
    table = translation_table(scheme)
    if not table:
        return lambda dimension, code, from_version: code
    get = table.get

    def translate(dimension: str, code: str, from_version: int) -> str:
        return get((dimension, code, from_version), code)

    return translate


class Moved(NamedTuple):
    """Where a moved code goes: the item, its code there, and what replaces it (or None)."""

    item: str
    code: str
    replace_with: str | None


def moved_table(scheme: Scheme) -> dict[tuple[str, str, int], Moved]:
    """(dimension, old code, recorded version) -> Moved, for records of that version."""
    table: dict[tuple[str, str, int], Moved] = {}
    for m in scheme.mappings:
        if m.kind != "moved" or m.item is None:
            continue
        for i, source in enumerate(m.source):
            target = m.target[i] if len(m.target) == len(m.source) else m.target[0]
            for recorded in range(1, m.from_version + 1):
                table[(m.dimension, source, recorded)] = Moved(m.item, target, m.replace_with)
    return table
