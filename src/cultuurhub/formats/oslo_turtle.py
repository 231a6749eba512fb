"""Turtle for dumps: one record's triples written as a nested block, fast enough for millions.

rdflib's Turtle serialiser takes about 6 ms for one event (it sorts, counts and computes names
for a general graph). A record is a tree around its IRI, so a dump can write it directly: the
record's predicates, each blank node used once nested as ``[ … ]``, any other blank node as a
block of its own. Terms are escaped by rdflib (``Literal.n3``); tests parse whole dumps back with
rdflib and compare them with the graphs of :func:`cultuurhub.formats.oslo_graph`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

_LOCAL_NAME = re.compile(r"^[A-Za-z_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_INDENT = "    "


class TurtleNames:
    """Short names (``cp:thema``) for the IRIs under the dump's prefixes, remembered once made."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # Longest namespace first, so that ``cp:Activiteit.prijs`` is not cut at a shorter one.
        self._namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self._known: dict[str, tuple[str, str | None]] = {}
        self.used: set[str] = set()

    def header(self, only_used: bool = False) -> str:
        """Return the ``@prefix`` lines (all, or only those the names made so far use)."""
        lines = [
            f"@prefix {prefix}: <{namespace}> ."
            for prefix, namespace in self._namespaces
            if not only_used or prefix in self.used
        ]
        return "\n".join(sorted(lines)) + "\n\n"

    def iri(self, iri: str) -> str:
        """Return ``prefix:local`` when a prefix covers the IRI, else ``<iri>``."""
        found = self._known.get(iri)
        if found is None:
            found = self._name(iri)
            if len(self._known) < 100_000:
                self._known[iri] = found
        name, prefix = found
        if prefix is not None:
            self.used.add(prefix)
        return name

    def _name(self, iri: str) -> tuple[str, str | None]:
        for prefix, namespace in self._namespaces:
            if iri.startswith(namespace) and _LOCAL_NAME.match(iri[len(namespace) :]):
                return f"{prefix}:{iri[len(namespace) :]}", prefix
        return URIRef(iri).n3(), None

    def term(self, node: Node) -> str:
        """Return one term in Turtle: IRI, literal, or blank node label."""
        if isinstance(node, Literal):
            text = Literal(str(node)).n3()
            if node.language:
                return f"{text}@{node.language}"
            return f"{text}^^{self.iri(str(node.datatype))}" if node.datatype else text
        if isinstance(node, BNode):
            return f"_:{node}"
        return "a" if node == RDF.type else self.iri(str(node))


def turtle_block(triples: Iterable[tuple[Node, Node, Node]], root: Node, names: TurtleNames) -> str:
    """Write the triples of one record, starting from ``root``, as Turtle statements."""
    by_subject: dict[Node, list[tuple[Node, Node]]] = {}
    uses: dict[Node, int] = {}
    for subject, predicate, value in triples:
        by_subject.setdefault(subject, []).append((predicate, value))
        if isinstance(value, BNode):
            uses[value] = uses.get(value, 0) + 1
    nested = {node for node, count in uses.items() if count == 1 and node in by_subject}
    tops = [root] + [s for s in by_subject if s != root and s not in nested]
    _break_cycles(by_subject, nested, tops)
    writer = _Writer(by_subject, nested, names)
    return "".join(writer.statement(subject) for subject in tops if subject in by_subject)


def _break_cycles(
    by_subject: dict[Node, list[tuple[Node, Node]]], nested: set[Node], tops: list[Node]
) -> None:
    """Make blank nodes that no top statement reaches (a cycle) statements of their own."""
    while True:
        reached: set[Node] = set()
        stack = [node for node in tops if node in by_subject]
        while stack:
            for _, value in by_subject[stack.pop()]:
                if value in nested and value not in reached:
                    reached.add(value)
                    stack.append(value)
        lost = nested - reached
        if not lost:
            return
        orphan = min(lost, key=str)
        nested.discard(orphan)
        tops.append(orphan)


class _Writer:
    def __init__(
        self,
        by_subject: dict[Node, list[tuple[Node, Node]]],
        nested: set[Node],
        names: TurtleNames,
    ) -> None:
        self.by_subject, self.nested, self.names = by_subject, nested, names

    def statement(self, subject: Node) -> str:
        return f"{self.names.term(subject)}{self.predicates(subject, 1)} .\n\n"

    def predicates(self, subject: Node, depth: int) -> str:
        grouped: dict[str, list[str]] = {}
        for predicate, value in self.by_subject[subject]:
            grouped.setdefault(self.names.term(predicate), []).append(self.value(value, depth))
        ordered = sorted(grouped.items(), key=lambda item: (item[0] != "a", item[0]))
        pad = _INDENT * depth
        lines = [f"{verb} {self.objects(values, pad + _INDENT)}" for verb, values in ordered]
        return " " + (" ;\n" + pad).join(lines)

    def objects(self, values: list[str], pad: str) -> str:
        values = sorted(values)
        if len(values) > 1 and any("\n" in value for value in values):
            return (",\n" + pad).join(values)  # several nested blocks: one per line
        return ", ".join(values)

    def value(self, value: Node, depth: int) -> str:
        if value in self.nested:
            return f"[{self.predicates(value, depth + 1)} ]"
        return self.names.term(value)
