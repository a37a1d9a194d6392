"""Query: name resolution and ranked search over the entries."""
