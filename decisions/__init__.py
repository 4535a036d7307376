"""decision search: semantic search and question answering over GLA decisions."""

__version__ = "0.1.0"
