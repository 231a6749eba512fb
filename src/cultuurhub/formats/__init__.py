"""Crosswalks between the hub's wire shapes and outside formats, and safe XML parsing."""

from cultuurhub.formats.belgian_dates import parse_datetime, parse_price, parse_range
from cultuurhub.formats.dublin_core import MappedRecord, MappingNote, map_oai_dc
from cultuurhub.formats.edm import map_edm
from cultuurhub.formats.lido import map_lido
from cultuurhub.formats.tabular_mapping import MappingFileError, TabularMapping, load_mapping
from cultuurhub.formats.uitdatabank import detect_type, normalise
from cultuurhub.formats.xml_safety import UnsafeXml, XmlError, XmlSyntax, parse_xml

__all__ = [
    "MappedRecord",
    "MappingFileError",
    "MappingNote",
    "TabularMapping",
    "UnsafeXml",
    "XmlError",
    "XmlSyntax",
    "detect_type",
    "load_mapping",
    "map_edm",
    "map_lido",
    "map_oai_dc",
    "normalise",
    "parse_datetime",
    "parse_price",
    "parse_range",
    "parse_xml",
]
