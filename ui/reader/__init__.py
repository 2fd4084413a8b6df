"""The reader: a document's text shown for comfortable reading."""
