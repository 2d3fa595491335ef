"""The English translation is complete, keeps its placeholders, and the .qm is up to date.

A German string added to ui/ without English fails here (the lupdate check), as does a
.ts edited without compiling it again with lrelease (see tools/translations_en.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "fallzahl_en.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w*\}")
TAG = re.compile(r"</?\w+[^>]*>")


def tool(name: str) -> str | None:
    """A Qt tool from PATH or from beside the running Python (the venv's bin)."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


def messages(path: Path = TS):
    """(context, source, translation element) of every message in ``path``."""
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_message_is_translated():
    found = list(messages())
    assert len(found) > 400
    unfinished = [(c, s) for c, s, t in found if t.get("type") in ("unfinished", "obsolete")]
    empty = [(c, s) for c, s, t in found if not all(x.strip() for x in texts(t))]
    assert not unfinished, unfinished
    assert not empty, empty


def flaw(source: str, text: str) -> str | None:
    """What ``text`` lost or gained against its German ``source``, if anything."""
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
        return "placeholders"
    if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
        return "HTML tags"
    if source.endswith(("…", ":", "\n")) != text.endswith(("…", ":", "\n")):
        return "ending"
    if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
        return "accelerator"
    return None


def test_placeholders_and_markup_are_kept():
    wrong = [
        (flaw(source, text), context, source, text)
        for context, source, translation in messages()
        for text in texts(translation)
        if flaw(source, text)
    ]
    assert not wrong, wrong


def test_no_source_string_is_missing_from_the_ts(tmp_path):
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / "fallzahl_en.ts"
    shutil.copyfile(TS, copy)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(
        [lupdate, *sources, "-no-obsolete", "-ts", str(copy)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    before = {(c, s) for c, s, _t in messages()}
    after = {(c, s) for c, s, _t in messages(copy)}
    new = sorted(after - before)
    gone = sorted(before - after)
    assert not new, f"untranslated strings in ui/ (see tools/translations_en.py): {new}"
    assert not gone, f"strings no longer in ui/, run lupdate with -no-obsolete: {gone}"


def test_qm_is_compiled_from_the_ts(tmp_path):
    assert QM.exists(), "run pyside6-lrelease on the .ts"
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "the .qm is stale: run pyside6-lrelease"
