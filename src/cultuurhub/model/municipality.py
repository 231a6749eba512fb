"""The 2025 municipality of a place or organizer: given, or derived from its postcode."""

from __future__ import annotations

from cultuurhub.model.contact import Address
from cultuurhub.model.errors import rule_error
from cultuurhub.model.vocab import municipalities, municipality_for_postcode, nis_2025


def resolve_municipality(given: str | None, address: Address | None) -> str | None:
    """Return the 2025 NIS code: the given one (a 2020 code is moved on), else from the postcode."""
    if given is not None:
        code = nis_2025(given.strip())
        if code not in municipalities():
            raise rule_error(
                "municipalityNis",
                "Deze NIS-code is geen Belgische gemeente.",
                "This NIS code is not a Belgian municipality.",
            )
        return code
    if address is None or address.address_country != "BE":
        return None
    return municipality_for_postcode(address.postal_code)
