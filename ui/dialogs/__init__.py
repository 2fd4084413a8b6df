"""Dialogs: errors, crash report, about."""
