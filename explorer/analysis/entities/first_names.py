"""Common given names, to tell a person from an organisation the small model mistook.

A compact curated list (British, American, European, South Asian, Arabic,
African and East Asian names that recur in English-language news); it only
has to catch the first word of a two- or three-word name tagged as something else.
"""

from __future__ import annotations

_NAMES = """
aaron abbas abdul abdullah abigail abu adam adebayo adeel adil aditi aditya adrian agnes ahmad
ahmed aidan aisha akash akbar alan alastair albert alberto alec aleksandar alex alexander
alexandra alexei alexis alfie ali alice alicia alison alistair allan amanda amber amelia amina
amir amit amy ana anas andre andrea andreas andrei andrew andy angela angelina angus anil anita
ann anna anne annie anthony antonio anwar arif arjun arnold arthur asad ashley ashok asif aung
austin ayesha barack barbara barry bashir beatrice ben benjamin bernard bernie beth bethany betty
bill billy bob boris brandon brendan brian bridget bruce bruno caitlin callum calvin cameron carl
carla carlos carmen caroline carolyn catherine cecilia chandra charles charlie charlotte chen
cheryl chloe chris christian christina christine christopher chuck claire clara clare claudia
colin conor connor craig cristina curtis cyril dale dan daniel daniela danielle danny darren
dave david dawn dean deborah debbie deepak denis dennis derek diana diane dimitri dmitry dominic
donald donna doris dorothy douglas duncan dylan ed eddie edith edward edwin eileen elaine elena
eleanor eli elijah elizabeth ella ellen elliot elon emily emma emmanuel enrique eric erik erin
ethan eugene eva evan eve fahad faisal farah farid fatima felix fernando fiona francesca francis
francisco frank fraser fred frederick gabriel gareth gary gavin gemma geoffrey george georgia
gerald gerry gill gillian giorgia giovanni giuseppe glenn gordon grace graeme graham grant greg
gregory guy hamid hamza hannah hans harold harriet harry hassan heather hector heidi helen henry
hillary hilary holly hugh hussein iain ian ibrahim igor imran ina ingrid irene isaac isabel
isabella ismail ivan jack jackie jacob jacqueline jake james jamie jan jane janet jasmine jason
javier javed jay jean jeff jeffrey jen jennifer jenny jeremy jerome jess jessica jim jimmy jo joan
joanna joanne joe joel johan johann john johnny jon jonathan jordan jorge jose joseph josh joshua
joy juan judith judy julia julian julie justin kamala kamal karen karim karl kate katherine
kathleen kathryn katie kay keir keith kelly kemi ken kenneth kevin khalid kim kirsty kofi kumar
kwame kyle lars laura lauren lee leila leo leon leonard lesley lewis liam lily linda lindsay lisa
liz lloyd louis louise lucas lucy luis luke lynn madeleine maggie magnus mahmoud malcolm mandy
manuel marco margaret maria marie marina mario mark martha martin mary matt matteo matthew maureen
max maya megan mehmet melanie michael michaela michel michelle miguel mike mikhail mohamed
mohammad mohammed molly monica muhammad mustafa nadia nadine naomi narendra nasser natalie
natasha nathan neil nelson niamh nicholas nick nicola nicolas nigel nikki nina noah noor norman
olaf oliver olivia omar oscar owen pablo paddy pam pamela patricia patrick paul paula pauline
pedro penny peter phil philip philippa phillip pierre pooja priti priya rachel rafael rahul raj
rajesh ralph ramon rana rashid ravi ray raymond rebecca rachael reza ricardo richard rishi rob
robert roberto robin rod roger rohan ron ronald rosa rosie ross roy ruby rupert russell ruth ryan
saad sadiq sajid sally sam samantha samir samuel sandra sanjay santiago sara sarah saul scott
sean sebastian sergei sergey shabana shahid shane sharon shaun sheila shirley siddharth simon
sofia sonia sophie stella stephanie stephen steve steven stuart sue sunil susan suzanne tanya
tara ted teresa terry theo theresa thomas tim timothy tina toby tom tommy tony tracey tracy
tulip ursula usman valerie vanessa victor victoria vijay vikram vincent vivek vladimir volodymyr
walter wei wendy wes william willie xavier xi yasmin yousef yusuf yvette yvonne zach zahra
zainab zara zoe iona jade caoimhe eluned owain ceri moira hollie priyanka amira siobhan aoife
ciara sinead niall eoin seamus ffion rhys gethin catrin dafydd morven alasdair hamish ailsa
kirsten fergus euan ewan lachlan kwasi chidi ngozi chinwe oluwaseun tunde yaw ama abena
freddie freddy glyn archie ollie harvey reece jamal wayne gary darren kieran declan jodie
stacey kerry shannon leanne gemma lorraine sian bethan carys rhian iwan geraint gwen rory
ozzy elton ringo """

FIRST_NAMES = frozenset(_NAMES.split())


def is_first_name(word: str) -> bool:
    return word.lower() in FIRST_NAMES
