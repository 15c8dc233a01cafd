"""Shared language data: the calendar (month names, stamps), text normalisation, transliteration, the
commonest words of news prose.

No stage of its own: every stage may use it; it imports nothing of kzcli."""
