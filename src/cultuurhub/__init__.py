"""cultuurhub: the shared open data infrastructure of the Flemish cultural sector."""

__version__ = "0.1.0"
__all__ = ["__version__"]
