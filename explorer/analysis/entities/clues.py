"""Word lists that tell what a capitalised name is: a people's name, a company, a role.

Short, curated and general (not tuned to any one article): the words English
news uses around a name, not the names themselves.
"""

from __future__ import annotations

DEMONYMS = frozenset("""
british briton britons brit brits english englishman englishmen englishwoman scottish scot
scots scotsman scotsmen welsh welshman welshmen welshwoman irish irishman irishmen cornish
ulsterman northern american americans european europeans french frenchman german germans
italian italians spanish spaniard spaniards portuguese dutch belgian belgians swiss austrian
austrians polish pole poles russian russians ukrainian ukrainians chinese japanese korean
koreans indian indians pakistani pakistanis australian australians aussie aussies canadian
canadians kiwi kiwis african africans arab arabs israeli israelis palestinian palestinians
iranian iranians iraqi iraqis syrian syrians turkish turk turks greek greeks swede swedes
swedish norwegian norwegians danish dane danes finnish finn finns icelandic mexican mexicans
brazilian brazilians argentine argentinian argentinians nigerian nigerians kenyan kenyans
bosnian bosnians serbian serbs serb croatian croats croat albanian albanians kosovan kosovans
macedonian montenegrin slovenian hungarian hungarians czech czechs slovak romanian romanians
bulgarian bulgarians asian asians latino latinos wallaby wallabies pom poms pommie yank yanks
""".split())
"""Peoples and their members: never a person's or body's name on their own."""

COMPANY_NOUNS = frozenset("""
firm company bookmaker bookmakers miner giant group rival retailer chain carrier airline
broadcaster publisher producer label club side team maker makers manufacturer bank lender
insurer supermarket network operator provider developer brand agency newspaper paper website
site service store stores outlet conglomerate startup start-up subsidiary owner investor
watchdog regulator charity union party channel station magazine tabloid studio fund
""".split())
"""Nouns that put a company or body's name after them: "oil firm Yukos", "bookmaker Ladbrokes"."""

DESCRIPTORS = frozenset("""
bookmaker bookmakers miner carmaker retailer insurer lender broadcaster publisher supermarket
airline firm giant rival chipmaker drugmaker
""".split())
"""Descriptions the model takes into a name at the start of a sentence ("Bookmaker Ladbrokes")."""

CORPORATE_WORDS = frozenset("""
shares share profits profit losses sales revenue turnover board shareholders customers
staff workers employees chief boss bosses chairman founder spokesman spokeswoman
spokesperson stores brand website headquarters offices accounts
""".split())
"""Words after "X's" that make X a company ("Ryanair's shares", "Endemol's spokesman")."""

COMPANY_SUFFIXES = frozenset("""
plc ltd llc inc corp co gmbh ag sa nv bv spa airlines airways holdings motors energy oil gas
mining pharmaceuticals pharma telecom telecoms media capital partners ventures entertainment
records pictures studios resources rail railways airport utd fc
""".split())
"""Last words of company names: "Barrick Gold" is not, "Delta Airlines" and "Acme plc" are."""

POST_NOMINALS = frozenset({"qc", "kc", "mp", "mep", "msp", "ms", "am", "obe", "mbe", "cbe", "jr",
                           "sr", "phd"})
"""Letters after a name ("Guy Mansfield QC"): part of how a person is styled."""

TIME_ZONES = frozenset({"gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "aest"})

CORPORATE_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "deputy", "chief",
                             "boss", "chairman", "chairwoman", "executive", "founder"})
"""After a lone name, roles in a company: "a Ryanair spokesman", "Ryanair chief executive"."""

INSTITUTION_WORDS = frozenset("""
department ministry office institute university college council commission agency bank
federation association society school academy foundation trust board authority museum
""".split())
"""Words that begin an institution's name with "of" or "for": "Department for Transport"."""

NOT_NAMES = frozenset({"house", "royal",
    "mp", "mps", "mep", "meps", "msp", "msps", "cardinal", "groups", "group", "minister",
    "ministers", "officials", "councillors", "peers", "q&a", "faq",
})
"""Words the model tags as an organisation that name no body."""

SPORT_SUFFIXES = frozenset({"united", "city", "rovers", "athletic", "wanderers", "albion",
                            "town", "county", "rangers", "hotspur", "utd"})
"""After a place, a club: "Manchester United", "Leicester City" (with a sports word near)."""

SPORT_WORDS = frozenset("""
match game goal season league cup striker midfielder defender goalkeeper manager coach fan
score win draw beat fixture tournament championship squad player club stadium transfer
""".split())
"""Words that put a sentence on the field: "City" after a town is a club there."""

EPONYM_HEADS = frozenset("""
agreement agreements accord accords formula government governments administration plan
doctrine era treaty report review reforms reform rule act deal process principle declaration
years model effect inquiry settlement
""".split())
"""What is named after a person or a place ("the Barnett formula", "the Dayton agreement")."""

NOT_BODIES = frozenset({
    "vat", "national insurance", "mot", "budget", "isa", "council tax", "stamp duty",
    "income tax", "council house", "a&e", "gp", "gps", "echr",
})
"""Taxes, tests, services and treaties the model tags as organisations ("the ECHR" in British
politics is the European Convention on Human Rights; its court is the ECtHR)."""

NOT_BODY_ENDINGS = frozenset({"levy", "tax", "duty", "scheme", "allowance", "relief", "games",
                              "olympics", "bill", "convention", "treaty", "accord", "accords",
                              "protocol"})
"""Last words of the names of taxes, schemes, bills, treaties and events, which are not bodies."""

WORK_HEADS = frozenset("""
programme programmes show series documentary film novel book album podcast drama sitcom
""".split())
"""Nouns a programme's or book's title stands before: "the Newsnight programme"."""
