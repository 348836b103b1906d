"""The regional scenario generator: synthetic, reproducible data of every participant.

``generate(seed, scale, out)`` writes, for each participant, CSV files in its own conventions
(scripts, spellings, document formats, date styles, CSV dialects and clerical errors) with the
mapping files the ingest reads, a manifest, and the planted truth (true identities, networks,
high-value targets, screening hits, asset-declaration discrepancies, indicator aggregates).
The same seed always gives byte-identical output. See docs/scenario.md.
"""

from accord.scenario.generator import ScenarioSummary, generate

__all__ = ["ScenarioSummary", "generate"]
