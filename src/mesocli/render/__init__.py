"""Render: documents as plain text, Markdown, HTML and Rich; the only package that imports Rich."""
