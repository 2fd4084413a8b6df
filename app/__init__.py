"""Quorum: an offline reader and annotator for local-government meeting papers."""

NAME = "Quorum"
__version__ = "0.1.0"
