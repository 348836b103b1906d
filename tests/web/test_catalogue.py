"""Every text of the pages is ready for translation, and nothing is loaded from elsewhere."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from accord.web.i18n import catalogue, code_messages, template_messages
from accord.web.render import make_environment

WEB = Path(str(resources.files("accord.web")))


def _catalogue_ids() -> set[str]:
    raw = json.loads((WEB / "locale" / "en.json").read_text(encoding="utf-8"))
    return {k for k in raw if not k.startswith("@")}


def test_every_message_of_templates_and_code_is_in_the_english_catalogue() -> None:
    used = {m for _, m in template_messages(make_environment())} | {m for _, m in code_messages()}
    known = _catalogue_ids()
    assert len(used) > 200
    assert sorted(used - known) == [], "run `python -m accord.web.extract`"
    assert sorted(known - used) == [], "unused: run `python -m accord.web.extract`"
    english = catalogue("en")
    assert all(english.gettext(m) for m in used)


def test_templates_show_no_literal_text_outside_the_translation_function() -> None:
    # Text between tags must come from _() or from data; a stray English word would not be
    # translated. Symbols, numbers and the product name are allowed.
    allowed = re.compile(r"^[\W\d]*(Accord|CSV|FollowTheMoney \(JSON lines\)|°[EN])?[\W\d]*$")
    for path in sorted((WEB / "templates").glob("*.*")):
        source = path.read_text(encoding="utf-8")
        source = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}", " ", source, flags=re.S)
        source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
        source = re.sub(r"&[a-z]+;", " ", source)
        for text in re.findall(r">([^<>]+)<", source):
            if '="' in text:  # attributes a macro writes into the tag that calls it
                continue
            assert allowed.match(text.strip()), f"{path.name}: untranslated text {text.strip()!r}"


def test_pages_load_nothing_from_other_sites() -> None:
    found = []
    for path in sorted(WEB.rglob("*")):
        if (
            path.is_dir()
            or "vendor" in path.parts
            or path.suffix not in {".html", ".svg", ".css", ".js"}
        ):
            continue
        for url in re.findall(
            r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s\"')]*", path.read_text("utf-8")
        ):
            if url != "http://www.w3.org/2000/svg":
                found.append(f"{path.name}: {url}")
    assert found == []
