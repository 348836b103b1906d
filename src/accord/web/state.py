"""What the web pages share: the services, the case desk, sessions, templates and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi import Request
from jinja2 import Environment

from accord.exchange import Clock
from accord.services import Services
from accord.services.cases import CaseDesk
from accord.web.second_factor import CodeChecker
from accord.web.sessions import SessionCodec

__all__ = ["WebState", "web_state"]


@dataclass
class WebState:
    services: Services
    desk: CaseDesk
    codec: SessionCodec
    codes: CodeChecker
    templates: Environment
    clock: Clock
    #: True: cookies are marked Secure; None: only when the request came over HTTPS.
    secure_cookies: bool | None

    def now(self) -> datetime:
        at = self.clock()
        return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)

    def unix(self) -> int:
        return int(self.now().timestamp())


def web_state(request: Request) -> WebState:
    state = request.app.state.accord_web
    assert isinstance(state, WebState)
    return state
