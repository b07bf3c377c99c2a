-- Syndicated copies and duplicate events.
--
-- Syndication: every stored article's MinHash signature (over word shingles of
-- its text) and its LSH band buckets, so that an article ingested later is
-- matched against every earlier one without loading them. Each article in a
-- group of copies points to the group's original (the earliest published).
--
-- Event groups: one canonical event per (date, actor codes, recipient codes,
-- event type); every stored mention belongs to exactly one group.

CREATE TABLE syndication_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    num_perm   INTEGER NOT NULL,
    signature  BLOB NOT NULL           -- num_perm unsigned 64-bit hash values, little-endian
);

CREATE TABLE syndication_bands (
    band       INTEGER NOT NULL,
    bucket     INTEGER NOT NULL,       -- a hash of the signature's rows in this band
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;

CREATE INDEX syndication_bands_article ON syndication_bands (article_id);

CREATE TABLE syndication_members (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id INTEGER NOT NULL REFERENCES articles(id),  -- itself for the original
    similarity  REAL                                       -- estimated Jaccard with the match
);

CREATE INDEX syndication_members_original ON syndication_members (original_id);

CREATE TABLE event_groups (
    id              INTEGER PRIMARY KEY,
    group_key       TEXT NOT NULL UNIQUE,  -- date|actor codes|recipient codes|event type
    date            TEXT,
    event_type      TEXT NOT NULL COLLATE NOCASE,
    actor_codes     TEXT NOT NULL,         -- sorted, ';'-joined
    recipient_codes TEXT NOT NULL
);

CREATE INDEX event_groups_date ON event_groups (date);
CREATE INDEX event_groups_type ON event_groups (event_type);

CREATE TABLE event_group_members (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES event_groups(id) ON DELETE CASCADE
);

CREATE INDEX event_group_members_group ON event_group_members (group_id);
