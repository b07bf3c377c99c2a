"""Corpus-wide aggregates remembered until the database changes.

Counting every event by dyad or month takes a noticeable fraction of a second
on a large database, and the answer only changes when articles are stored, so
results are kept per (function, arguments, data version) and dropped when the
version moves on. Reads stay exact: a stored article bumps the version.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from communique.store import Store
from communique.store import aggregate as agg

__all__ = ["Cache"]


class Cache:
    def __init__(self, size: int = 256) -> None:
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, store: Store, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(store.conn, *args, **kwargs)``, from memory when the data has not changed."""
        version = agg.data_version(store.conn)
        key = json.dumps([fn.__name__, version, args, kwargs], sort_keys=True, default=str)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = fn(store.conn, *args, **kwargs)
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value
