"""Navigation over one sentence's dependency tree (natasha's syntax, as stored in the index)."""

from __future__ import annotations


class Tree:
    """Children, subtrees and text extents of a sentence's tokens.

    natasha's parser can return a cycle of heads, so every walk remembers where it has been.
    """

    def __init__(self, sent) -> None:
        self.sent = sent
        self.children: dict[int, list[int]] = {}
        for index, token in enumerate(sent.tokens):
            self.children.setdefault(token.head, []).append(index)

    def kids(self, i: int, rels: set[str] | None = None) -> list[int]:
        return [c for c in self.children.get(i, []) if rels is None or self.sent.tokens[c].rel in rels]

    def descendants(self, i: int, rels: set[str], depth: int) -> list[int]:
        found, frontier = [], [i]
        for _ in range(depth):
            frontier = [c for node in frontier for c in self.kids(node, rels) if c not in found and c != i]
            found += frontier
        return found

    def subtree(self, i: int, keep=lambda child: True) -> list[int]:
        """Token i and everything below it, descending only into children `keep` accepts."""
        nodes, seen, frontier = [i], {i}, [i]
        while frontier:
            frontier = [c for node in frontier for c in self.children.get(node, []) if c not in seen and keep(c)]
            seen.update(frontier)
            nodes += frontier
        return nodes

    def extent(self, i: int) -> tuple[int, int]:
        """Sentence offsets covering the subtree of token i."""
        nodes = self.subtree(i)
        tokens = self.sent.tokens
        return min(tokens[n].start for n in nodes), max(tokens[n].start + len(tokens[n].text) for n in nodes)

