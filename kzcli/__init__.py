"""kzcli: a command-line research assistant for Russian-language news.

The pipeline, one subpackage a stage: `ingest` (files → articles) → `analysis` (natasha → sentences,
entities, dates, events, quotes, figures) → `index` (SQLite) → `query` → `render`, under a thin typer
layer (`cli`); `lang` holds the language data every stage shares.

The same answers as the CLI, as plain records (lists of dicts, the `--json` fields), for a notebook or
a script:

>>> import kzcli                                                  # doctest: +SKIP
>>> store = kzcli.open_index(Path("~/news").expanduser())         # indexes what changed
>>> kzcli.quotes(store, person="Токаев")[0]["text"]
>>> rows, _, _ = kzcli.search(store, "Авраамовы соглашения", limit=5)

Names are loaded on first use, so `import kzcli` costs nothing at the command line.
"""

__version__ = "0.1.0"

_PUBLIC = {
    "open_index": "kzcli.index.indexer",
    "sources": "kzcli.query.reports",
    "search": "kzcli.query.reports",
    "quotes": "kzcli.query.reports",
    "timeline": "kzcli.query.reports",
    "people": "kzcli.query.reports",
    "article_view": "kzcli.query.reports",
    "resolve_article": "kzcli.query.reports",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        from importlib import import_module

        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'kzcli' has no attribute {name!r}")
