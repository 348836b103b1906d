"""Network analytics over persons, companies, phones, accounts, vessels and shipments.

A pure engine: it takes the node and edge tables of :mod:`accord.network.tables` (already cut to
what the user may see) and returns communities, centralities, brokers, ranked targets, money-flow
findings, paths, neighbourhoods and exports. It never reads the store or the policy.
"""
