"""Stage 5, records → the screen or a pipe: tables, plain text, JSON, side-by-side sheets."""
