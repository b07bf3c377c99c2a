"""Keeping syndicated copies linked to their original as articles arrive.

Called by the write path for every new article, inside the caller's
transaction. The article's MinHash signature and LSH buckets are stored;
articles sharing a bucket are candidates, confirmed by their estimated
similarity. A group of copies has one original: the earliest published (ties
go to the one stored first). Every other member's ``republished_from`` names
the original by URL, or by article id when it has no URL, so that every
interface that shows an article can say where it came from.
"""

from __future__ import annotations

from typing import Any

from communique.dedup.minhash import (
    NUM_PERM,
    THRESHOLD,
    band_buckets,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    similarity,
)
from communique.model import Article

__all__ = ["link_syndicated"]

_MEMBER = (
    "INSERT INTO syndication_members (article_id, original_id, similarity) VALUES (?, ?, ?) "
    "ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, "
    "similarity = excluded.similarity"
)


def _candidates(conn: Any, rowid: int, buckets: list[tuple[int, int]]) -> set[int]:
    found: set[int] = set()
    for band, bucket in buckets:
        for (other,) in conn.execute(
            "SELECT b.article_id FROM syndication_bands b JOIN articles a ON a.id = b.article_id "
            "WHERE b.band = ? AND b.bucket = ? AND b.article_id <> ? AND a.is_latest = 1",
            (band, bucket, rowid),
        ):
            found.add(other)
    return found


def _sort_key(conn: Any, rowid: int) -> tuple[bool, str, int]:
    (pub_date,) = conn.execute("SELECT pub_date FROM articles WHERE id = ?", (rowid,)).fetchone()
    return (pub_date is None, pub_date or "", rowid)


def _reference(conn: Any, rowid: int) -> str:
    url, public_id = conn.execute(
        "SELECT url, article_id FROM articles WHERE id = ?", (rowid,)
    ).fetchone()
    return url or public_id


def link_syndicated(conn: Any, rowid: int, article: Article, values: Any = None) -> int:
    """Index the new article and join it to the group of any story it copies.

    Returns the row id of the original of its group (itself when it is the
    original or has no copies). An original keeps whatever ``republished_from``
    its source declared; every copy points to the group's original. ``values`` is
    the article's signature when it was computed ahead.
    """
    if values is None:
        values = signature(article.text)
    buckets = band_buckets(values)
    conn.execute(
        "INSERT INTO syndication_signatures (article_id, num_perm, signature) VALUES (?, ?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET num_perm = excluded.num_perm, "
        "signature = excluded.signature",
        (rowid, NUM_PERM, signature_to_bytes(values)),
    )
    conn.executemany(
        "INSERT INTO syndication_bands (band, bucket, article_id) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [(band, bucket, rowid) for band, bucket in buckets],
    )
    best: dict[int, float] = {}  # original row id -> best similarity with one of its group
    for other in _candidates(conn, rowid, buckets):
        row = conn.execute(
            "SELECT s.signature, COALESCE(m.original_id, s.article_id) "
            "FROM syndication_signatures s "
            "LEFT JOIN syndication_members m ON m.article_id = s.article_id "
            "WHERE s.article_id = ?",
            (other,),
        ).fetchone()
        if row is None:
            continue
        score = similarity(values, signature_from_bytes(row[0]))
        if score >= THRESHOLD:
            best[row[1]] = max(best.get(row[1], 0.0), score)
    if not best:
        conn.execute(_MEMBER, (rowid, rowid, None))
        return rowid
    original = min([rowid, *best], key=lambda r: _sort_key(conn, r))
    conn.execute(_MEMBER, (rowid, original, max(best.values())))
    # Groups the new article bridges become one group under the earliest original.
    for old in best:
        conn.execute(
            "UPDATE syndication_members SET original_id = ? WHERE original_id = ?", (original, old)
        )
    conn.execute(
        "UPDATE articles SET republished_from = ? WHERE id IN "
        "(SELECT article_id FROM syndication_members WHERE original_id = ? AND article_id <> ?)",
        (_reference(conn, original), original, original),
    )
    return original
