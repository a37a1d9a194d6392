"""Store: on-disk caches and indexes of parsed knowledge bases."""
