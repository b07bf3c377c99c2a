-- Event places (PLOVER's event_loc), geocoded offline: the name as the text gives it and as
-- the gazetteer resolved it, ISO alpha-3 country code (as actor codes), province, coordinates,
-- GeoNames feature, how precise it is (city, region, country) and how it was found (clause,
-- dateline, actor, article). Events without a place keep NULLs. Contexts stay in events.context,
-- now ranked strongest first.

ALTER TABLE events ADD COLUMN place_text TEXT;
ALTER TABLE events ADD COLUMN place_name TEXT;
ALTER TABLE events ADD COLUMN place_country TEXT;
ALTER TABLE events ADD COLUMN place_country_name TEXT;
ALTER TABLE events ADD COLUMN place_admin1 TEXT;
ALTER TABLE events ADD COLUMN place_lat REAL;
ALTER TABLE events ADD COLUMN place_lon REAL;
ALTER TABLE events ADD COLUMN place_feature_class TEXT;
ALTER TABLE events ADD COLUMN place_feature_code TEXT;
ALTER TABLE events ADD COLUMN place_geonameid INTEGER;
ALTER TABLE events ADD COLUMN place_precision TEXT
    CHECK (place_precision IS NULL OR place_precision IN ('city', 'region', 'country'));
ALTER TABLE events ADD COLUMN place_found_by TEXT
    CHECK (place_found_by IS NULL OR place_found_by IN ('clause', 'dateline', 'actor', 'article'));

CREATE INDEX events_place_country ON events (place_country COLLATE NOCASE);
CREATE INDEX events_date_precision ON events (date_precision);
