-- The user's own actor lists kept in the database, so that every later ingest into
-- it (from any machine or user) resolves actors the same way without --actors.
-- The file's text is stored, not its path: the database carries its dictionary.

CREATE TABLE actor_files (
    name     TEXT PRIMARY KEY,           -- file name as added (its extension names the format)
    content  TEXT NOT NULL,
    sha256   TEXT NOT NULL,
    added_at TEXT NOT NULL
);
