"""Accord: governed cross-border law-enforcement cooperation for the UK, the Western Balkans Six
and the EU."""

__version__ = "0.1.0"
__all__ = ["__version__"]
