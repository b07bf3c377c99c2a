"""Scaling out: analysis in several processes on one machine (:mod:`.workers`)."""

from .workers import WorkerPool

__all__ = ["WorkerPool"]
