"""The HTTP interface: records as JSON-LD, health, OpenAPI documentation at /docs."""

from cultuurhub.api.app import create_app

__all__ = ["create_app"]
