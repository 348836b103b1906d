"""What the API's endpoints share: the services, the case desk, the rate limiter, the tokens
verified in the last second."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from accord.api.limits import RateLimiter
from accord.api.token_cache import TokenCache
from accord.services import Services
from accord.services.cases import CaseDesk

__all__ = ["ApiState", "api_state"]


@dataclass
class ApiState:
    services: Services
    desk: CaseDesk
    limiter: RateLimiter
    tokens: TokenCache


def api_state(request: Request) -> ApiState:
    state = request.app.state.accord
    assert isinstance(state, ApiState)
    return state
