"""Crosswalks between the hub's wire shapes and outside formats, and safe XML parsing."""

from cultuurhub.formats.belgian_dates import parse_datetime, parse_price, parse_range
from cultuurhub.formats.csv_safety import neutralise_cell
from cultuurhub.formats.dc_out import DcContext, event_to_oai_dc, object_to_oai_dc
from cultuurhub.formats.dublin_core import MappedRecord, MappingNote, map_oai_dc
from cultuurhub.formats.edm import map_edm
from cultuurhub.formats.edm_out import EdmContext, edm_bytes, edm_element
from cultuurhub.formats.lido import map_lido
from cultuurhub.formats.oslo import (
    OSLO_CLASSES,
    OsloRecord,
    OsloUnsupported,
    oslo_graph,
    oslo_jsonld,
    oslo_turtle,
    oslo_turtle_dump,
)
from cultuurhub.formats.oslo_record import OsloProvenance
from cultuurhub.formats.oslo_vocabulary import OSLO_CONTEXT, OSLO_PROFILE
from cultuurhub.formats.tabular_mapping import MappingFileError, TabularMapping, load_mapping
from cultuurhub.formats.uitdatabank import detect_type, normalise
from cultuurhub.formats.xml_safety import UnsafeXml, XmlError, XmlSyntax, parse_xml

__all__ = [
    "OSLO_CLASSES",
    "OSLO_CONTEXT",
    "OSLO_PROFILE",
    "DcContext",
    "EdmContext",
    "MappedRecord",
    "MappingFileError",
    "MappingNote",
    "OsloProvenance",
    "OsloRecord",
    "OsloUnsupported",
    "TabularMapping",
    "UnsafeXml",
    "XmlError",
    "XmlSyntax",
    "detect_type",
    "edm_bytes",
    "edm_element",
    "event_to_oai_dc",
    "load_mapping",
    "map_edm",
    "map_lido",
    "map_oai_dc",
    "neutralise_cell",
    "normalise",
    "object_to_oai_dc",
    "oslo_graph",
    "oslo_jsonld",
    "oslo_turtle",
    "oslo_turtle_dump",
    "parse_datetime",
    "parse_price",
    "parse_range",
    "parse_xml",
]
