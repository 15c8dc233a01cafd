"""Stage 1, files → articles: discovery, decoding, HTML and Markdown extraction, headline, outlet,
date stamps, furniture and paragraphs."""
