"""Stage 2, articles → analysis (index time only): natasha's models, sentences and tokens, names,
date mentions and events, speech, figures, search terms. Query commands never import the pipeline."""
