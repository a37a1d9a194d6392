"""CLI: the Typer app, output handling and one module per command family; the only package that imports Typer."""
