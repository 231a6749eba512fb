"""Data out, beyond a single record: change feed, webhooks, bulk exports, OAI-PMH provider."""

__all__: list[str] = []
