"""natasha's neural taggers (morphology, named entities, syntax) over sentences already split into words.

natasha's `Doc` tags a document's sentences eight at a time in text order, and its NER tokenises the
whole text again and reads it as one long sequence. Here each model gets only the sentences it is asked
about, sorted by length so that a batch pads little, and returns plain tags.
"""

from __future__ import annotations

BATCH_SENTENCES = 32


class Taggers:
    """The three slovnet models natasha ships, sharing one embedding; loading takes about a second."""

    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

        embedding = NewsEmbedding()
        self._morph = NewsMorphTagger(embedding).infer
        self._ner = NewsNERTagger(embedding).infer
        self._syntax = NewsSyntaxParser(embedding).infer
        for infer in (self._morph, self._ner, self._syntax):
            infer.encoder.batch_size = BATCH_SENTENCES

    def morph(self, sentences: list[list[str]]) -> list[list[str]]:
        """A tag per word: "NOUN|Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing" (features sorted)."""
        return _by_length(self._morph, sentences)

    def ner(self, sentences: list[list[str]]) -> list[list[str]]:
        """A BIO tag per word: "B-PER", "I-LOC", "O".

        Each sentence is read after a full stop, as in running text: alone, the model misses many names
        that open a sentence ("Токаев заявил…").
        """
        return [tags[1:] for tags in _by_length(self._ner, [["."] + words for words in sentences])]

    def syntax(self, sentences: list[list[str]]) -> list[list[tuple[int, str]]]:
        """(index of the head word, -1 for the root; relation) per word."""
        parsed = _by_length(self._syntax, sentences)
        return [[(int(head) - 1, rel) for head, rel in zip(*parse[1:])] if parse else [] for parse in parsed]


def _by_length(infer, sentences: list[list[str]]) -> list:
    """Run one slovnet model over the sentences in order of length; results come back in input order."""
    order = sorted((i for i, words in enumerate(sentences) if words), key=lambda i: len(sentences[i]))
    results: list = [[] for _ in sentences]
    if order:
        predictions = infer.decoder(infer.process(infer.encoder([sentences[i] for i in order])))
        for index, prediction in zip(order, predictions):
            results[index] = prediction
    return results
