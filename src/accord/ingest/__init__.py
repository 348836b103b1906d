"""Ingest: read files, validate by column, quarantine what fails, store atomic batches."""

from accord.ingest.pipeline import IngestJob, IngestReport, ingest_file

__all__ = ["IngestJob", "IngestReport", "ingest_file"]
