"""The priority gate that keeps searches quick under load: order, slots, re-entry."""

from __future__ import annotations

import threading
import time

from search_api.admission import ANSWER, PAGE, SEARCH, PriorityGate


def _wait_until(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_a_freed_slot_goes_to_the_most_urgent_waiting_request():
    gate = PriorityGate(slots=1)
    admitted: list[int] = []
    release = threading.Event()

    def holder():
        with gate.admitted(PAGE):
            release.wait(5)

    def request(priority: int):
        with gate.admitted(priority):
            admitted.append(priority)

    first = threading.Thread(target=holder)
    first.start()
    _wait_until(lambda: gate._running == 1)
    waiting = []
    # Arriving slowest kind first: arrival order alone would admit the answer first.
    for count, priority in enumerate([ANSWER, PAGE, SEARCH, PAGE], start=1):
        waiting.append(threading.Thread(target=request, args=(priority,)))
        waiting[-1].start()
        _wait_until(lambda count=count: gate.waiting == count)
    release.set()
    for thread in [first, *waiting]:
        thread.join(5)
    assert admitted == [SEARCH, PAGE, PAGE, ANSWER]


def test_no_more_requests_work_at_once_than_there_are_slots():
    gate = PriorityGate(slots=2)
    lock, now, most = threading.Lock(), [0], [0]

    def request(priority: int):
        with gate.admitted(priority):
            with lock:
                now[0] += 1
                most[0] = max(most[0], now[0])
            time.sleep(0.005)
            with lock:
                now[0] -= 1

    threads = [threading.Thread(target=request, args=(i % 3,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert most[0] == 2 and gate.waiting == 0 and gate._running == 0


def test_a_request_that_reenters_keeps_its_slot():
    gate = PriorityGate(slots=1)
    with gate.admitted(SEARCH):
        with gate.admitted(ANSWER):  # would wait for ever for a second slot
            assert gate._running == 1
    assert gate._running == 0
