"""Duplicates: syndicated copies of one story, and the same event reported many times."""
