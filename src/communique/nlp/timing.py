"""Where the time goes: cheap per-stage wall-clock accumulators.

The stages call one another (coding resolves actors and dates, quotes resolve
speakers), so each stage is charged only its own time: entering a nested stage
pauses the one around it. The figures then add up to the run's total and can
be compared across runs and processes (worker processes send theirs back).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from time import perf_counter
from typing import ParamSpec, TypeVar

__all__ = ["STAGES", "StageTimes"]

#: The stages in the order data flows through them.
STAGES = ("extraction", "language", "nlp", "actors", "coding", "dates", "quotes", "places",
          "store")

P = ParamSpec("P")
R = TypeVar("R")


class StageTimes(dict[str, float]):
    """Seconds spent in each stage, excluding the stages nested inside it."""

    def __init__(self) -> None:
        super().__init__()
        self._stack: list[list[object]] = []  # [stage, started]

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        now = perf_counter()
        if self._stack:
            outer = self._stack[-1]
            self[outer[0]] = self.get(outer[0], 0.0) + now - outer[1]  # type: ignore[index]
        self._stack.append([name, now])
        try:
            yield
        finally:
            now = perf_counter()
            _, started = self._stack.pop()
            self[name] = self.get(name, 0.0) + now - started  # type: ignore[operator]
            if self._stack:
                self._stack[-1][1] = now

    def timed(self, name: str, fn: Callable[P, R]) -> Callable[P, R]:
        """``fn`` with its calls charged to ``name``."""

        @wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            with self.stage(name):
                return fn(*args, **kwargs)

        return run

    def add(self, other: dict[str, float]) -> None:
        """Fold in figures measured elsewhere (another process)."""
        for name, seconds in other.items():
            self[name] = self.get(name, 0.0) + seconds

    def since(self, before: dict[str, float]) -> dict[str, float]:
        """What was spent after the snapshot ``before`` (a plain ``dict(times)``)."""
        return {name: s - before.get(name, 0.0) for name, s in self.items()
                if s - before.get(name, 0.0) > 0}
