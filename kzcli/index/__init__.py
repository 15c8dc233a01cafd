"""Stage 3, analysis → the SQLite index: rows and schema, incremental updates, the corpus-wide passes."""
