"""What happens after a journey: visa-free entries, readmissions, assisted voluntary returns,
onward movement to the United Kingdom with returns from there, unaccompanied minors who go
missing, and Frontex debriefings.

Rates are the scenario's assumptions (docs/scenario.md): 8% of migrants detected by Croatia at
the Bosnian border are readmitted to Bosnia and Herzegovina, 1.5% of those registered in Bosnia
and Herzegovina or Serbia return home with IOM assistance, 3% reach the UK (30% of whom are
returned), 35% of unaccompanied minors registered in the region are reported missing.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from accord.scenario import missing
from accord.scenario.catalogue import BORDER, convention
from accord.scenario.figures import REFERENCE_DATE
from accord.scenario.noise import date_text
from accord.scenario.persons import country_code, person_fields
from accord.scenario.sink import Sink

if TYPE_CHECKING:
    from accord.scenario.migration import Journey, Registrations

__all__ = ["after_journey", "return_case", "visa_free_entry"]

_STAY_DAYS = {"IN": 30, "BI": 30}


def visa_free_entry(sink: Sink, regs: Registrations, day: date) -> str:
    """The visa-free entry record of an air arrival in Belgrade."""
    conv = convention(BORDER["RS"])
    style = "dmy_dot"
    dataset = "RS/visa_entries"
    stay = _STAY_DAYS.get(regs.person.nationality, 90)
    row = {
        "key": sink.key(dataset, regs.person.num),
        "holder_ref": regs.person_key("RS"),
        "permit_type": "visa-free entry",
        "number": "",
        "country": country_code("RS", conv),
        "start_date": date_text(day, style),
        "end_date": date_text(day + timedelta(days=stay), style),
        "purpose_of_stay": "tourism",
        "status": "left irregularly",
        "subject_category": "other",
    }
    return sink.add(dataset, row)


def return_case(
    sink: Sink,
    regs: Registrations,
    participant: str,
    *,
    return_type: str,
    status: str,
    requesting: str,
    destination: str,
    opened: date,
) -> str:
    """A return or readmission case of ``participant`` about the person."""
    conv = convention(BORDER[participant])
    style = "dmy_dot" if conv.date_style == "dmy_dot_mixed" else conv.date_style
    dataset = f"{participant}/return_cases"
    seq = regs.next_seq(participant)
    closed = opened + timedelta(days=regs.rng.randint(5, 60))
    row = {
        "key": sink.key(dataset, regs.person.num, seq),
        "person_ref": regs.person_key(participant),
        "case_number": f"{participant}-RC-{opened.year}-{regs.rng.randrange(100000):05d}",
        "return_type": return_type,
        "return_status": status,
        "requesting_country": country_code(requesting, conv),
        "destination_country": country_code(destination, conv),
        "start_date": date_text(opened, style),
        "end_date": date_text(closed, style) if status in ("executed", "closed") else "",
        "subject_category": "other",
    }
    return sink.add(dataset, row)


def after_journey(
    sink: Sink,
    rng: random.Random,
    regs: Registrations,
    journey: Journey,
    *,
    unaccompanied: bool = False,
) -> None:
    """The records that follow a journey, by the rates in the module docstring."""
    last = journey.legs[-1]
    if last.origin == "BA" and "HR" in last.recorders and rng.random() < 0.08:
        status = "accepted" if rng.random() < 0.8 else "refused"
        return_case(
            sink,
            regs,
            "HR",
            return_type="readmission",
            status=status,
            requesting="HR",
            destination="BA",
            opened=last.day + timedelta(days=1),
        )
        if status == "accepted":
            return_case(
                sink,
                regs,
                "BA",
                return_type="readmission",
                status="executed",
                requesting="HR",
                destination="BA",
                opened=last.day + timedelta(days=2),
            )
    for participant in ("BA", "RS"):
        if participant in regs.keys and rng.random() < 0.015:
            opened = journey.anchor + timedelta(days=rng.randint(20, 200))
            if opened <= REFERENCE_DATE:
                return_case(
                    sink,
                    regs,
                    participant,
                    return_type="assisted-voluntary",
                    status="executed",
                    requesting=participant,
                    destination=regs.person.nationality,
                    opened=opened,
                )
    if rng.random() < 0.03:
        _to_united_kingdom(sink, rng, regs, journey)
    if unaccompanied:
        _missing_minor(sink, rng, regs, journey)
    if ("HU" in regs.keys or "HR" in regs.keys) and rng.random() < 0.02:
        _debriefing(sink, rng, regs, journey)


def _to_united_kingdom(
    sink: Sink, rng: random.Random, regs: Registrations, journey: Journey
) -> None:
    from accord.scenario.migration import crossing_row

    arrival = journey.anchor + timedelta(days=rng.randint(20, 150))
    if arrival > REFERENCE_DATE:
        return
    crossing_row(
        sink, regs, "GB", ("FR", "GB"), arrival, "detection", description="Small boat arrival"
    )
    if rng.random() < 0.3:
        opened = arrival + timedelta(days=rng.randint(30, 300))
        if opened <= REFERENCE_DATE:
            return_case(
                sink,
                regs,
                "GB",
                return_type="forced",
                status="executed",
                requesting="GB",
                destination=regs.person.nationality,
                opened=opened,
            )


def _missing_minor(sink: Sink, rng: random.Random, regs: Registrations, journey: Journey) -> None:
    """An unaccompanied minor leaves a reception centre; found later at an EU border."""
    for index, leg in enumerate(journey.legs[:-1]):
        for participant in leg.recorders:
            if participant not in ("BA", "RS", "MK") or rng.random() >= 0.35:
                continue
            since = leg.day + timedelta(days=1)
            place = {
                "BA": "Lipa reception centre, Bihać",
                "RS": "Asylum centre Obrenovac",
                "MK": "Transit centre Vinojug, Gevgelija",
            }[participant]
            key = missing.missing_alert(sink, rng, regs.person, participant, since, place)
            target = (
                participant,
                f"{participant}-" + {"BA": "SIPA", "RS": "MUP", "MK": "MVR"}[participant],
                "missing_persons",
                key,
            )
            later = [p for p in journey.legs[index + 1 :][-1].recorders if p in regs.fields]
            if later:
                seen_by = later[0]
                missing.plant_hit(
                    sink,
                    f"Q-MIS-{regs.person.uid}",
                    seen_by,
                    regs.fields[seen_by],
                    target,
                    "missing",
                    "unaccompanied minor reported missing, later registered at an EU border",
                )
            return


def _debriefing(sink: Sink, rng: random.Random, regs: Registrations, journey: Journey) -> None:
    dataset = "FRONTEX/debriefings"
    row = person_fields(rng, regs.person, convention("FRONTEX-RAU"))
    row["key"] = sink.key(dataset, regs.person.num)
    paid = sum(rng.randint(300, 2500) for _ in journey.legs)
    row["notes"] = f"Route {journey.route}; reports paying about EUR {paid} to smugglers."
    sink.person(dataset, row, regs.person.uid)
