"""Dutch-aware search over the store: a tantivy index kept up to date from the change sequence."""

__all__: list[str] = []
