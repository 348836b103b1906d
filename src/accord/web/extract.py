"""Keep the English catalogue in step with the pages: ``python -m accord.web.extract``.

Collects every message id of the templates and the code, adds the new ones to
``locale/en.json`` (English text = id) and drops the ids used nowhere. A translation is a copy
of that file with the texts translated.
"""

from __future__ import annotations

import json
from pathlib import Path

from accord.web.i18n import code_messages, template_messages
from accord.web.render import make_environment

__all__ = ["english_catalogue", "main"]

CATALOGUE = Path(__file__).parent / "locale" / "en.json"
_HEADER = {
    "@language": "English",
    "@note": "Message id -> text. Another language is another file with the same ids.",
}


def english_catalogue() -> dict[str, str]:
    used = {m for _, m in template_messages(make_environment())}
    used |= {m for _, m in code_messages()}
    return {**_HEADER, **{message: message for message in sorted(used)}}


def main() -> None:
    CATALOGUE.write_text(
        json.dumps(english_catalogue(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
