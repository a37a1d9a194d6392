"""Core: models, loader, checks, JSON Schema and plain-data serialisation. Pure: no printing."""
