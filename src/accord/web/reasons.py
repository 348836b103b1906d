"""The purpose and justification a user gives for every read of personal data."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from accord.model.codes import Purpose
from accord.policy import Role
from accord.web.guard import Viewer, text
from accord.web.i18n import N_
from accord.web.render import page

__all__ = ["MIN_JUSTIFICATION", "Reason", "default_purpose", "reason_from", "reason_page"]

MIN_JUSTIFICATION = 5
MAX_JUSTIFICATION = 500


@dataclass(frozen=True)
class Reason:
    purpose: str
    justification: str
    #: message ids of what is wrong, by field
    errors: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.errors


def reason_from(form: FormData) -> Reason:
    purpose = text(form, "purpose", 64)
    justification = text(form, "justification", MAX_JUSTIFICATION + 1)
    errors: dict[str, str] = {}
    if purpose not in {p.value for p in Purpose}:
        errors["purpose"] = N_("Choose the purpose of this consultation.")
    if len(justification) < MIN_JUSTIFICATION:
        errors["justification"] = N_(
            "Give the reason in words (at least 5 characters), e.g. a case or file number."
        )
    elif len(justification) > MAX_JUSTIFICATION:
        errors["justification"] = N_("The justification is longer than 500 characters.")
    elif any(ord(ch) < 32 and ch not in "\r\n\t" for ch in justification):
        errors["justification"] = N_("The justification holds control characters.")
    return Reason(purpose, justification, errors)


def default_purpose(who: Viewer) -> str:
    """The purpose to offer: the one the user gave last, or supervision for a DPO."""
    if who.session.purpose:
        return who.session.purpose
    if who.user.roles == frozenset({Role.DPO}):
        return Purpose.SUPERVISION.value
    return ""


def reason_page(
    request: Request,
    template: str,
    who: Viewer,
    action: str,
    reason: Reason | None,
    status: int = 200,
) -> Response:
    """The form that asks for purpose and justification before a combined view, filled with
    what the user gave (and its errors) or with the defaults."""
    return page(
        request,
        template,
        who,
        status=status,
        action=action,
        purpose=reason.purpose if reason else default_purpose(who),
        justification=reason.justification if reason else who.session.justification,
        errors=reason.errors if reason else {},
    )
