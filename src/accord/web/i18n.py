"""Every text of the web pages goes through ``_()`` (gettext style), looked up in a catalogue.

The English catalogue (``locale/en.json``) maps each message id to its text; another language
is another file with the same ids. A test keeps the catalogue in step with the templates and
the code: every id used is in it, and nothing unused lingers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment
from jinja2.ext import extract_from_ast

__all__ = ["DEFAULT_LANGUAGE", "N_", "Catalogue", "catalogue", "code_messages", "template_messages"]

DEFAULT_LANGUAGE = "en"


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; translated where it is shown."""
    return message


class Catalogue:
    def __init__(self, language: str, messages: dict[str, str]) -> None:
        self.language = language
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def __call__(self, message: str, **values: Any) -> str:
        text = self.gettext(message)
        return text % values if values else text


@lru_cache(maxsize=8)
def catalogue(language: str = DEFAULT_LANGUAGE) -> Catalogue:
    path = resources.files("accord.web").joinpath("locale", f"{language}.json")
    messages = json.loads(path.read_text(encoding="utf-8"))
    return Catalogue(language, {k: v for k, v in messages.items() if not k.startswith("@")})


def template_messages(env: Environment) -> Iterator[tuple[str, str]]:
    """(template, message id) for every ``_()`` in the templates."""
    assert env.loader is not None
    for name in env.list_templates(extensions=["html", "svg"]):
        source = env.loader.get_source(env, name)[0]
        for _line, _func, message in extract_from_ast(env.parse(source)):
            if isinstance(message, str):
                yield name, message
            elif isinstance(message, tuple):
                for item in message:
                    if isinstance(item, str):
                        yield name, item


_CALL = re.compile(r"""\b(?:_|N_)\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")


def code_messages() -> Iterator[tuple[str, str]]:
    """(module, message id) for every call of the two markers with a literal, in the package."""
    package = resources.files("accord.web")
    for folder in (package, package.joinpath("routes")):
        for entry in folder.iterdir():
            if entry.name.endswith(".py"):
                for match in _CALL.finditer(entry.read_text(encoding="utf-8")):
                    yield entry.name, json.loads(_as_json_string(match.group(1)))


def _as_json_string(literal: str) -> str:
    if literal.startswith("'"):
        inner = literal[1:-1].replace('\\"', '"').replace('"', '\\"').replace("\\'", "'")
        return f'"{inner}"'
    return literal
