"""Deterministic, realistic Flemish demo and benchmark data: events, places, organizers, heritage.

``generate(size, seed)`` yields plain JSON documents in the hub's wire shapes (UiTdatabank JSON-LD
for events, places and organizers; the hub's heritage shape for objects and agents), each with the
account organisation that owns it. Same seed and size, same records.
"""

from cultuurhub.demo.calendars import REFERENCE_DATE
from cultuurhub.demo.loading import LoadReport, load_demo
from cultuurhub.demo.records import RECORD_TYPES, DemoOrganisation, DemoRecord
from cultuurhub.demo.service import DemoCounts, demo_counts, demo_organisations, generate

__all__ = [
    "RECORD_TYPES",
    "REFERENCE_DATE",
    "DemoCounts",
    "DemoOrganisation",
    "DemoRecord",
    "LoadReport",
    "demo_counts",
    "demo_organisations",
    "generate",
    "load_demo",
]
