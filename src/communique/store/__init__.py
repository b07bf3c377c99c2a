"""The database: stores analysed articles and reads them back with filters.

``open_store(path)`` gives a :class:`Store`; all SQL lives in this package so
another backend can stand behind the same methods.
"""

from communique.errors import StoreError
from communique.store.sqlite import Store, open_store

__all__ = ["Store", "StoreError", "open_store"]
