"""Stage 4, questions over the index: article selection and filters, search, reports, compare."""
