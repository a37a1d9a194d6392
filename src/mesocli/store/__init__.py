"""The store: one SQLite database per knowledge-base file, so that later runs skip parsing."""
