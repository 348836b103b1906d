"""The web pages, one module per area."""
