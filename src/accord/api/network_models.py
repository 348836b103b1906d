"""Bodies of the network endpoints."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "CommunityOut",
    "EdgeOut",
    "ExportOut",
    "GraphOut",
    "NetworkSummaryOut",
    "NodeOut",
    "PathOut",
    "ReasonOut",
    "TargetOut",
    "TraceOut",
]


class NodeOut(BaseModel):
    id: str
    kind: str = Field(description="person, company, phone, vehicle, vessel, account, ...")
    label: str
    participants: list[str] = Field(description="Participants whose records stand behind it")
    record_ids: list[str] = Field(description="The records behind it that you may see")

    @classmethod
    def of(cls, node: dict[str, Any]) -> NodeOut:
        return cls(**node)


class EdgeOut(BaseModel):
    source: str
    target: str
    kind: str = Field(description="ownership, call, payment, travel_together, ...")
    weight: float
    amount: float | None = Field(None, description="Payments: the amount in EUR")
    time: str | None = None
    record_id: str | None = Field(None, description="The record the edge comes from")

    @classmethod
    def of(cls, edge: dict[str, Any]) -> EdgeOut:
        return cls(**edge)


class GraphOut(BaseModel):
    """A part of the network: nodes and the edges between them."""

    nodes: list[NodeOut]
    edges: list[EdgeOut]
    truncated: bool = Field(description="True when the part was cut to the answer's limits")

    @classmethod
    def of(cls, graph: dict[str, Any]) -> GraphOut:
        return cls(
            nodes=[NodeOut.of(n) for n in graph["nodes"]],
            edges=[EdgeOut.of(e) for e in graph["edges"]],
            truncated=bool(graph.get("truncated")),
        )


class NetworkSummaryOut(BaseModel):
    user: str
    purpose: str
    nodes: int
    edges: int
    nodes_by_kind: dict[str, int]
    edges_by_kind: dict[str, int]
    participants: list[str]


class CommunityOut(BaseModel):
    id: int = Field(description="Number in this partition (0 is the largest)")
    size: int
    members: list[NodeOut]


class ReasonOut(BaseModel):
    """A reason in words, and as a code with fields for translation."""

    code: str
    template: str
    fields: dict[str, Any]
    text: str


class TargetOut(BaseModel):
    node_id: str
    label: str
    kind: str
    rank: int
    score: float = Field(description="0..1; a lead to check, not a finding")
    community: int
    reasons: list[str]
    explanations: list[ReasonOut]
    figures: dict[str, float]


class PathOut(BaseModel):
    found: bool
    hops: int
    nodes: list[str] = Field(description="Node ids from the start to the end")
    labels: dict[str, str]
    edges: list[EdgeOut] = Field(description="edges[i] links nodes[i] and nodes[i+1]")


class FlowOut(BaseModel):
    kind: str
    nodes: list[str]
    edges: list[EdgeOut]
    total_amount: float
    first: str | None
    last: str | None
    reason: str
    explanation: ReasonOut | None


class TraceOut(BaseModel):
    origin: str
    direction: str
    truncated: bool
    paths: list[FlowOut]
    labels: dict[str, str] = Field(description="The label of each node on the paths")


class ExportOut(BaseModel):
    format: str = Field(description="ftm (JSON lines), graphml, gexf or cytoscape (JSON)")
    marking: dict[str, Any] = Field(
        description="Who exported it, for what, and every handling restriction it carries"
    )
    content: str = Field(description="The file's text")
