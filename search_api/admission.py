"""Admission by priority: under load, quick requests are not queued behind slow ones.

Every handler of a process shares one interpreter, and each request doing Python work
slows all the others (the GIL is handed round in 5 ms slices). So at most `slots`
requests work at once, the rest wait without using the CPU, and when a slot frees the
most urgent waiting request goes first: a search before a page, a page before an answer.
Waiting requests of one priority go in arrival order. There is no ageing: were searches
alone to keep every slot busy, answers would wait until they eased (under the closed-loop
load of benchmarks/bench_load.py they never starved).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import threading
from collections.abc import Iterator

SEARCH, PAGE, ANSWER = 0, 1, 2
# One request per core can keep the cores busy (the model and SQLite release the GIL);
# one more hides the gaps between requests.
DEFAULT_SLOTS = (os.cpu_count() or 1) + 1


class PriorityGate:
    def __init__(self, slots: int = DEFAULT_SLOTS):
        self.slots = slots
        self._running = 0
        self._waiting: list[tuple[int, int]] = []  # (priority, arrival): a heap, most urgent first
        self._arrivals = itertools.count()
        self._changed = threading.Condition()
        self._local = threading.local()

    @contextlib.contextmanager
    def admitted(self, priority: int) -> Iterator[None]:
        """Hold a slot while the block runs. A block that enters again on the same thread keeps
        the slot it has: waiting for a second one could deadlock."""
        if getattr(self._local, "inside", False):
            yield
            return
        ticket = (priority, next(self._arrivals))
        with self._changed:
            heapq.heappush(self._waiting, ticket)
            while self._running >= self.slots or self._waiting[0] != ticket:
                self._changed.wait()
            heapq.heappop(self._waiting)
            self._running += 1
            # The next in line may fit in a slot that is still free.
            self._changed.notify_all()
        self._local.inside = True
        try:
            yield
        finally:
            self._local.inside = False
            with self._changed:
                self._running -= 1
                self._changed.notify_all()

    @property
    def waiting(self) -> int:
        with self._changed:
            return len(self._waiting)


GATE = PriorityGate()
