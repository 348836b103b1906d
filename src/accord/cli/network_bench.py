"""``accord bench network``: build, communities and PageRank on a synthetic network of N nodes
and M edges, beside networkx on a 100,000-edge subgraph in the same run."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.bench.network import run_network_bench
from accord.cli.common import console, handle_errors, print_json
from accord.cli.groups import bench_app
from accord.errors import InputError

__all__ = ["bench_network"]


@bench_app.command("network")
@handle_errors
def bench_network(
    nodes: Annotated[int, typer.Option(help="Nodes of the generated network.")] = 100_000,
    edges: Annotated[int, typer.Option(help="Edges of the generated network.")] = 500_000,
    seed: Annotated[int, typer.Option(help="Seed of the generator and of Leiden.")] = 7,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Time build + communities + PageRank on a generated network, beside networkx."""
    if nodes < 2:
        raise InputError(f"--nodes must be at least 2, got {nodes}.")
    if edges < 1:
        raise InputError(f"--edges must be at least 1, got {edges}.")
    result = run_network_bench(nodes, edges, seed=seed)
    if as_json:
        print_json(result.to_dict())
        return
    console.print(
        f"{result.nodes:,} nodes, {result.edges:,} edges: {result.seconds:.2f} s (build "
        f"{result.build_seconds:.2f}, communities {result.communities_seconds:.2f}, PageRank "
        f"{result.pagerank_seconds:.2f}), peak {result.peak_mb:,.0f} MB; {result.communities:,} "
        f"communities, modularity {result.modularity:.3f}. On {result.baseline_edges:,} edges "
        f"networkx took {result.networkx_seconds:.2f} s, Accord "
        f"{result.accord_subgraph_seconds:.2f} s (ratio {result.baseline_ratio}). "
        f"Generation {result.generate_seconds:.2f} s, not "
        f"counted; load average {result.load_average}."
    )
