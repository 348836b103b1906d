"""Driving the web pages in-process: read the CSRF token and secrets out of a page, log in
with both factors (enrolling the second on first log-in), post forms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

import httpx
from fastapi.testclient import TestClient

from accord.services import Services
from accord.services.demo import DEMO_PASSWORD
from accord.web.totp import code_at
from tests.exchange.seed import FakeClock

_HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


def hidden(html: str, name: str) -> str:
    """The value of the first hidden input called ``name``."""
    for found, value in _HIDDEN.findall(html):
        if found == name:
            return unescape(value)
    raise AssertionError(f"no hidden field {name!r} in the page")


@dataclass
class Web:
    client: TestClient
    services: Services
    clock: FakeClock
    secrets: dict[str, str] = field(default_factory=dict)

    def code(self, username: str, offset_steps: int = 0) -> str:
        return code_at(self.secrets[username], self.clock.now.timestamp() + 30 * offset_steps)

    def password_step(self, username: str, password: str = DEMO_PASSWORD) -> httpx.Response:
        page = self.client.get("/login")
        assert page.status_code == 200, page.text
        return self.client.post(
            "/login",
            data={
                "csrf_token": hidden(page.text, "csrf_token"),
                "username": username,
                "password": password,
                "next": "/",
            },
            follow_redirects=False,
        )

    def login(self, username: str) -> httpx.Response:
        """Both factors; the first log-in enrols a new secret (as a person would)."""
        self.client.cookies.clear()
        first = self.password_step(username)
        assert first.status_code == 303, first.text
        page = self.client.get(first.headers["location"])
        assert page.status_code == 200, page.text
        if "/login/enrol" in first.headers["location"]:
            secret = hidden(page.text, "secret")
            self.secrets[username] = secret
            fields = {"secret": secret, "tag": hidden(page.text, "tag")}
            action = "/login/enrol"
        else:
            fields, action = {}, "/login/code"
        # Each log-in in a new time step: a code is accepted once only.
        self.clock.advance(seconds=30)
        done = self.client.post(
            action,
            data={
                "csrf_token": hidden(page.text, "csrf_token"),
                "next": "/",
                "code": self.code(username),
                **fields,
            },
            follow_redirects=False,
        )
        assert done.status_code == 303, done.text
        return done

    def csrf(self, path: str = "/") -> str:
        page = self.client.get(path)
        assert page.status_code == 200, page.text
        return hidden(page.text, "csrf_token")

    def post(self, path: str, data: dict[str, Any], **kwargs: Any) -> httpx.Response:
        data = {"csrf_token": self.csrf(), **data}
        return self.client.post(path, data=data, follow_redirects=False, **kwargs)
