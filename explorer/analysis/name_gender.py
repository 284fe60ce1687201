"""The gender a given name usually signals in English-language news, for pronoun resolution.

Only names that are clearly one or the other are listed: "she said" must not
go to Gordon Brown, nor "he said" to Sue Essex. A name in neither list (Jordan,
Sam, Saxon) says nothing, and a title (Ms, Sir) always outranks the name.
"""

from __future__ import annotations

FEMALE = frozenset("""
abigail ada adele agnes aisha alexandra alice alicia alison amanda amber amelia amina amy ana
andrea angela angelina anita ann anna anne annette annie annika anya april ayesha barbara beatrice
becky belinda beth bethany betty beverley bridget brenda caitlin camilla carla carmen carol
caroline carolyn catherine cathy cecilia charlotte cheryl chloe christina christine claire clara
clare claudia colette connie cressida cristina cynthia daisy dana daniela danielle dawn debbie
deborah denise diana diane dolores donna doris dorothy edith eileen elaine eleanor elena elisabeth
eliza elizabeth ella ellen eloise elsa emilia emily emma erica erin esther eva eve evelyn fatima
felicity fiona florence frances francesca gabriella gemma georgia geraldine gillian gina gloria
grace gwen hannah harriet hazel heather heidi helen helena hilary hillary holly ida ilse ingrid
irene iris isabel isabella isobel jackie jacqueline jane janet janice jasmine jean jeanette
jennifer jenny jess jessica jill joan joanna joanne jocelyn josephine joy joyce judith judy julia
julie juliet june karen kate katherine kathleen kathryn kathy katie katrina kay kelly kerry kim
kirsty laura lauren leah leila lesley leslie lily linda lisa liz lorna lorraine louise lucia lucy
lydia lynn lynne madeleine maggie mandy margaret maria marie marion marjorie martha mary maureen
maxine megan melanie melissa mia michelle mildred miranda miriam molly monica nadia nancy naomi
natalie natasha nicola nicole nina nora norma olga olivia pamela patricia paula pauline penelope
penny philippa phoebe polly priti priya rachel rebecca regina rita roberta rosa rosalind rose
rosemary ruth sabrina sally samantha sandra sara sarah sharon sheila shirley shabana sian silvia
simone sonia sophia sophie stella stephanie sue susan suzanne sylvia tamara tania tanya teresa
theresa tina tracey tracy ursula valerie vanessa vera veronica victoria virginia vivian wendy
yasmin yvette yvonne zara zoe
""".split())

MALE = frozenset("""
aaron abdul adam adrian ahmed alan alastair albert alec alex alexander alfie alfred ali alistair
allan andrew andy angus anthony antonio arnold arthur barack barry ben benjamin bernard bernie
bill billy bob boris brandon brendan brian bruce bruno callum calvin carl carlos charles charlie
chris christian christopher chuck clive colin conor connor craig dale damian dan daniel danny
darren dave david dean denis dennis derek des dmitry dominic donald doug douglas duncan dylan
eamonn ed eddie edward edwin elliot emmanuel eric erik ernest ethan eugene evan felix fernando
francis francisco frank fraser fred frederick gareth gary gavin geoff geoffrey george gerald
gerry gordon graeme graham grant greg gregory guy hamid hans harold harry harvey hassan hector
henry herbert howard hugh iain ian ibrahim igor imran isaac ivan jack jacob jake james jamie
jason javier jeff jeffrey jeremy jerome jim jimmy joe joel john johnny jon jonathan jorge jose
joseph josh joshua juan julian justin karl keith ken kenneth kevin kieran kirk lance larry lee
leo leon leonard lewis liam lloyd louis luke malcolm marcus mario mark martin matt matthew
maurice max michael mick miguel mike mohammed muhammad nathan neil nicholas nick nigel noel norman
oliver oscar owen ozzy patrick paul pedro pete peter phil philip pierre rafael ralph ray raymond
reginald rhys richard rick rob robert robin rod rodney roger roland ron ronald rory ross roy
rupert russell ryan sam samuel scott sean sebastian sergei seth shane simon stanley stephen
steve steven stuart ted terry theo thomas tim timothy toby todd tom tommy tony trevor tristan
victor vincent vladimir wallace walter warren wayne wes will william xavier yusuf zach
""".split())


def gender_of_given_name(word: str) -> str | None:
    """``"male"``, ``"female"``, or None when the name does not say."""
    lower = word.lower()
    if lower in FEMALE:
        return "female"
    if lower in MALE:
        return "male"
    return None
