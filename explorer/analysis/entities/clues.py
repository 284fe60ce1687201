"""Word lists that tell what a capitalised name is: a people's name, a company, a role.

Short, curated and general (not tuned to any one article): the words English
news uses around a name, not the names themselves.
"""

from __future__ import annotations

from explorer.analysis.lexicons import words

DEMONYMS = words("demonyms")
"""Peoples and their members: never a person's or body's name on their own."""

COMPANY_NOUNS = words("company_nouns") | words("body_nouns") | words("company_descriptors")
"""Nouns that put a company or body's name after them: "oil firm Yukos", "bookmaker Ladbrokes"."""

DESCRIPTORS = words("company_descriptors")
"""Descriptions the model takes into a name at the start of a sentence ("Bookmaker Ladbrokes")."""

CORPORATE_WORDS = words("corporate_words")
"""Words after "X's" that make X a company ("Ryanair's shares", "Endemol's spokesman")."""

COMPANY_SUFFIXES = words("company_suffixes")
"""Last words of company names: "Barrick Gold" is not, "Delta Airlines" and "Acme plc" are."""

POST_NOMINALS = words("post_nominals")
"""Letters after a name ("Guy Mansfield QC"): part of how a person is styled."""

TIME_ZONES = words("time_zones")

CORPORATE_ROLES = words("corporate_roles")
"""After a lone name, roles in a company: "a Ryanair spokesman", "Ryanair chief executive"."""

INSTITUTION_WORDS = words("institution_words")
"""Words that begin an institution's name with "of" or "for": "Department for Transport"."""

NOT_NAMES = words("not_organisation_names")
"""Words the model tags as an organisation that name no body."""

SPORT_SUFFIXES = words("sport_suffixes")
"""After a place, a club: "Manchester United", "Leicester City" (with a sports word near)."""

SPORT_WORDS = words("sport_words")
"""Words that put a sentence on the field: "City" after a town is a club there."""

EPONYM_HEADS = words("eponym_heads")
"""What is named after a person or a place ("the Barnett formula", "the Dayton agreement")."""

NOT_BODIES = words("not_bodies")
"""Taxes, tests, services and treaties the model tags as organisations ("the ECHR" in British
politics is the European Convention on Human Rights; its court is the ECtHR)."""

NOT_BODY_ENDINGS = words("not_body_endings")
"""Last words of the names of taxes, schemes, bills, treaties and events, which are not bodies."""

WORK_HEADS = words("programme_cues")
"""Nouns a programme's or book's title stands before: "the Newsnight programme"."""
