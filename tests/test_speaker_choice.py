"""Which of the words around a quote names its speaker: each pattern on our own sentences."""

from __future__ import annotations

from quote_support import name_of, quote_holding, speaker_of


def test_a_quoted_programme_title_never_speaks(analyze_text):
    # the parser can make a word of the quoted title the verb's subject, and the name an
    # apposition of a noun inside the quote
    doc = analyze_text(
        "“He is right. There is a real gap between this office and frankly the council and our police,” "
        "Berg, a senior campaign adviser, said Thursday morning on Channel Nine’s “Ely and Friends.” "
        "“I mean, there is a lot of anger in the ranks.”"
    )
    assert name_of(doc, "There is a real gap") == "Berg"


def test_a_cue_joined_to_another_speakers_clause_keeps_its_own_subject(analyze_text):
    # the parse hangs "replied" on the clause "she said", as if she had said the reply happened
    doc = analyze_text(
        "Ada Voss, the mayor's eldest daughter, noted the rule in the interview last week. She said fathers "
        "who adopt would not be eligible for the leave, and when pressed on why the plan leaves out dads, "
        'the 34-year-old mother of three replied, "It is meant to help the mother who has given birth."'
    )
    quote = quote_holding(doc, "It is meant to help")
    assert quote.kind == "direct" and quote.text.startswith("It is meant")
    said = quote_holding(doc, "fathers who adopt")
    assert said.text == "fathers who adopt would not be eligible for the leave"
    assert name_of(doc, "fathers who adopt") == "Ada Voss"


def test_a_relative_which_the_parse_hangs_on_the_main_verb_stands_for_its_noun(nlp):
    from spacy.tokens import Doc

    from explorer.analysis.quotes.cues import subject_of

    # the parse the model gives "... they turned to the fire service which reported ...":
    # "reported" an adverbial clause of "turned", with "which" its subject
    words = ["they", "turned", "to", "the", "fire", "service", "which", "reported", "20", "fires", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 9 + [False, False],
              heads=[1, 1, 1, 5, 5, 2, 7, 1, 9, 7, 1],
              deps=["nsubj", "ROOT", "prep", "det", "compound", "pobj", "nsubj", "advcl", "nummod", "dobj", "punct"],
              pos=["PRON", "VERB", "ADP", "DET", "NOUN", "NOUN", "PRON", "VERB", "NUM", "NOUN", "PUNCT"])
    assert subject_of(doc[7]).text == "service"


def test_the_speaker_of_a_relative_clause_is_pointed_at_by_its_pronoun(analyze_text):
    doc = analyze_text("The union held up a report, which warned that the mill would “close within a year.”")
    quote = quote_holding(doc, "close within a year")
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] == "which"
    doc = analyze_text("She gave the files to the department, which she said held all her “work” emails.")
    quote = quote_holding(doc, "work")
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] != "which"


def test_a_quote_in_what_someone_claimed_is_theirs(analyze_text):
    doc = analyze_text(
        "After the debate, FactWatch did a fact-check on Ada Voss’s claim that there have been "
        "“thousands of burglaries” in the county this year."
    )
    assert name_of(doc, "thousands of burglaries") == "Ada Voss"
    doc = analyze_text(
        "FactWatch seized on Voss’s claim that there have been “thousands of burglaries” in the county. "
        "It checked the court records."
    )
    assert name_of(doc, "thousands of burglaries") == "Voss"


def test_according_to_a_speech_someone_gave_is_theirs(analyze_text):
    doc = analyze_text(
        "The goal is to curb ''short-term'' investors and persuade bosses to plan for the long term, "
        "according to a speech Ms. Lund delivered at Ely University in July."
    )
    assert name_of(doc, "The goal is to curb") == "Lund"


def test_a_quote_after_a_sentence_about_a_named_person_is_theirs(analyze_text):
    doc = analyze_text(
        '"We will not let the police be painted with one brush," Ada Voss said on Sunday.\n\n'
        "On the radio, Tomas Berg, who lost the primary to Voss, named young voters' anger at racism as "
        'a reason to back her. "The young are sick and tired of discrimination."'
    )
    quote = quote_holding(doc, "sick and tired")
    assert name_of(doc, "sick and tired") == "Tomas Berg" and quote.rule == "direct.previous_subject"
    doc = analyze_text(
        '"We will not let the police be painted with one brush," Ada Voss said on Sunday.\n\n'
        "Tomas Berg lost the primary to Voss.\n\n"
        "On the radio, he named young voters' anger at racism as a reason to back her. "
        '"The young are sick and tired of discrimination."'
    )
    quote = quote_holding(doc, "sick and tired")
    assert name_of(doc, "sick and tired") == "Tomas Berg" and quote.rule == "direct.previous_subject"


def test_a_quoted_label_inside_a_noun_phrase_is_no_ones_words(analyze_text):
    # a nickname, a job title in quotes, a term in a name: nobody said them
    for text in (
        'In a tradition he has kept for years, Rep. Robert C. "Bobby" Lund threw open his farm to voters.',
        "She would also close the notorious ''deferred gain'' loophole that mostly helps fund managers.",
    ):
        doc = analyze_text(text)
        assert [q.text for q in doc.quotes if q.kind != "indirect"] == [], text


def test_who_replies_to_a_question_is_the_one_asked_not_the_asker(analyze_text):
    doc = analyze_text(
        "The Prime Minister, Tom Crewe, faced questions at noon. An SNP MP, Alex Baird, asked whether "
        "the Prime Minister would rule out cutting the budget of the Scottish Government. He replied that "
        'Scotland would receive "the largest settlement in the history of devolution".'
    )
    assert name_of(doc, "the largest settlement") == "Tom Crewe"


def test_a_scottish_given_name_tells_her_pronoun(analyze_text):
    doc = analyze_text(
        "Tom Crewe spoke first. Iona MacLeod, for the SNP, said the plan was \"a Budget for the South\". "
        "He said that Scotland would gain from the freeze."
    )
    assert name_of(doc, "Scotland would gain") == "Tom Crewe"


def test_an_unnamed_source_is_named_by_all_that_describes_it(analyze_text):
    # "people" alone tells a reader nothing; the description is the attribution
    doc = analyze_text("The firm will cut 300 jobs, according to people familiar with the matter.")
    assert name_of(doc, "cut 300 jobs") == "people familiar with the matter"
    doc = analyze_text("Sources close to the minister said she would resign within a week.")
    assert name_of(doc, "she would resign") == "Sources close to the minister"
    doc = analyze_text(
        "The likeliest measures, according to people who have been involved in the preparations, "
        "are a freeze on thresholds and a levy on homes."
    )
    assert name_of(doc, "a freeze on thresholds") == "people who have been involved in the preparations"


def test_someone_briefed_on_a_matter_did_not_report_it(analyze_text):
    doc = analyze_text("Officials briefed on the talks said the deal was close.")
    assert [q.text for q in doc.quotes] == ["the deal was close"]


def test_a_name_given_in_headline_capitals_is_what_was_said_of_the_thing(analyze_text):
    doc = analyze_text(
        'Several papers lead on the surcharge, with one calling it a "Mansion Tax By The Back Door".'
    )
    quote = quote_holding(doc, "it a")
    assert quote.text == 'it a "Mansion Tax By The Back Door"'


def test_asking_not_to_be_named_is_no_claim(analyze_text):
    doc = analyze_text("One fund manager, who asked not to be named, said the market wanted a bigger cushion.")
    assert [q.text for q in doc.quotes] == ["the market wanted a bigger cushion"]
    doc = analyze_text("An aide, who declined to be identified, said the talks had stalled.")
    assert [q.text for q in doc.quotes] == ["the talks had stalled"]


def test_what_was_praised_is_the_thing_and_what_it_was_praised_for(analyze_text):
    doc = analyze_text("The Ely Wildlife Trust praised the money for wetlands, and the mayor said little.")
    assert quote_holding(doc, "wetlands").text == "the money for wetlands"
    doc = analyze_text("The mayor criticised the council for its delays, and the council said nothing.")
    assert quote_holding(doc, "delays").text == "the council for its delays"


def test_a_report_is_named_with_who_wrote_it(analyze_text):
    doc = analyze_text(
        'A report by the river board last year found that a dozen levees were at "high risk" of failure.'
    )
    assert name_of(doc, "a dozen levees") == "report by the river board"


def test_one_of_a_group_is_named_as_english_has_it(analyze_text):
    doc = analyze_text("Labour backbenchers welcomed the move. One said privately that the minister had listened at last.")
    assert name_of(doc, "the minister had listened") == "one of the Labour backbenchers"


def _analysed_with_parse(nlp, text: str, changes: dict[int, tuple[int, str]]):
    """``text`` analysed over the model's parse with some heads and labels set by hand: the parse
    the model gives in a longer article, which a short sentence does not reproduce."""
    from spacy.tokens import Doc

    from explorer.analysis.pipeline import build_document, engine_for
    from explorer.sources import read_text_article

    doc = nlp(text)
    heads = [changes.get(t.i, (t.head.i, t.dep_))[0] for t in doc]
    deps = [changes.get(t.i, (t.head.i, t.dep_))[1] for t in doc]
    doc = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              heads=heads, deps=deps, pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc],
              lemmas=[t.lemma_ for t in doc], ents=[f"{'B' if t.ent_iob_ == 'B' else 'I'}-{t.ent_type_}"
                                                    if t.ent_type_ else "O" for t in doc])
    return build_document(read_text_article(text), doc, engine_for(nlp))


def test_a_word_of_a_quoted_programme_title_never_speaks(nlp):
    text = ("“He is right. There is a real gap between this office and the mayor,” Berg, a senior "
            "adviser, said on Ely News’s “Ely and Friends.” “I mean, there is anger.”")
    words = [t.text for t in nlp(text)]
    berg, mayor, said = words.index("Berg"), words.index("mayor"), words.index("said")
    title_word = words.index("“", said) + 1  # the first word inside “Ely and Friends.”
    assert words[title_word] == "Ely"
    # the model's parse in the article this came from: the name an apposition of a noun in
    # the quote, and a word of the title the subject of "said"
    parsed = _analysed_with_parse(nlp, text, {berg: (mayor, "appos"), title_word: (said, "nsubj")})
    quote = quote_holding(parsed, "a real gap")
    assert parsed.item(quote.speaker_id).name == "Berg"


def test_several_of_a_group_are_named_as_part_of_it(analyze_text):
    doc = analyze_text(
        "Labour backbenchers are relieved that income tax is untouched. But several told me they "
        "were worried about the property surcharge."
    )
    speaker = speaker_of(doc, "worried about the property surcharge")
    assert speaker.name == "several of the Labour backbenchers" and speaker.kind == "group"


def test_the_name_right_after_an_inverted_cue_speaks_whatever_the_parse_hangs_it_on(nlp):
    text = ("“I am not going to apologise for it, so forget about it,” said retired surgeon Rob Tallis, "
            "asked about his claims that he had been offered a post.")
    words = [t.text for t in nlp(text)]
    said, tallis, asked = words.index("said"), words.index("Tallis"), words.index("asked")
    # the model's parse in a longer article: the name the subject of "asked", a clause of "said",
    # which is left with no subject
    parsed = _analysed_with_parse(nlp, text, {tallis: (asked, "nsubj"), asked: (said, "ccomp")})
    quote = quote_holding(parsed, "forget about it")
    assert quote.rule == "direct.inverted"
    assert parsed.item(quote.speaker_id).name == "Rob Tallis"


def test_a_cue_after_a_question_whose_subject_has_an_apposition(analyze_text):
    # the cue opens the next sentence late, after the speaker's description
    doc = analyze_text("Two volunteers staff the phones.\n\n"
                       "“I am calling from the Voss campaign. How are you today?” Dunmore, a retired worker "
                       "from a paper mill, said pleasantly into the phone.")
    assert name_of(doc, "How are you today") == "Dunmore"


def test_a_document_read_out_between_two_passages_is_their_source(analyze_text):
    # "read" takes the statement as its object, not its subject; the quote goes on after it
    doc = analyze_text("“In writing the speech, the team took notes on her life,” read the statement, which was "
                       "attributed to Lund. “Her experience shone through.”")
    quote = quote_holding(doc, "took notes")
    assert quote.rule == "direct.interrupted"
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] == "the statement"


def test_a_relative_clause_cue_holding_the_quote_is_its_own_speakers(analyze_text):
    # "described" reports what its own subject said of the measure, not what Marlow said
    doc = analyze_text("Jon Marlow spoke on Monday. Marlow said he had voted for the measure, which he described "
                       "as “a small mercy” for farmers.")
    quote = quote_holding(doc, "a small mercy")
    assert quote.rule == "mixed.reported"
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] == "he"
    assert name_of(doc, "a small mercy") == "Jon Marlow"
    doc = analyze_text("Ruth Okafor said the council would back the bill, which Tom Beale called “a farce.”")
    assert name_of(doc, "a farce") == "Tom Beale"
    doc = analyze_text("Voss said the rule was fair, to which Beale interjected: “It is just not true.”")
    assert name_of(doc, "It is just not true") == "Beale"
    # a cue whose subject is the relative word reports what the outer speaker says of the noun
    doc = analyze_text("Ann Lee said she wants a platform that calls for “a fair wage for all.”")
    assert name_of(doc, "a fair wage") == "Ann Lee"


def test_a_contrasting_clause_with_its_own_subject_is_its_subjects_account(analyze_text):
    # the parse hangs "while Beale said" inside what Okafor suggested; the words are Beale's
    doc = analyze_text("Okafor suggested that a mayor who dodges questions cannot lead, while Beale said that "
                       "the “stakes are too high” for the city.")
    quote = quote_holding(doc, "stakes are too high")
    assert quote.rule == "mixed.reported"
    assert name_of(doc, "stakes are too high") == "Beale"


def test_a_piece_someone_put_out_says_what_its_maker_says(analyze_text):
    doc = analyze_text("Ada Voss is releasing a new ad that urges voters in Leeds to “send a message” to the banks.")
    assert name_of(doc, "send a message") == "Ada Voss"
    doc = analyze_text("A fundraising email sent out by Ada Voss on Tuesday warned of the “tough fight ahead” for the party.")
    assert name_of(doc, "tough fight ahead") == "Ada Voss"
    # a report someone only holds up still speaks for itself
    doc = analyze_text("The union held up a report, which warned that the mill would “close within a year.”")
    quote = quote_holding(doc, "close within a year")
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] == "which"


def test_a_share_of_those_polled_answers_through_the_poll(analyze_text):
    doc = analyze_text("In a new Courier poll, 75 percent of Labour members said “most councillors” cannot be trusted.")
    assert name_of(doc, "most councillors") == "new Courier poll"
    doc = analyze_text("A fresh poll shows how hard the race will be: six in 10 voters said the party should pick "
                       "“the most popular leader.”")
    assert name_of(doc, "the most popular leader") == "A fresh poll"
    # with no poll in the sentence the share itself is the source
    doc = analyze_text("Only 52 percent of voters agreed that Okafor is in “good health.”")
    assert name_of(doc, "good health") == "Only 52 percent of voters"


def test_quoted_words_in_what_someones_remark_says_are_the_owners(analyze_text):
    doc = analyze_text("The council met on Monday. Members attacked Ruth Okafor over her assertion during the "
                       "debate that “we are where we need to be” on housing.")
    quote = quote_holding(doc, "where we need to be")
    assert quote.rule == "mixed.reported"
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] == "her"
    assert name_of(doc, "where we need to be") == "Ruth Okafor"
    doc = analyze_text("The councillors say they are not avoiding Voss, who has been hurt by Tom Beale’s assertion "
                       "that her actions were “extremely careless.”")
    assert name_of(doc, "extremely careless") == "Tom Beale"
    # a remark judged by the quoted words is not what the remark said
    doc = analyze_text("The fact-checkers said that Beale’s statement was “true.”")
    assert name_of(doc, "true") == "the fact-checkers"


def test_a_time_clause_with_its_own_speaker_keeps_its_cue(analyze_text):
    # the parse hangs "after a woman told him" inside what Beale is assuring voters of
    doc = analyze_text("Tom Beale is assuring voters he is tough enough to lead after a woman in Leeds told him "
                       "she worries he is “too nice” to beat his rivals.")
    assert name_of(doc, "too nice") == "a woman"


def test_a_reported_clause_the_parse_took_the_subject_from_keeps_it(analyze_text):
    # the parse hangs "cod and haddock limits" on "as" and leaves "are left" without a subject
    doc = analyze_text("Scottish skippers warn of tie-ups as cod and haddock limits are left in limbo")
    quote = quote_holding(doc, "left in limbo")
    assert quote.text == "of tie-ups as cod and haddock limits are left in limbo"
