"""Run one slow app/ call (Argon2id, backup, restore) off the GUI thread.

``run(parent, fn, on_done, on_error, label)`` starts ``fn()`` in a QThread and calls
``on_done(result)`` or ``on_error(exc)`` back in the GUI thread; with a label, a modal
progress dialog without a cancel button is shown while it runs. A FallzahlError goes to
``on_error``; anything else is a bug and goes to the crash handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import FallzahlError

_running: set[Task] = set()


class _Runner(QObject):
    # The outcome stays on the runner and the GUI thread reads it when the (queued)
    # signal arrives: no Python objects travel through Qt's cross-thread queue.
    finished = Signal()

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.result: Any = None
        self.exc: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            self.exc = exc
        self.finished.emit()


class Task(QObject):
    done = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[FallzahlError], None],
        label: str = "",
    ) -> None:
        super().__init__()
        self._on_done, self._on_error = on_done, on_error
        self._thread = QThread()
        self._runner = _Runner(fn)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.progress: QProgressDialog | None = None
        if label:
            self.progress = QProgressDialog(label, "", 0, 0, parent)
            self.progress.setCancelButton(None)
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setMinimumDuration(0)
            self.progress.setAccessibleName(label)
            self.progress.show()

    def start(self) -> None:
        _running.add(self)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self in _running

    @Slot()
    def _finished(self) -> None:
        result, exc = self._runner.result, self._runner.exc
        self._runner.result = self._runner.exc = None
        self._thread.quit()
        self._thread.wait()
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        _running.discard(self)
        try:
            if exc is None:
                self._on_done(result)
            elif isinstance(exc, FallzahlError):
                self._on_error(exc)
            else:
                from ui import crash

                crash.report(exc)
        finally:
            self.done.emit()


def run(
    parent: QWidget | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[FallzahlError], None],
    label: str = "",
) -> Task:
    task = Task(parent, fn, on_done, on_error, label)
    task.start()
    return task


def busy() -> bool:
    """True while any task is running (tests wait on this)."""
    return bool(_running)
