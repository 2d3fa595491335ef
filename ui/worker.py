"""Run one slow app/ call (Argon2id, backup, restore) off the GUI thread.

``run(parent, fn, on_done, on_error, label)`` starts ``fn()`` in a QThread and calls
``on_done(result)`` or ``on_error(exc)`` back in the GUI thread; with a label, a modal
progress dialog is shown while it runs. Without ``cancel`` it has no cancel button; with a
``threading.Event`` as ``cancel`` it has one: pressing it sets the event (``fn`` checks it
between its steps and stops early), closes the dialog at once and calls ``on_cancel``;
the outcome of ``fn`` is then dropped. ``run_with_progress`` hands ``fn`` a ``report(done,
total)`` callback that moves the bar (key rotation). A FallzahlError goes to
``on_error``; anything else is a bug and goes to the crash handler.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
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
    progressed = Signal(int, int)  # (done, total), emitted from the worker thread

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[FallzahlError], None],
        label: str = "",
        cancel: threading.Event | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._on_done, self._on_error = on_done, on_error
        self._cancel, self._on_cancel = cancel, on_cancel
        self.cancelled = False
        self._thread = QThread()
        self._runner = _Runner(fn)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.progress: QProgressDialog | None = None
        if label:
            self.progress = QProgressDialog(label, "", 0, 0, parent)
            if cancel is None:
                self.progress.setCancelButton(None)
            else:
                self.progress.setCancelButtonText(QCoreApplication.translate("worker", "Abbrechen"))
                self.progress.canceled.connect(self.cancel)
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setMinimumDuration(0)
            self.progress.setAccessibleName(label)
            self.progress.show()
        self.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    def report(self, done: int, total: int) -> None:
        """Called by ``fn`` from the worker thread: moves the progress bar."""
        self.progressed.emit(done, total)

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def start(self) -> None:
        _running.add(self)
        self._thread.start()

    @Slot()
    def cancel(self) -> None:
        """Ask ``fn`` to stop, close the progress dialog and forget the outcome."""
        if self.cancelled or not self.running:
            return
        self.cancelled = True
        if self._cancel is not None:
            self._cancel.set()
        self._close_progress()
        if self._on_cancel is not None:
            self._on_cancel()

    def _close_progress(self) -> None:
        if self.progress is not None:
            progress, self.progress = self.progress, None
            if self._cancel is not None:  # closing a progress dialog emits canceled
                progress.canceled.disconnect(self.cancel)
            progress.close()
            progress.deleteLater()

    @property
    def running(self) -> bool:
        return self in _running

    @Slot()
    def _finished(self) -> None:
        result, exc = self._runner.result, self._runner.exc
        self._runner.result = self._runner.exc = None
        self._thread.quit()
        self._thread.wait()
        self._close_progress()
        _running.discard(self)
        try:
            if self.cancelled and (exc is None or isinstance(exc, FallzahlError)):
                pass  # the user cancelled: the outcome is no longer wanted
            elif exc is None:
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
    *,
    cancel: threading.Event | None = None,
    on_cancel: Callable[[], None] | None = None,
) -> Task:
    task = Task(parent, fn, on_done, on_error, label, cancel, on_cancel)
    task.start()
    return task


def run_with_progress(
    parent: QWidget | None,
    fn: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[FallzahlError], None],
    label: str,
) -> Task:
    """As ``run``, but ``fn(report)`` may call ``report(done, total)`` to fill the bar."""
    holder: list[Task] = []
    task = Task(parent, lambda: fn(holder[0].report), on_done, on_error, label)
    holder.append(task)
    task.start()
    return task


def busy() -> bool:
    """True while any task is running (tests wait on this)."""
    return bool(_running)
