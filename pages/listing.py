"""Shaping lists of partners for the directory's pages. Takes rows the pages queried; imports no models."""

from dataclasses import dataclass, field


@dataclass
class SectorGroup:
    sector: str
    label: str
    partners: list = field(default_factory=list)


def attach_support(partners: list, support_types: list) -> list:
    """Give each partner `.support`: its support types in the reader's language, in the given order.

    `support_types` are the reader's; a partner's own (prefetched) may be in another language.
    """
    by_key = {support.translation_key: support for support in support_types}
    order = {support.translation_key: index for index, support in enumerate(support_types)}
    for partner in partners:
        keys = {support.translation_key for support in partner.support_types.all()}
        partner.support = [by_key[key] for key in sorted(keys & by_key.keys(), key=order.__getitem__)]
    return partners


def group_by_sector(partners: list, sectors: list[tuple[str, str]]) -> list[SectorGroup]:
    """Partners in groups by sector, in the order of `sectors` (value, label); empty groups left out."""
    groups = {value: SectorGroup(value, label) for value, label in sectors}
    for partner in partners:
        groups[partner.sector].partners.append(partner)
    return [group for group in groups.values() if group.partners]


def support_sections(support_types: list, partners: list) -> list[tuple]:
    """(support type, the partners giving it) for each support type; partners need `.support` attached."""
    return [(support, [partner for partner in partners if support in partner.support]) for support in support_types]
