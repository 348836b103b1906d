"""Firearms: registers of legally held weapons, lost and stolen reports, seizures, and weapons
traced across borders - some with their serial transcribed with look-alike characters.

Context (domain-facts §3): the Western Balkans SALW Control Roadmap (2018, renewed 2025-2030),
SEESAC's Armed Violence Monitoring Platform (seizures are about half of all recorded firearm
incidents; a third of incidents involve illegally held weapons; handguns 37%). Makes and models
are those common in the region (Zastava, CZ, Glock, Beretta, Tokarev, Kalashnikov pattern
rifles); serial formats are plausible, not the manufacturers' actual schemes.
"""

from __future__ import annotations

from datetime import date, timedelta

from accord.scenario import missing, noise
from accord.scenario.catalogue import POLICE_AUTHORITIES
from accord.scenario.theme import Theme

__all__ = ["generate_firearms"]

_PURPOSE = "firearms"
_LEGAL = "AGR-SALW-2025"
_HOLDERS = ("RS", "BA", "ME", "MK", "AL", "XK", "HR")
_SEIZERS = ("HR", "GB", "EUROPOL", "RS", "BA", "ME", "AL", "XK", "MK")

# (make, model, calibre, weapon type, serial pattern: L letter, D digit), with weights.
_MODELS = (
    ("Zastava", "M57", "7.62x25mm", "pistol", "DDDDDD", 18),
    ("Zastava", "M70", "9x19mm", "pistol", "DDDDDD", 12),
    ("Zastava", "M70 AB2", "7.62x39mm", "automatic rifle", "DDDDDD", 8),
    ("Zastava", "M48", "7.92x57mm", "rifle", "LDDDDD", 6),
    ("CZ", "75 B", "9x19mm", "pistol", "LDDDDDD", 10),
    ("Glock", "17", "9x19mm", "pistol", "LLLDDD", 10),
    ("Beretta", "92FS", "9x19mm", "pistol", "LLDDDDDL", 6),
    ("Tokarev", "TT-33", "7.62x25mm", "pistol", "LLDDDD", 8),
    ("Crvena Zastava", "M84", "7.65mm", "submachine gun", "DDDDD", 3),
    ("Baikal", "IZH-27", "12 gauge", "shotgun", "DDDDDDDD", 12),
    ("Browning", "Hi-Power", "9x19mm", "pistol", "LLDDDDD", 4),
)


def _serial(theme: Theme, pattern: str) -> str:
    rng = theme.rng
    return "".join(
        rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") if char == "L" else rng.choice("0123456789")
        for char in pattern
    )


def generate_firearms(theme: Theme, registered: int) -> None:
    """``registered`` registered weapons across the region; some lost, stolen, seized, traced."""
    rng = theme.rng
    weights = [model[5] for model in _MODELS]
    for index in range(registered):
        where = _HOLDERS[index % len(_HOLDERS)]
        make, model, calibre, kind, pattern, _ = rng.choices(_MODELS, weights)[0]
        serial = _serial(theme, pattern)
        uid = theme.entity_uid(theme.entity_number())
        roll = rng.random()
        status = "registered" if roll < 0.9 else ("lost" if roll < 0.94 else "stolen")
        holder = theme.person(where, home=where, born=(1940, 1995))
        holder_key = theme.police_person(
            where,
            holder,
            category="other",
            purpose=_PURPOSE,
            legal_basis=_LEGAL,
            reliability="A",
            accuracy="1",
        )
        row = {
            "serial": serial,
            "make": make,
            "model": model,
            "calibre": calibre,
            "weapon_type": kind,
            "status": status,
            "manufacture_year": str(rng.randint(1955, 2020)),
            "country": theme.country(where, where),
            "holder_ref": holder_key,
            "alert": "" if status == "registered" else status,
            "subject_category": "other",
            "description": ""
            if status == "registered"
            else f"reported {status} on {theme.day_between(date(2022, 1, 1), date(2025, 9, 1))}",
        }
        key = theme.entity(where, "firearms", row, uid, "firearm")
        authority = POLICE_AUTHORITIES[where]
        theme.sink.truth("firearm_traces", uid, where, authority, "firearms", key, serial, status)
        if status == "stolen" and rng.random() < 0.5:
            _seized_abroad(theme, uid, where, key, row, status)
    for _ in range(max(1, registered // 20)):
        _illegal_seizure(theme)


def _seized_abroad(
    theme: Theme, uid: str, origin: str, origin_key: str, row: dict[str, str], status: str
) -> None:
    """A stolen weapon turns up in a seizure in another participant, its serial written as the
    seizing officer read it (sometimes with O/0, I/1, B/8 or a Cyrillic look-alike)."""
    rng = theme.rng
    seizer = rng.choice([p for p in _SEIZERS if p != origin])
    serial = row["serial"]
    if rng.random() < 0.5:
        serial = noise.lookalike(rng, serial)
    suspect = theme.person(
        seizer if seizer in _HOLDERS else origin,
        home=seizer if seizer in _HOLDERS else origin,
        born=(1980, 2002),
    )
    suspect_key = theme.police_person(
        seizer, suspect, category="suspect", purpose=_PURPOSE, legal_basis=_LEGAL
    )
    seized_on = theme.day_between(date(2022, 6, 1), date(2025, 10, 1))
    seized = dict(
        row,
        serial=serial,
        status="seized",
        alert="seized",
        holder_ref=suspect_key,
        subject_category="suspect",
        description=f"seized on {seized_on}; trace request sent to {origin}",
    )
    seized_key = theme.entity(seizer, "firearms", seized, uid, "firearm")
    authority = theme.sink.spec(f"{seizer}/firearms").authority
    theme.sink.truth(
        "firearm_traces", uid, seizer, authority, "firearms", seized_key, serial, "seized"
    )
    target = (origin, POLICE_AUTHORITIES[origin], "firearms", origin_key)
    missing.plant_hit(
        theme.sink,
        f"Q-FA-{uid}",
        seizer,
        {},
        target,
        status,
        "seized weapon traced to a stolen registered firearm",
        kind="firearm",
        identifier=serial,
    )


def _illegal_seizure(theme: Theme) -> None:
    """A weapon with no registration anywhere (the illicit stock left from the 1990s)."""
    rng = theme.rng
    seizer = rng.choice(_HOLDERS)
    make, model, calibre, kind, pattern, _ = rng.choice(_MODELS)
    uid = theme.entity_uid(theme.entity_number())
    suspect = theme.person(seizer, home=seizer, born=(1970, 2004))
    suspect_key = theme.police_person(
        seizer, suspect, category="suspect", purpose=_PURPOSE, legal_basis=_LEGAL
    )
    serial = _serial(theme, pattern)
    seized_on = date(2022, 1, 1) + timedelta(days=rng.randrange(1350))
    theme.entity(
        seizer,
        "firearms",
        {
            "serial": serial,
            "make": make,
            "model": model,
            "calibre": calibre,
            "weapon_type": kind,
            "status": "seized",
            "manufacture_year": str(rng.randint(1950, 1995)),
            "country": "",
            "holder_ref": suspect_key,
            "alert": "seized",
            "subject_category": "suspect",
            "description": f"seized on {seized_on}; no registration",
        },
        uid,
        "firearm",
    )
