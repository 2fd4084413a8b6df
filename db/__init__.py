"""Persistence: SQLite through sqlite-utils, standard library only besides."""
