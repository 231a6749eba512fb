"""The one hardened way to read outside XML: no network, no entities, no DTDs, bounded size.

Every XML document that enters the hub (LIDO, EDM, OAI-PMH, Dublin Core) goes through
:func:`parse_xml` or :func:`iter_elements`. Both refuse a DOCTYPE that declares entities or points
at an external DTD (XXE, billion laughs, network fetches), never resolve an entity, never touch
the network, and refuse input over a size bound. Problems raise :class:`UnsafeXml` or
:class:`XmlSyntax`, both :class:`XmlError`, with a message that names the line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

DEFAULT_MAX_XML_BYTES = 200 * 1024 * 1024
_POSITION = re.compile(r",? line \d+, column \d+$")

__all__ = [
    "DEFAULT_MAX_XML_BYTES",
    "UnsafeXml",
    "XmlError",
    "XmlSyntax",
    "iter_elements",
    "parse_xml",
]


class XmlError(ValueError):
    """XML the hub will not read; ``line`` is where the problem is, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message if line is None else f"{message} (line {line})")
        self.line = line


class UnsafeXml(XmlError):
    """XML refused for safety: entity declarations, external DTDs or too many bytes."""


class XmlSyntax(XmlError):
    """XML that is not well-formed."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, max_bytes: int = DEFAULT_MAX_XML_BYTES) -> etree._Element:
    """Parse ``data`` into its root element, refusing unsafe or malformed XML."""
    _check_size(data, max_bytes)
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.LxmlError as error:
        raise _syntax(error) from None
    except ValueError as error:
        raise XmlSyntax(f"Not readable as XML: {error}") from None
    _check_doctype(root.getroottree())
    return root


def iter_elements(
    data: bytes, tag: str, max_bytes: int = DEFAULT_MAX_XML_BYTES
) -> Iterator[etree._Element]:
    """Yield each complete ``tag`` element (Clark notation) of a large file, freeing it after."""
    _check_size(data, max_bytes)
    events = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    checked = False
    try:
        for _event, element in events:
            if not checked:
                _check_doctype(element.getroottree())
                checked = True
            yield element
            _free(element)
    except etree.LxmlError as error:
        raise _syntax(error) from None
    if not checked and events.root is not None:
        _check_doctype(events.root.getroottree())


def _free(element: etree._Element) -> None:
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _check_size(data: bytes, max_bytes: int) -> None:
    if not isinstance(data, bytes | bytearray):
        raise XmlSyntax("XML must be given as bytes")
    if len(data) > max_bytes:
        raise UnsafeXml(f"XML of {len(data):,} bytes is over the limit of {max_bytes:,} bytes")


def _check_doctype(tree: etree._ElementTree) -> None:
    docinfo: Any = tree.docinfo  # lxml-stubs lack system_url and DTD.iterentities
    if docinfo.system_url or docinfo.public_id:
        raise UnsafeXml(
            f"XML refers to an external DTD ({docinfo.system_url or docinfo.public_id})"
        )
    dtd: Any = docinfo.internalDTD
    if dtd is not None and (any(True for _ in dtd.iterentities()) or dtd.system_url):
        raise UnsafeXml("XML declares entities in its DOCTYPE (<!ENTITY>); refused")


def _syntax(error: etree.LxmlError) -> XmlError:
    message = str(getattr(error, "msg", None) or error) or "not well-formed"
    message = _POSITION.sub("", message)
    line = getattr(error, "lineno", None)
    line = line if isinstance(line, int) and line > 0 else None
    lowered = message.lower()
    if "entity" in lowered or "amplification" in lowered or "huge" in lowered:
        return UnsafeXml(f"XML refused: {message}", line)
    return XmlSyntax(f"XML is not well-formed: {message}", line)
