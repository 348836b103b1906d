"""Exports of a network: FollowTheMoney entities (for Aleph), GraphML and GEXF (for Gephi and
other graph tools) and Cytoscape JSON (for the web view)."""
