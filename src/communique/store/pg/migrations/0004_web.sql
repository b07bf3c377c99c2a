-- PostgreSQL twin of the SQLite migration 0004. Fetching from the web: what a conditional GET needs to know about each URL,
-- and where following a feed has got to, so a restarted `communique follow`
-- resumes instead of fetching every entry again.

CREATE TABLE http_state (
    url           TEXT PRIMARY KEY,      -- the URL as asked for
    final_url     TEXT NOT NULL,         -- where the redirects ended
    redirects     TEXT NOT NULL DEFAULT '[]' CHECK (CAST(redirects AS jsonb) IS NOT NULL),  -- the hops, in order
    status        INTEGER NOT NULL,      -- of the last response (200, 304, ...)
    etag          TEXT,
    last_modified TEXT,
    fetched_at    TEXT NOT NULL
);

CREATE TABLE feeds (
    url        TEXT PRIMARY KEY,
    title      TEXT,
    last_poll  TEXT,                     -- when it was last asked, successfully or not
    last_ok    TEXT,                     -- when it last answered with a feed (or 304)
    last_error TEXT                      -- why the last poll failed; NULL when it did not
);

CREATE TABLE feed_entries (
    feed_url  TEXT NOT NULL,
    entry_key TEXT NOT NULL,             -- the entry's id, else its link, else a content hash
    link      TEXT,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
