"""The analyser: quotes and speakers, Q&A turns, credits, spoiler warnings and article metadata.

Plain pytest, no database: the people directory is built from records. The shared seeds are read
from ../shared/seeds at run time (never copied here) and skipped when absent; our own labelled
articles live in analyser_articles/.
"""

import pytest

from articles.text.analyse import MADE_BY_RE, analyse, find_quotes
from articles.text.directory import NameDirectory, PersonEntry
from bench.quotes import OWN, SEEDS, own_cases, score_case, seed_cases

TPT = "Tiny Pretty Things"
PEOPLE = [
    PersonEntry("anna-maiche", "Anna Maiche", credited=True, characters=("Cassie Shore",)),
    PersonEntry("kylie-jefferson", "Kylie Jefferson", credited=True, characters=("Neveah Stroyer",)),
    PersonEntry(
        "casimere-jollette", "Casimere Jollette", ("Casimere Jolette",), credited=True, characters=("Bette Whitlaw",)
    ),
    PersonEntry("lauren-holly", "Lauren Holly", credited=True, characters=("Madame Dubois",)),
    PersonEntry("marcus-hale", "Marcus Hale", credited=True),
    PersonEntry("jenna-hale", "Jenna Hale", credited=True),
    PersonEntry("tom-reyes", "Tom Reyes"),
    PersonEntry("ruth-kinane", "Ruth Kinane"),
]


@pytest.fixture
def directory():
    return NameDirectory(PEOPLE)


def speakers(quotes):
    return [quote.speaker_key for quote in quotes]


# --- The directory --------------------------------------------------------------------------------


def test_full_name_resolves_exactly(directory):
    resolution = directory.resolve("Anna Maiche")
    assert (resolution.key, resolution.confidence) == ("anna-maiche", 1.0)


def test_alias_resolves_to_the_person(directory):
    assert directory.resolve("CASIMERE JOLETTE").key == "casimere-jollette"


def test_alias_surname_resolves(directory):
    assert directory.resolve("JOLETTE").key == "casimere-jollette"


def test_unique_surname_resolves(directory):
    assert directory.resolve("Maiche").key == "anna-maiche"


def test_near_miss_spelling_resolves_with_lower_confidence(directory):
    resolution = directory.resolve("Kylie Jeffersen")
    assert resolution.key == "kylie-jefferson"
    assert resolution.confidence < 1.0


def test_near_miss_surname_two_edits_away_keeps_its_first_letter():
    directory = NameDirectory([PersonEntry("a", "Inés Barreiro"), PersonEntry("b", "Tomás Quintela")])
    assert directory.resolve("Barreira").key == "a"  # one edit
    assert directory.resolve("Barrero").key == "a"  # two edits, the same first letter
    assert directory.resolve("Carreira").key is None  # two edits and another first letter: a village
    assert directory.resolve("Uintela").key == "b"  # one edit may be the first letter


def test_near_miss_needs_five_letters_on_both_sides():
    directory = NameDirectory([PersonEntry("a", "Ida Moss"), PersonEntry("b", "Ada Mossen")])
    assert directory.resolve("Mose").key is None  # "Moss" is too short to be misspelt, and so is "Mose"
    assert directory.resolve("Mossenn").key == "b"


def test_near_miss_surname_after_the_right_first_name():
    directory = NameDirectory([PersonEntry("a", "Casimere Anne Jollette"), PersonEntry("b", "Odile Jollette")])
    assert directory.resolve("Casimere Jolette").key == "a"  # the middle name left out, the surname one edit away
    assert directory.resolve("Margot Jolette").key is None  # the same slip, but nobody's first name


def test_shared_surname_stays_unresolved_with_both_candidates(directory):
    resolution = directory.resolve("Hale")
    assert resolution.key is None
    assert set(resolution.candidates) == {"marcus-hale", "jenna-hale"}


def test_credited_person_is_preferred_for_a_shared_name():
    directory = NameDirectory([PersonEntry("a", "Sam Ortiz", credited=True), PersonEntry("b", "Lee Ortiz")])
    assert directory.resolve("Ortiz").key == "a"


def test_person_mentioned_in_the_article_is_preferred_for_a_shared_name():
    directory = NameDirectory([PersonEntry("a", "Sam Ortiz"), PersonEntry("b", "Lee Ortiz")])
    assert directory.resolve("Ortiz", context_keys={"b"}).key == "b"


def test_unknown_name_resolves_to_nobody(directory):
    resolution = directory.resolve("Gus Fenwick")
    assert (resolution.key, resolution.candidates, resolution.name_as_written) == (None, (), "Gus Fenwick")


def test_character_resolves_to_its_actor(directory):
    assert directory.character("Madame Dubois") == ("Madame Dubois", "lauren-holly")
    assert directory.character("Dubois") == ("Madame Dubois", "lauren-holly")
    assert directory.character("Cassie") == ("Cassie Shore", "anna-maiche")


# --- Quotes and speakers --------------------------------------------------------------------------


def test_name_said_after_the_quote(directory):
    quotes = find_quotes(["“We trained for months before the first take,” Jefferson said."], directory)
    assert [(q.text, q.speaker_key) for q in quotes] == [
        ("We trained for months before the first take,", "kylie-jefferson")
    ]


def test_said_name_after_the_quote(directory):
    quotes = find_quotes(['"The ending surprised all of us," said Maiche.'], directory)
    assert speakers(quotes) == ["anna-maiche"]


def test_according_to_with_quote_marks(directory):
    quotes = find_quotes(["“The show needs a second season,” according to Maiche."], directory)
    assert speakers(quotes) == ["anna-maiche"]


def test_according_to_without_quote_marks_is_no_quote(directory):
    assert find_quotes(["According to Maiche, the show needs a second season."], directory) == []


def test_name_told_outlet(directory):
    quotes = find_quotes(["“I was the last one to join the cast,” Anna Maiche told Stagelight."], directory)
    assert speakers(quotes) == ["anna-maiche"]


def test_name_added_colon_before_the_quote(directory):
    quotes = find_quotes(["Jefferson added: “Nobody warned us about the stairs.”"], directory)
    assert speakers(quotes) == ["kylie-jefferson"]


def test_pronoun_carries_over_to_the_last_person(directory):
    paragraphs = ["Maiche joined the cast late.", "She continued, “Everyone had already formed a friendship.”"]
    assert speakers(find_quotes(paragraphs, directory)) == ["anna-maiche"]


def test_pronoun_skips_a_person_of_the_other_gender(directory):
    paragraphs = [
        "Tom Reyes said he loved his scenes. Then Kylie Jefferson arrived, and she stole the show.",
        "Later Tom Reyes joined her. “It was the best summer of my life,” she said.",
    ]
    assert speakers(find_quotes(paragraphs, directory)) == ["kylie-jefferson"]


def test_pronouns_inside_quotes_do_not_count(directory):
    paragraphs = ["Maiche spoke about her stunt double.", "“She was braver than me, and he knew it,” she said."]
    assert speakers(find_quotes(paragraphs, directory)) == ["anna-maiche"]


def test_quote_following_another_in_the_paragraph_keeps_its_speaker(directory):
    quotes = find_quotes(
        ["“It was hard,” Jefferson said. “But it was worth every blister and every bruise.”"], directory
    )
    assert speakers(quotes) == ["kylie-jefferson", "kylie-jefferson"]


def test_multi_paragraph_quote_is_one_quote(directory):
    paragraphs = [
        "Maiche recalled: “The first week was brutal.",
        "“By the second week we were a family.”",
    ]
    quotes = find_quotes(paragraphs, directory)
    assert len(quotes) == 1
    assert quotes[0].text == "The first week was brutal.\n\nBy the second week we were a family."
    assert quotes[0].speaker_key == "anna-maiche"


def test_unclosed_quote_is_reported(directory):
    errors = []
    find_quotes(["“The first week was brutal and nobody slept, Maiche said."], directory, errors=errors)
    assert errors


@pytest.mark.parametrize(
    "paragraph",
    [
        "Critics called the finale “perfection” last week.",
        "It has a certain “mean girl energy” that works.",
        "She stars in “Tiny Pretty Things” on Netflix.",
        "The episode “Swan Lake Revisited,” aired in December.",
    ],
)
def test_scare_quotes_titles_and_short_quotes_are_not_quotes(directory, paragraph):
    assert find_quotes([paragraph], directory, works=[TPT]) == []


def test_in_character_dialogue_goes_to_the_character_and_the_actor(directory):
    quotes = find_quotes(["As Madame Dubois tells the donors, “Every girl here would bleed for a solo.”"], directory)
    assert [(q.character, q.speaker_key) for q in quotes] == [("Madame Dubois", "lauren-holly")]


def test_a_name_the_quote_goes_on_from_is_what_the_quote_is_about_not_who_says_it(directory):
    paragraph = (
        "According to Tom Reyes, the new season belongs to the teachers. Madame Dubois “has never been crueller, "
        "and never funnier,” and the ballet mistress “is the one to watch”."
    )
    quotes = find_quotes([paragraph], directory)
    assert [(q.text, q.speaker_key) for q in quotes] == [
        ("has never been crueller, and never funnier,", "tom-reyes"),
        ("is the one to watch", "tom-reyes"),
    ]


def test_a_short_sentence_of_answering_names_the_speaker_of_the_quote_after_it(directory):
    paragraphs = [
        "Lauren Holly says she has run the studio for a decade. Tom Reyes says he keeps the books. (“Badly,” "
        "he says, when she has gone to find the register.)",
        "So who settles an argument? She answers before he can. “Whoever is holding the chalk.”",
    ]
    quotes = find_quotes(paragraphs, directory)
    assert [(quote.text, quote.speaker_key) for quote in quotes] == [
        ("Badly,", "tom-reyes"),
        ("Whoever is holding the chalk.", "lauren-holly"),
    ]


def test_a_persons_own_statement_is_their_words_and_their_lawyers_are_not(directory):
    paragraphs = [
        "Lauren Holly did not attend the hearing.",
        "“I trusted the crew completely,” her statement said. “The line was Tom Reyes’s idea,” her lawyer said.",
    ]
    quotes = find_quotes(paragraphs, directory)
    assert [(quote.speaker_key, quote.speaker_written) for quote in quotes] == [
        ("lauren-holly", "Lauren Holly"),
        (None, "her lawyer"),
    ]


def test_in_a_statement_names_where_the_words_were_said_and_an_institution_speaks_for_nobody(directory):
    paragraphs = [
        "In a statement, Lauren Holly said: “He made rooms full of strangers laugh.”",
        "In a statement, the theatre said: “He knew every usher by name.”",
    ]
    quotes = find_quotes(paragraphs, directory)
    assert [(quote.speaker_key, quote.speaker_written) for quote in quotes] == [
        ("lauren-holly", "Lauren Holly"),
        (None, "the theatre"),
    ]


def test_a_name_after_a_preposition_gives_the_line_to_the_person_set_beside_it(directory):
    paragraphs = [
        "The crew's union was less measured. Its business representative for New Mexico, Tom Reyes, said members "
        "had reported leaks “at least four times since Christmas.”",
        "“We had a section of roof come down,” Lt. Lauren Holly, a fire department spokeswoman, told reporters.",
    ]
    quotes = find_quotes(paragraphs, directory)
    assert [quote.speaker_key for quote in quotes] == ["tom-reyes", "lauren-holly"]


def test_a_persons_attorney_speaks_for_the_client_and_is_not_the_client(directory):
    paragraphs = [
        "Lauren Holly is suing the studio.",
        "“My client carried this film,” Holly's attorney, Tom Reyes, told reporters.",
        "“She did her own stunts,” Holly's attorney said.",
    ]
    quotes = find_quotes(paragraphs, directory)
    assert [(quote.speaker_key, quote.speaker_written) for quote in quotes] == [
        ("tom-reyes", "Tom Reyes"),
        (None, "Holly's attorney"),
    ]


def test_ambiguous_speaker_stays_unresolved_with_both_candidates(directory):
    paragraphs = ["Marcus Hale and Jenna Hale were both nominated.", "“It is a strange honour to share,” Hale said."]
    (quote,) = find_quotes(paragraphs, directory)
    assert quote.speaker_key is None
    assert set(quote.candidates) == {"marcus-hale", "jenna-hale"}


def test_unknown_speaker_stays_as_written(directory):
    (quote,) = find_quotes(["“The numbers were extraordinary,” said Gus Fenwick, a producer."], directory)
    assert (quote.speaker_key, quote.speaker_written) == (None, "Gus Fenwick")


def test_bracketed_insertion_never_becomes_the_speaker(directory):
    paragraphs = ["[Kylie Jefferson] Maiche smiled.", "“We did every step ourselves,” she said."]
    assert speakers(find_quotes(paragraphs, directory)) == ["anna-maiche"]


@pytest.mark.parametrize(
    ("cue", "written"),
    [
        ("according to a spokesperson for Netflix.", "a spokesperson for Netflix"),
        ("the studio said in a statement.", "the studio"),
        ("a Netflix representative confirmed.", "a Netflix representative"),
    ],
)
def test_unnamed_source_is_a_cue_with_nobody_to_resolve(directory, cue, written):
    paragraphs = ["Kylie Jefferson returns next year.", f"“Release plans will be announced in the coming weeks,” {cue}"]
    (quote,) = find_quotes(paragraphs, directory)
    assert (quote.speaker_key, quote.speaker_written) == (None, written)


def test_said_title_and_name_after_the_quote(directory):
    paragraphs = ["Maiche laughed. “She was terrible at cards, truly terrible,” added co-star Kylie Jefferson."]
    assert speakers(find_quotes(paragraphs, directory)) == ["kylie-jefferson"]


def test_possessive_relation_is_not_the_person(directory):
    (quote,) = find_quotes(["“I was terrified of the stairs,” said Maiche’s co-star, laughing."], directory)
    assert (quote.speaker_key, quote.speaker_written) == (None, "Maiche’s co-star")


def test_descriptor_with_modifiers_carries_over_by_gender(directory):
    paragraphs = [
        "Kylie Jefferson trained for years; Tom Reyes said he never did.",
        "“I had danced since I was four years old,” the 26-year-old actress said.",
    ]
    assert speakers(find_quotes(paragraphs, directory)) == ["kylie-jefferson"]


def test_sentence_ends_after_a_closing_quote_mark(directory):
    paragraph = (
        "“Nobody knew a thing,” Maiche said, “not even the crew.” Jefferson agreed. “It was a secret,” she said."
    )
    assert speakers(find_quotes([paragraph], directory)) == ["anna-maiche", "anna-maiche", "kylie-jefferson"]


def test_ambiguous_name_beside_its_own_candidate_is_that_candidate(directory):
    paragraphs = [
        "Marcus Hale and Jenna Hale were both nominated.",
        "That Hale is Jenna Hale, the younger of the two. “I cried for an hour afterwards,” she said.",
    ]
    assert speakers(find_quotes(paragraphs, directory)) == ["jenna-hale"]


# --- Q&A ------------------------------------------------------------------------------------------

QA = """Two dancers on the show

By Ruth Kinane

We talked to Casimere Jollette and Kylie Jefferson about the shoot.

STAGELIGHT: How did you come to be cast?

CASIMERE JOLETTE: I sent a self-tape from Chicago.

KYLIE JEFFERSON: I almost did not audition at all.

Was it hard?

JOLETTE: Every single day.

It was also the best job I have had.

JEFFERSON: I agree with her.
"""


def test_qa_question_belongs_to_the_byline_whatever_its_label(directory):
    turns = analyse(QA, directory, outlet_names=["Stagelight"]).qa_turns
    assert (turns[0].role, turns[0].label, turns[0].speaker_key) == ("question", "STAGELIGHT", "ruth-kinane")


def test_qa_surname_labels_resolve_after_the_first_turn(directory):
    turns = analyse(QA, directory).qa_turns
    assert [t.speaker_key for t in turns if t.role == "answer"] == [
        "casimere-jollette",
        "kylie-jefferson",
        "casimere-jollette",
        "kylie-jefferson",
    ]


def test_qa_unlabelled_question_paragraph_is_a_question(directory):
    turns = analyse(QA, directory).qa_turns
    assert [t.role for t in turns][3] == "question"
    assert turns[3].label is None


def test_qa_answer_runs_over_several_paragraphs(directory):
    turns = analyse(QA, directory).qa_turns
    assert turns[4].text == "Every single day.\n\nIt was also the best job I have had."


def test_q_and_a_labels_give_answers_to_the_article_subject(directory):
    text = (
        "Anna Maiche on ballet\n\nBy Ruth Kinane\n\nWe met Anna Maiche in Toronto.\n\n"
        "Q: Why ballet?\n\nA: Because of my mother."
    )
    turns = analyse(text, directory).qa_turns
    assert [(t.role, t.speaker_key) for t in turns] == [("question", "ruth-kinane"), ("answer", "anna-maiche")]


def test_bold_first_name_labels_are_turns(directory):
    text = "Roundtable\n\nBy Ruth Kinane\n\n**What was hard?**\n\n**Anna:** The ledge.\n\n**Kylie:** The hours."
    turns = analyse(text, directory).qa_turns
    assert [t.speaker_key for t in turns] == ["ruth-kinane", "anna-maiche", "kylie-jefferson"]


def test_quotes_inside_answers_are_not_listed(directory):
    text = (
        "Q&A\n\nBy Ruth Kinane\n\nQ: First day?\n\n"
        'KYLIE JEFFERSON: I said, "I need this job more than anything."\n\nQ: And then?\n\nJEFFERSON: Then I got it.'
    )
    assert analyse(text, directory).quotes == []


def test_bold_questions_may_go_on_after_asking(directory):
    text = (
        "Kylie Jefferson answers our questions\n\nBy Ruth Kinane\n\nKylie Jefferson wrote back overnight.\n\n"
        "**When did you know?**\n\nBefore I had read a page. I knew it.\n\n"
        "**And Neveah? A lot of viewers were convinced she did it.**\n\nI know, and I laugh about it.\n\n"
        "**What next?**\n\nI sleep."
    )
    turns = analyse(text, directory).qa_turns
    assert [(t.role, t.speaker_key, t.text[:12]) for t in turns] == [
        ("question", "ruth-kinane", "When did you"),
        ("answer", "kylie-jefferson", "Before I had"),
        ("question", "ruth-kinane", "And Neveah? "),
        ("answer", "kylie-jefferson", "I know, and "),
        ("question", "ruth-kinane", "What next?"),
        ("answer", "kylie-jefferson", "I sleep."),
    ]


def test_a_bold_remark_with_a_quoted_question_is_no_question(directory):
    text = (
        "Kylie Jefferson's week\n\nBy Ruth Kinane\n\n**She asked “Why me?” All week long.**\n\n"
        "It was a long week.\n\n**Then the rain came.**\n\nIt rained."
    )
    assert analyse(text, directory).qa_turns == []


@pytest.mark.parametrize(("heading", "turns"), [("Then", 0), ("Now", 0), ("Today", 0), ("Kylie", 2)])
def test_a_common_word_before_a_colon_is_a_heading_not_a_speaker(directory, heading, turns):
    text = (
        "Tiny Pretty Things: where are they now?\n\nBy Ruth Kinane\n\n"
        f"{heading}: The dancer who never missed a class.\n\n"
        f"{heading}: A teacher in Toronto, and still dancing.\n\n"
        "“I still stretch every morning,” Kylie Jefferson says."
    )
    analysis = analyse(text, directory)
    assert len(analysis.qa_turns) == turns
    if not turns:
        assert speakers(analysis.quotes) == ["kylie-jefferson"]


@pytest.mark.parametrize(("mark", "close"), [("‘", "’"), ("'", "'")])
def test_an_article_quoting_in_single_marks_has_its_quotes_found_with_double_marks_inside(directory, mark, close):
    text = (
        "Voices\n\nBy Ruth Kinane\n\n"
        f"{mark}Dab only ever says three things,{close} Kylie Jefferson says. "
        f"{mark}He says “I’m hungry”, he says “Is it my go?” and that’s all.{close}\n\n"
        f"The cast’s trailer is small. {mark}We don’t mind,{close} says Anna Maiche."
    )
    quotes = analyse(text, directory).quotes
    assert [(q.text, q.speaker_key) for q in quotes] == [
        ("Dab only ever says three things,", "kylie-jefferson"),
        ("He says “I’m hungry”, he says “Is it my go?” and that’s all.", "kylie-jefferson"),
        ("We don’t mind,", "anna-maiche"),
    ]


def test_double_marks_stay_the_quotes_when_singles_only_nest_inside_them(directory):
    text = (
        "Voices\n\nBy Ruth Kinane\n\n"
        "“He calls it ‘the rehearsal of doom’ every time,” Kylie Jefferson says.\n\n"
        "“I never said ‘doom’,” says Anna Maiche."
    )
    quotes = analyse(text, directory).quotes
    assert [q.text for q in quotes] == ["He calls it ‘the rehearsal of doom’ every time,", "I never said ‘doom’,"]


def test_usernames_in_an_online_q_and_a_are_their_owners_and_fans_stay_unnamed(directory):
    text = (
        "Kylie Jefferson answers fans\n\nBy Ruth Kinane\n\n"
        "Kylie Jefferson spent two hours answering questions online as KylieJ_official.\n\n"
        "**gaslight_gremlin:** Was the fight scripted?\n\n**KylieJ_official:** Not a word of it.\n\n"
        "**snowday99:** Season three?\n\n**KylieJ_official:** I genuinely don't know."
    )
    turns = analyse(text, directory).qa_turns
    assert [(t.label, t.speaker_key) for t in turns] == [
        ("gaslight_gremlin", None),
        ("KylieJ_official", "kylie-jefferson"),
        ("snowday99", None),
        ("KylieJ_official", "kylie-jefferson"),
    ]


def test_a_lower_case_word_before_a_colon_is_no_label(directory):
    text = "Notes\n\nBy Ruth Kinane\n\nnote_to_self: buy milk.\n\nmore_notes: and bread."
    assert analyse(text, directory).qa_turns == []


def test_an_oral_history_labels_each_speaker_with_a_name_and_a_role_after_a_comma(directory):
    text = (
        "Lights out: an oral history\n\nBy Ruth Kinane\n\n"
        "**Kylie Jefferson, lead dancer:** We had one take and no lights.\n\n"
        "**Anna Maiche, understudy:** I was in the wings the whole time.\n\n"
        "**Lauren Holly, played Madame Dubois:** I stood by the door with a candle.\n\n"
        "**Kylie Jefferson, lead dancer:** And then the jukebox came on."
    )
    turns = analyse(text, directory).qa_turns
    assert [(t.label, t.speaker_key) for t in turns] == [
        ("Kylie Jefferson", "kylie-jefferson"),
        ("Anna Maiche", "anna-maiche"),
        ("Lauren Holly", "lauren-holly"),
        ("Kylie Jefferson", "kylie-jefferson"),
    ]


def test_a_capitalised_word_a_comma_and_a_colon_in_prose_is_no_label(directory):
    text = "Notes\n\nBy Ruth Kinane\n\nLater, everyone agreed: the night was long.\n\nKylie, however: she stayed."
    assert analyse(text, directory).qa_turns == []


# --- Credits, spoilers, metadata ------------------------------------------------------------------


def test_character_actor_credit(directory):
    analysis = analyse("Headline\n\nAmong them is precocious Bette (Casimere Jollette).", directory, works=[TPT])
    assert [(c.person, c.character, c.work) for c in analysis.credits] == [("Casimere Jollette", "Bette", TPT)]


def test_actor_who_plays_character_credit(directory):
    analysis = analyse("Headline\n\nWe met Anna Maiche, who plays Cassie Shore, in Toronto.", directory)
    assert [(c.person_key, c.character) for c in analysis.credits] == [("anna-maiche", "Cassie Shore")]


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        ("Kylie Jefferson will play Neveah Stroyer, a dancer from Los Angeles.", ("kylie-jefferson", "Neveah Stroyer")),
        ("Maiche joins as Cassie Shore for the second season.", ("anna-maiche", "Cassie Shore")),
        ("Lauren Holly returns as the formidable Madame Dubois.", ("lauren-holly", "Madame Dubois")),
        ("Lauren Holly is Madame Dubois, the headmaster.", ("lauren-holly", "Madame Dubois")),
        ("The series stars Anna Maiche as Cassie Shore.", ("anna-maiche", "Cassie Shore")),
    ],
)
def test_casting_news_credits(directory, sentence, credit):
    analysis = analyse(f"Headline\n\n{sentence}", directory, works=[TPT])
    assert [(c.person_key, c.character) for c in analysis.credits] == [credit]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Reyes is Madame Dubois's biggest fan.",  # "is" only for a role the directory gives that person
        "Anna Maiche joins as the new girl from Toronto.",  # a description, not a character
        "Tom Reyes as a snowplough driver is a stretch.",
    ],
)
def test_loose_credit_phrasing_needs_a_known_role(directory, sentence):
    assert analyse(f"Headline\n\n{sentence}", directory, works=[TPT]).credits == []


def test_title_words_do_not_name_a_character_alone():
    directory = NameDirectory([PersonEntry("gid", "Gideon Achterberg", credited=True, characters=("Sheriff Coyle",))])
    assert directory.character("Coyle") == ("Sheriff Coyle", "gid")
    assert directory.character("Sheriff") is None


@pytest.mark.parametrize(
    "title", ["Building the airship: the people who made the show fly", "What that ending means for season 2"]
)
def test_feature_headlines(directory, title):
    assert analyse(f"{title}\n\nThe body of the piece goes here.", directory).kind == "feature"


@pytest.mark.parametrize(
    ("warning", "flagged", "season", "episode", "follows"),
    [
        ("Warning: Spoilers for the Season 1 finale follow.", True, 1, 10, 1),
        ("Spoiler alert: this recap covers season 1, episode 8", True, 1, 8, 1),
        ("*Minor spoilers ahead*", True, None, None, 1),
        ("This review is spoiler-free.", False, None, None, None),
        ("We have written this preview without any spoilers.", False, None, None, None),
        ("Spoiler warning: this recap reveals who left in series one, episode four.", True, 1, 4, 1),
        ("Spoilers for the first series follow.", True, 1, None, 1),
        ("Warning: this interview discusses the ending of season one, episode six.", True, 1, 6, 1),
        ("Heads up: the finale of season 1 is discussed below.", True, 1, 10, 1),
        ("Spoiler alert: this recap covers the penultimate episode of series one.", True, 1, 9, 1),
        ("Spoilers for the penultimate episode follow.", True, None, None, 1),
        ("Look away now if you haven’t watched: our recap of week six of the first series.", True, 1, 6, 1),
        ("Spoilers for week two of series one follow.", True, 1, 2, 1),
        ('Spoiler alert: this recap covers 1x05, "The Cut Line," the midseason finale.', True, 1, 5, 1),
        ("Fair warning: the director's commentary, like this piece, gives away how it ends.", True, None, None, 1),
        ("A warning for anyone saving it: these letters are about the finale of season one.", True, 1, 10, 1),
        ("Still haven’t seen episode three of season one? Close this tab now.", True, 1, 3, 1),
        ("A note before going further: the rest of this piece discusses episode four of season one.", True, 1, 4, 1),
        (
            "A note before we begin: this piece discusses the final episode of season one. It was a while ago.",
            True,
            1,
            10,
            1,
        ),
        ("Spoilers: this report reveals the winners of the fourteenth series. Look away now.", True, 14, None, 1),
        (
            "A warning before we go any further: what follows gives away the ending of the sixth and final episode "
            "of the first series.",
            True,
            1,
            6,
            1,
        ),
        (
            "This interview discusses the season one finale in detail. If you haven't seen it, come back later.",
            True,
            1,
            10,
            1,
        ),
        ("This essay discusses the ending of season one, episode five, “Haar”.", True, 1, 5, 1),
        ("This transcript discusses season one, episode two in full.", True, 1, 2, 1),
        ("This extract discusses the ending of season one.", True, 1, None, 1),
        (
            "A note for viewers who are not yet up to date: the last answer below discusses the sixth episode of "
            "the first series.",
            True,
            1,
            6,
            1,
        ),
        ("A note for readers: the cast list below is the first series'.", False, None, None, None),
        ("This extract discusses the ending of the show's first and final series.", True, 1, None, 1),
        ("This live blog reveals the winner of the series one final.", True, 1, 10, 1),
        ("This excerpt discusses the fourth episode of the first series in detail.", True, 1, 4, 1),
        ("This debate discusses the ending of the first series.", True, 1, None, 1),
        (
            "The final two questions below, and their answers, give away the end of the sixth episode of season one.",
            True,
            1,
            6,
            1,
        ),
        ("The entry for Friday 11 April describes the final scene of season one.", True, 1, None, 1),
        (
            "A warning before we go on: what follows discusses events from all five episodes so far.",
            True,
            None,
            None,
            1,
        ),
        (
            "This article contains details of the fourth episode of season one. If you would rather find out on "
            "the night, stop reading here.",
            True,
            1,
            4,
            1,
        ),
        (
            "This webchat discusses the tenth and final episode of the first series, including who took the clock.",
            True,
            1,
            10,
            1,
        ),
        ("The lecture and the questions discuss the eighth episode of the third series.", True, 3, 8, 1),
        ("Catch-up warning: this entry gives away how series two, episode three ended last week.", True, 2, 3, 1),
        ("This AMA discusses the fifth episode of the first season, twist and all.", True, 1, 5, 1),
        (
            "This piece describes the closing scene of season one in detail. If you have not seen it, stop here.",
            True,
            1,
            None,
            1,
        ),
        ("If you're not caught up, skip this section: it reveals who lied in season one, episode two.", True, 1, 2, 1),
        ("The interview discusses the film's last scene.", True, None, None, 1),
        (
            "This recap is for people who have already seen season one, episode three. Everybody else: turn back.",
            True,
            1,
            3,
            1,
        ),
        ("This discussion covers the first four episodes of season one. The last two are on Sunday.", True, 1, 4, 1),
        ("Be aware that this recap spoils season one, episode six, from the cold open on.", True, 1, 6, 1),
        ("Please note that this review spoils the ending.", True, None, None, 1),
        ("Not up to date? Skip this section: it gives away season one, episode nine.", True, 1, 9, 1),
        ("Not caught up? Skip the rest of this entry: it gives away the season one finale.", True, 1, 10, 1),
        ("Not caught up? The first season is on the app now.", False, None, None, None),
        ("The commentary, and so this review, gives away how season one ends.", True, 1, None, 1),
        (
            "This article explains the ending of season one, episode seven, and there is no way to do that without "
            "spoilers. Watch it first.",
            True,
            1,
            7,
            1,
        ),
        (
            "This recap names the winner of season one, episode nine. If you have it saved for the weekend, stop "
            "reading here.",
            True,
            1,
            9,
            1,
        ),
        ("This recap names every contestant in season one.", False, None, None, None),
        ("The conversation below gives away the final scene of season one, episode six.", True, 1, 6, 1),
        ("A note before the reels start turning: this article describes how the film ends.", True, None, None, 1),
        ("These letters discuss the finale, episode 120 of its only season.", True, 1, 120, 1),
        ("This article describes what happens in the hundredth episode of season one.", True, 1, 100, 1),
        ("This article describes the finale of season one.", True, 1, 10, 1),
        (
            "If you have not yet watched series one, episode eight, the calls below will spoil it for you.",
            True,
            1,
            8,
            1,
        ),
        (
            "If you recorded it and have not watched yet, look away now: the final score is in the last round.",
            True,
            None,
            None,
            1,
        ),
        (
            "This piece mentions who poisons the lamb in series one, episode 7; if you are not there, stop here.",
            True,
            1,
            7,
            1,
        ),
        ("The final score of the film was written in a week.", False, None, None, None),
        ("A note before the reels start turning: the restored print is silent.", False, None, None, None),
        (
            "A warning for viewers: this piece quotes from the shooting script of series one, episode five of The "
            "Last Train to the Harbour at Onomichi, which has not yet been shown, and gives away what becomes "
            "of the stationmaster.",
            True,
            1,
            5,
            1,
        ),
        (
            "Everything below discusses the sixth and final episode of the first season, including the wedding.",
            True,
            1,
            6,
            1,
        ),
        ("Everything below the line is the reader's own opinion.", False, None, None, None),
        (
            "Readers who have not seen the play should know that this review describes its final scene.",
            True,
            None,
            None,
            1,
        ),
        ("Readers who have not seen the play should know that it runs for three hours.", False, None, None, None),
        (
            "The first half of this session discusses the fourth episode of the first season in detail.",
            True,
            1,
            4,
            1,
        ),
        ("This week's letters discuss the final episode of the second series (2.6).", True, 2, 6, 1),
        ("The explanation below reveals a plot turn from Book 2, episode 37.", True, 2, 37, 1),
        (
            "The fourth demand, and the reply to it, discuss how the sixth episode of the first season ends.",
            True,
            1,
            6,
            1,
        ),
        (
            "Before you set off: stops 5 and 6 give away the closing scenes of season one, episode eight.",
            True,
            1,
            8,
            1,
        ),
        ("Two of the reviews below mention the film's final scene.", True, None, None, 1),
        ("Two of the reviews below mention the director's dog.", False, None, None, None),
        ("Saturday's puzzle, and this interview, give away who dies in season 1, episode 9.", True, 1, 9, 1),
        ("WARNING!!! We talk about series 1 episode 5 in the bit about the boat.", True, 1, 5, 1),
        ("WOW!!! The boat scene was something else.", False, None, None, None),
        ("This bulletin describes the closing scene of the fourth episode of the first series.", True, 1, 4, 1),
        ("Card 6 describes how the film ends. If you have not seen it, skip to Card 7.", True, None, None, 1),
        (
            "A note first: Tuesday's and Wednesday's entries mention what happens in the second episode of season one.",
            True,
            1,
            2,
            1,
        ),
        ("SPOILER CORNER: the next bit is about Thursday's episode, number 8 of season one.", True, 1, 8, 1),
        ("Set visit news, your letters and (if you dare) Spoiler Corner.", False, None, None, None),
        (
            "Readers who have not seen Sunday's episode, the ninth of season one, should skip the next paragraph.",
            True,
            1,
            9,
            1,
        ),
        ("This recap covers week 6 of season one, and who went home.", True, 1, 6, 1),
        (
            "This log covers season one, episode three, the flood episode. If you have not seen it, it gives away "
            "who drowns.",
            True,
            1,
            3,
            1,
        ),
        (
            "Scores below are from the fourth live show of series one, on Saturday. Recorded it? Stop here.",
            True,
            1,
            4,
            1,
        ),
        ("Scores below are from live show 4 of series one. Look away now!", True, 1, 4, 1),
        ("Scores below are from the fourth live show of series one, on Saturday.", False, None, None, None),
        (
            "A word before we begin: this letter talks about how season one ends, episode ten included.",
            True,
            1,
            10,
            1,
        ),
        ("This review discusses the whole film, its last scene included. You may want to wait.", True, None, None, 1),
        ("This review discusses the whole film, its last scene included. It is very long.", False, None, None, None),
        (
            "Editor's note: entries 204 to 209 come from the filming of season one, episode four, and give away the "
            "storm.",
            True,
            1,
            4,
            1,
        ),
        ("VIEWERS, NOTE: the log below covers season one, episode two, and gives away the thief.", True, 1, 2, 1),
        ("Spoilers: this post covers episodes two to five of season one.", True, 1, 5, 1),
        ("Note for readers: the report below discusses the play's last scene.", True, None, None, 1),
        (
            "A note for Leeds audiences: Tamar's postcard below gives away what happens in the last act.",
            True,
            None,
            None,
            1,
        ),
        ("NB: these minutes discuss the film's final scene.", True, None, None, 1),
        ("This review and the cue sheet below give away the end of season one, episode 4.", True, 1, 4, 1),
        (
            "If you have not yet heard Monday's episode, the third of season one, the results below spoil it.",
            True,
            1,
            3,
            1,
        ),
        ("A note for families: Grandpa Tortoise gives away the picnic surprise in season one.", True, 1, None, 1),
        ("This piece, like the script itself, gives away how season one ends.", True, 1, None, 1),
        (
            "The pitch runs to nine pages and is dated May. (This piece, like the pitch, gives away how season one "
            "ends.)",
            True,
            1,
            None,
            1,
        ),
        (
            "The stunt team walked us through the fall. (There are no major plot spoilers below, though the fall is "
            "described.)",
            False,
            None,
            None,
            None,
        ),
    ],
)
def test_spoiler_warning_becomes_a_scope(directory, warning, flagged, season, episode, follows):
    text = f"Headline\n\n{warning}\n\nThe body of the piece goes here."
    spoiler = analyse(text, directory, works=[TPT], season_lengths={1: 10}).spoiler
    assert (spoiler.flagged, spoiler.season, spoiler.episode, spoiler.follows_from_paragraph) == (
        flagged,
        season,
        episode,
        follows,
    )
    assert spoiler.work == TPT


@pytest.mark.parametrize(
    "paragraph",
    [
        "Warning: the car park fills up by nine.",
        "Look away now if you are squeamish: the bake-off tent is full of snakes.",
        "Warning to the audience before the episode: the strobe lights are bright.",
        "Caution, she says, is the whole of the job in the finale.",
        "A warning for anyone driving to the premiere: the bridge closes at six.",
        "Fair warning: the seats are hard and the film is long.",
        "The cast talked about the finale for an hour. If you haven't seen the play, the foyer sells tickets.",
        "The bar opens at six, and the cloakroom is free.",
        "This article contains details of the car park, which fills up by nine.",
        "This review discusses the finale at length. The cast were charming at the premiere afterwards.",
        "“That’s a spoiler,” Quintela said.",
        "Food: five stars. Service: four stars. Company: five stars, minus one for the spoiler.",
    ],
)
def test_a_warning_that_gives_nothing_away_is_not_a_spoiler_warning(directory, paragraph):
    assert analyse(f"Headline\n\n{paragraph}\n\nThe body.", directory).spoiler.flagged is False


def test_finale_without_season_lengths_has_no_episode(directory):
    spoiler = analyse("H\n\nWarning: Spoilers for the Season 1 finale follow.\n\nText.", directory).spoiler
    assert (spoiler.season, spoiler.episode) == (1, None)


def test_metadata_lines_leave_the_paragraphs(directory):
    text = (
        "A headline\n\nRuth Kinane\n·10 min read\n\nSophie Giraud/Netflix\n\nThe first paragraph.\n\n"
        "Want more shows sent right to your inbox? Click here.\n\nRelated content:"
    )
    analysis = analyse(text, directory)
    assert analysis.title == "A headline"
    assert analysis.bylines == ["Ruth Kinane"]
    assert analysis.byline_keys == ["ruth-kinane"]
    assert analysis.image_credits == ["Sophie Giraud/Netflix"]
    assert analysis.reading_time == "10 min read"
    assert analysis.paragraphs == ["The first paragraph."]
    assert len(analysis.boilerplate) == 3


def test_byline_with_a_job_title_line(directory):
    analysis = analyse("Headline\n\nRuth Kinane\nSenior Editor\n\nBody text here.", directory)
    assert (analysis.bylines, analysis.byline_label) == (["Ruth Kinane"], "Senior Editor")


def test_byline_with_a_handle_at_the_end(directory):
    analysis = analyse("Headline\n\nA long enough body paragraph.\n\n— Blair Krassen (@blairlyawake)", directory)
    assert (analysis.bylines, analysis.handles) == (["Blair Krassen"], ["@blairlyawake"])


def test_empty_text_is_an_error(directory):
    assert analyse("  \n\n", directory).errors


# --- The shared seeds (read at run time, never copied) -------------------------------------------

needs_seeds = pytest.mark.skipif(not (SEEDS / "facts.json").exists(), reason=f"shared seeds not found at {SEEDS}")


def _seed(prefix):
    return next(case for case in seed_cases() if case.name.startswith(prefix))


@needs_seeds
def test_seed_000_metadata_and_every_quote_speaker():
    case = _seed("000_")
    analysis = case.run()
    labels = case.labels
    assert analysis.title == labels["title"]
    assert analysis.bylines == labels["bylines"]
    assert analysis.image_credits == labels["image_credits"]
    assert analysis.spoiler.flagged is labels["spoiler"]["flagged"]
    assert len(analysis.quotes) == len(labels["quotes"])
    for found, wanted in zip(analysis.quotes, labels["quotes"], strict=True):
        assert found.text == wanted["text"]
        assert case.directory.name_of(found.speaker_key) == wanted["speaker"]


@needs_seeds
def test_seed_002_qa_speakers_resolve_the_misspelled_alias():
    case = _seed("002_")
    analysis = case.run()
    assert analysis.title == case.labels["title"]
    assert analysis.bylines == case.labels["bylines"]
    assert analysis.quotes == []
    labelled = case.labels["qa_turns"]
    assert len(analysis.qa_turns) == len(labelled)
    for turn, wanted in zip(analysis.qa_turns, labelled, strict=True):
        assert turn.text.startswith(wanted["text_start"])
        assert (turn.role, turn.label) == (wanted["role"], wanted["label"])
        assert case.directory.name_of(turn.speaker_key) == wanted["speaker"]
    assert any(t.label == "JOLETTE" and t.speaker_key == "casimere-jollette" for t in analysis.qa_turns)


# --- Our own labelled articles --------------------------------------------------------------------


@pytest.mark.skipif(not (OWN / "people.json").exists(), reason="no labelled articles")
@pytest.mark.parametrize("case", own_cases(), ids=lambda case: case.name)
def test_own_article_meets_the_accuracy_bar(case):
    analysis = case.run()
    score = score_case(case, analysis)
    for value in (score.precision, score.recall, score.credit_f1):
        assert value is None or value >= 0.95, score.misses
    assert score.speaker_ok == score.speaker_total, score.misses
    assert score.qa_ok == score.qa_total, score.misses
    assert score.spoiler_ok == score.spoiler_total, score.misses
    assert analysis.title == case.labels["title"]
    assert analysis.bylines == case.labels["bylines"]
    assert analysis.image_credits == case.labels["image_credits"]
    assert analysis.kind == case.labels["kind"]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo: Ama Boateng for Callboard", "Ama Boateng for Callboard"),
        ("*Photograph by Ama Boateng*", "Ama Boateng"),
        ("Image courtesy of Tallis", "Tallis"),
        ("Main photo: Tallis / Hollow Pictures", "Tallis / Hollow Pictures"),
    ],
)
def test_a_photo_credit_line_anywhere_is_an_image_credit_not_a_paragraph(line, credit):
    text = f"Headline\n\nFirst paragraph of the story, long enough.\n\n{line}\n\nSecond paragraph of the story."
    analysis = analyse(text, NameDirectory([]))
    assert analysis.image_credits == [credit]
    assert all(line not in paragraph for paragraph in analysis.paragraphs)


def test_an_editors_note_at_the_end_stays_in_the_article():
    text = "Headline\n\nThe interview itself.\n\nThis interview has been edited and condensed for clarity."
    analysis = analyse(text, NameDirectory([]))
    assert analysis.paragraphs[-1] == "This interview has been edited and condensed for clarity."
    assert analysis.boilerplate == []


def test_lines_wrapped_at_a_width_join_and_a_list_of_lines_does_not():
    from articles.text.analyse import split_paragraphs

    wrapped = (
        "The harbour master had kept the light for thirty-one years before the\n"
        "council voted to automate it, and he said that he would go on climbing\n"
        "the stairs every night until somebody took the key away from him."
    )
    listed = (
        "Stanislaw Nowak, a former Polish airman working as the farm's foreman, played by Bartosz Zielinski\n"
        "Marjorie Quarrie, the youngest, played by the newcomer Bettany Frome\n"
        "Cyril Dack, the farmer, played by Ptolemy Ashworth-Nunn"
    )
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split("\n"))]
    assert split_paragraphs(listed) == listed.split("\n")


def test_a_statement_read_out_by_someone_is_theirs_wherever_the_article_quotes_it_again():
    paragraphs = [
        "The jury's statement, read from the stage by its president, the Georgian director Ketevan Mirianashvili, "
        "began with a joke.",
        "The statement went on: “It is a film about work.”",
        *[f"The {n} prize money is paid in spring." for n in ("first", "second", "third", "fourth", "fifth")],
        "The animator Dildora Yusupova won a mention for The Loom at Night, which the statement called “eleven "
        "minutes that felt like a lifetime”.",
    ]
    analysis = analyse("Jury crowns the vineyard film\n\n" + "\n\n".join(paragraphs), NameDirectory([]))
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ketevan Mirianashvili"] * 2


def test_a_critics_poll_credits_its_verdicts_to_the_critic_in_brackets_or_after_a_dash():
    body = (
        "2. The Tamarind Inspector (Serendib Screen), 287 points\n\n"
        "A bus-park sitcom. “Funnier than anything made in London this year, and with better shirts.” (Kang "
        "Seo-yeon, Hanbit Ilbo)\n\n"
        "A consulate by night. “I have watched the fourth episode three times and still do not know who is "
        "lying” – Leopold Mwangi-Sørensen, Nordlys Avis\n\n"
        "Chaminda Rupasinghe as Inspector Wijesekera. “The slowest walk on television.” – Dilrukshi Jayawardena"
    )
    analysis = analyse(f"The critics' ten best series\n\n{body}", NameDirectory([]))
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Kang Seo-yeon",
        "Leopold Mwangi-Sørensen",
        "Dilrukshi Jayawardena",
    ]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Chaminda Rupasinghe", "Inspector Wijesekera")
    }


@pytest.mark.parametrize(
    "before",
    ["created by ", "devised by ", "adapted by ", "commissioned by ", "Written by ", "designed by the costumier "],
)
def test_a_maker_of_the_work_is_read_as_who_made_it(before):
    assert MADE_BY_RE.search(f"The series was {before}") is not None
