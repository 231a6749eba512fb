"""Server-rendered pages (Jinja2), Dutch first with English beside it."""

from cultuurhub.web.pages import STATIC_DIR, render_home

__all__ = ["STATIC_DIR", "render_home"]
