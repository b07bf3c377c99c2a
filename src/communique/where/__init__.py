"""Event places: the offline gazetteer and finding where an event happened."""
