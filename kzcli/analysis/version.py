"""The version of what indexing derives from an article's text.

Every index row records the version that analysed it; an article analysed by another version is analysed
again on the next run, so a fix reaches indexes built before it. Raise the number in any change that
alters what reading, structure or analysis produce (titles, dates, events, quotes, people, figures, terms).
"""

ANALYSIS_VERSION = 141
