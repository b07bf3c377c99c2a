-- Initial schema: articles (with versions), sentences, events and their actors,
-- quotes, failures, and full-text indexes over quotes and articles.
--
-- Dates are ISO-8601 text (YYYY-MM-DD), timestamps ISO-8601 UTC. Offsets are
-- Python str indices into the article's text (or title when section = 'title').

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    -- The public id: Article.id (story_id, or a content-hash prefix), made unique
    -- per story by the store when two unrelated stories would share it.
    article_id       TEXT NOT NULL,
    -- Row id of the first version of this story; equal to id for a first version.
    lineage_id       INTEGER REFERENCES articles(id),
    story_id         TEXT,
    url              TEXT,
    title            TEXT,
    outlet           TEXT,
    byline           TEXT,
    pub_date         TEXT,
    pub_date_source  TEXT,
    language         TEXT NOT NULL DEFAULT 'en',
    source           TEXT NOT NULL,
    source_format    TEXT NOT NULL,
    content_hash     TEXT NOT NULL UNIQUE,
    version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    previous_id      INTEGER REFERENCES articles(id),
    is_latest        INTEGER NOT NULL DEFAULT 1 CHECK (is_latest IN (0, 1)),
    republished_from TEXT,
    text             TEXT NOT NULL,
    ingested_at      TEXT NOT NULL,
    extra            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))
);

CREATE UNIQUE INDEX articles_article_version ON articles (article_id, version);
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_latest_date ON articles (is_latest, pub_date);
CREATE INDEX articles_lineage ON articles (lineage_id);
CREATE INDEX articles_previous ON articles (previous_id);

CREATE TABLE sentences (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sequence   INTEGER NOT NULL,
    section    TEXT NOT NULL DEFAULT 'text' CHECK (section IN ('title', 'text')),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    UNIQUE (article_id, sequence)
);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    event_id         TEXT NOT NULL UNIQUE,          -- <article_id>-E<n>
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,              -- n: order within the article
    sentence_seq     INTEGER NOT NULL,
    section          TEXT NOT NULL DEFAULT 'text' CHECK (section IN ('title', 'text')),
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    event_type       TEXT NOT NULL COLLATE NOCASE,  -- PLOVER event type
    mode             TEXT,
    cameo            TEXT NOT NULL,
    goldstein        REAL NOT NULL,
    quad_code        INTEGER NOT NULL,
    date             TEXT,
    date_text        TEXT,
    date_precision   TEXT,
    event_text       TEXT NOT NULL,
    context          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(context)),
    UNIQUE (article_id, position),
    FOREIGN KEY (article_id, sentence_seq) REFERENCES sentences (article_id, sequence)
);

CREATE INDEX events_type ON events (event_type);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_quad ON events (quad_code);
CREATE INDEX events_sentence ON events (article_id, sentence_seq);

CREATE TABLE event_actors (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position        INTEGER NOT NULL,
    entity_text     TEXT NOT NULL,
    code            TEXT,
    sector          TEXT,
    identifier_id   TEXT,
    identifier_text TEXT,
    start           INTEGER,
    "end"           INTEGER,
    UNIQUE (event_id, role, position)
);

CREATE INDEX event_actors_code ON event_actors (code COLLATE NOCASE, role);
CREATE INDEX event_actors_identifier ON event_actors (identifier_id)
    WHERE identifier_id IS NOT NULL;

CREATE TABLE quotes (
    id                        INTEGER PRIMARY KEY,
    quote_id                  TEXT NOT NULL UNIQUE,  -- <article_id>-Q<n>
    article_id                INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position                  INTEGER NOT NULL,
    quote_text                TEXT NOT NULL,
    type                      TEXT NOT NULL,
    cue                       TEXT,
    section                   TEXT NOT NULL DEFAULT 'text' CHECK (section IN ('title', 'text')),
    start                     INTEGER NOT NULL,
    "end"                     INTEGER NOT NULL,
    sequence                  INTEGER,
    date                      TEXT,
    speaker_text              TEXT,
    speaker_code              TEXT,
    speaker_sector            TEXT,
    speaker_identifier_id     TEXT,
    speaker_identifier_text   TEXT,
    speaker_start             INTEGER,
    speaker_end               INTEGER,
    addressee_text            TEXT,
    addressee_code            TEXT,
    addressee_sector          TEXT,
    addressee_identifier_id   TEXT,
    addressee_identifier_text TEXT,
    addressee_start           INTEGER,
    addressee_end             INTEGER,
    UNIQUE (article_id, position)
);

CREATE INDEX quotes_speaker_code ON quotes (speaker_code COLLATE NOCASE);
CREATE INDEX quotes_date ON quotes (date);

CREATE TABLE failures (
    id     INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);

CREATE INDEX failures_source ON failures (source);

-- Full-text indexes. External-content tables: the text lives once, in the base
-- table; triggers keep the index in step.

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    quote_text, speaker_text, speaker_identifier_text,
    content = 'quotes', content_rowid = 'id'
);

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, quote_text, speaker_text, speaker_identifier_text)
    VALUES (new.id, new.quote_text, new.speaker_text, new.speaker_identifier_text);
END;

CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, quote_text, speaker_text, speaker_identifier_text)
    VALUES ('delete', old.id, old.quote_text, old.speaker_text, old.speaker_identifier_text);
END;

CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, quote_text, speaker_text, speaker_identifier_text)
    VALUES ('delete', old.id, old.quote_text, old.speaker_text, old.speaker_identifier_text);
    INSERT INTO quotes_fts (rowid, quote_text, speaker_text, speaker_identifier_text)
    VALUES (new.id, new.quote_text, new.speaker_text, new.speaker_identifier_text);
END;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
