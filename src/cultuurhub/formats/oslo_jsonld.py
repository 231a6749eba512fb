"""OSLO JSON-LD: an RDF graph compacted with the published context, blank nodes nested.

rdflib compacts a graph into a flat ``@graph`` with every blank node as a node of its own.
Nesting each blank node that is referenced exactly once into the node that references it gives
the same RDF and the tree a reader expects: the record with its identifier, calendar, address and
prices inside it.
"""

from __future__ import annotations

from typing import Any

import orjson
from rdflib import Graph

from cultuurhub.formats.oslo_vocabulary import OSLO_CONTEXT

Node = dict[str, Any]


def compact(graph: Graph, context_url: str) -> dict[str, Any]:
    """Return ``graph`` as a JSON-LD document whose ``@context`` is ``context_url``."""
    text = graph.serialize(format="json-ld", context=OSLO_CONTEXT["@context"], auto_compact=True)
    loaded = orjson.loads(text)
    nodes: list[Node] = loaded.get("@graph", [loaded]) if isinstance(loaded, dict) else []
    nodes = [{k: v for k, v in node.items() if k != "@context"} for node in nodes]
    roots = _nest(nodes)
    if len(roots) == 1:
        return {"@context": context_url, **roots[0]}
    return {"@context": context_url, "@graph": roots}


def _nest(nodes: list[Node]) -> list[Node]:
    """Nest blank nodes referenced once; return the nodes left at the top."""
    by_id = {node["@id"]: node for node in nodes if _is_blank(node.get("@id"))}
    counts: dict[str, int] = {}
    for node in nodes:
        for key, value in node.items():
            if key != "@id":
                _count(value, by_id, counts)
    nested = {blank for blank, count in counts.items() if count == 1}
    roots = [node for node in nodes if node.get("@id") not in nested]
    return [_embed(node, by_id, nested, frozenset()) for node in roots]


def _is_blank(value: object) -> bool:
    return isinstance(value, str) and value.startswith("_:")


def _reference(value: object, by_id: dict[str, Node]) -> str | None:
    """Return the blank node a value refers to: ``{"@id": "_:b"}`` or (for @id terms) ``"_:b"``."""
    if isinstance(value, dict) and set(value) == {"@id"}:
        value = value["@id"]
    return value if isinstance(value, str) and value in by_id else None


def _count(value: object, by_id: dict[str, Node], counts: dict[str, int]) -> None:
    if isinstance(value, list):
        for item in value:
            _count(item, by_id, counts)
        return
    target = _reference(value, by_id)
    if target is not None:
        counts[target] = counts.get(target, 0) + 1


def _embed(node: Node, by_id: dict[str, Node], nested: set[str], path: frozenset[str]) -> Node:
    here = node.get("@id")
    inside = path | {here} if isinstance(here, str) else path
    result: Node = {}
    for key, value in node.items():
        if key == "@id" and here in nested:
            continue  # a nested blank node needs no name
        result[key] = _embed_value(value, by_id, nested, inside)
    return result


def _embed_value(value: Any, by_id: dict[str, Node], nested: set[str], path: frozenset[str]) -> Any:
    if isinstance(value, list):
        return [_embed_value(item, by_id, nested, path) for item in value]
    target = _reference(value, by_id)
    if target is None or target not in nested or target in path:
        return value
    return _embed(by_id[target], by_id, nested, path)
