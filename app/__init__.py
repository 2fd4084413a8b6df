"""Quorum: an offline reader and annotator for local-government meeting papers."""

NAME = "Quorum"
__version__ = "0.1.0"
# The CLI's subcommands, here so the entry point tells them from file names without loading the CLI.
COMMANDS = frozenset({"text", "import", "list", "analyze", "annotate", "annotations", "backup"})
