"""Reading an article about a show Callboard has never seen: the people it introduces, who plays
whom, and that nobody the article does not name is ever given a quote."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.text.analyse import analyse, split_paragraphs
from articles.text.cast import NAME_RUN_RE, article_cast
from articles.text.directory import build_directory

# Already in the database: a namesake of one of the article's people, credited on another show, and a
# staff writer whose surname a moderator shares.
DATABASE = [
    {"key": "dana-albright", "name": "Dana Albright", "credits": [{"work": "Other Show", "character": "Nell"}]},
    {"key": "jane-moss", "name": "Jane Moss"},
    {"key": "anna-maiche", "name": "Anna Maiche", "credits": [{"work": "Tiny Pretty Things", "character": "Cassie"}]},
]
WORK = "Harbour Lights"


def read(body: str, *, people=DATABASE, headline: str = "Harbour Lights gets a second season", **options):
    directory = build_directory(people, [WORK])
    return analyse(f"{headline}\n\n{body}", directory, works=[WORK], **options)


def speakers(analysis) -> list[tuple[str | None, bool]]:
    return [(quote.speaker_name, quote.new) for quote in analysis.quotes]


def test_a_surname_after_the_full_name_is_the_person_the_article_introduced():
    analysis = read(
        "Aiko Kimura spent three years on the docks.\n\n“We wanted the fog to feel alive,” Kimura said.\n\n"
        "“And the gulls would not stop,” she added."
    )
    assert speakers(analysis) == [("Aiko Kimura", True), ("Aiko Kimura", True)]
    assert [quote.speaker_key for quote in analysis.quotes] == [None, None]
    assert analysis.introduced == ["Aiko Kimura"]


def test_a_namesake_in_the_database_is_never_given_the_quote():
    analysis = read("Leo Albright runs the harbour crew.\n\n“It rained for a month,” Albright said.")
    assert speakers(analysis) == [("Leo Albright", True)]


def test_a_person_the_article_does_not_name_is_never_a_speaker():
    analysis = read("The moderator, Priya Moss, kept time.\n\n“Two more questions,” Moss said.")
    assert speakers(analysis) == [("Priya Moss", True)]
    analysis = read("“It rained for a month,” Maiche said.")
    assert analysis.quotes[0].speaker_key is None and analysis.quotes[0].speaker_name is None


def test_a_person_the_article_names_in_full_is_the_database_person():
    analysis = read("Dana Albright stopped by the set.\n\n“I came for the fish,” Albright said.")
    assert [(quote.speaker_key, quote.new) for quote in analysis.quotes] == [("dana-albright", False)]


def test_two_people_the_surname_fits_leave_the_quote_unresolved():
    analysis = read(
        "Leo Albright and his sister Mia Albright both joined the cast.\n\n“We argue about the boat,” Albright said."
    )
    assert speakers(analysis) == [(None, False)]
    assert analysis.quotes[0].speaker_written == "Albright"
    assert analysis.quotes[0].candidate_names == ("Leo Albright", "Mia Albright")


def test_credits_in_all_four_forms_for_people_not_in_the_database():
    analysis = read(
        "The cast: Mia Tanaka (Inspector Pell), Rosa Vance as Marguerite, and Teodor Lind, who plays Captain "
        "Rook. Brother Amos (Hugo Saint) completes the crew. Tanaka and Lind shot in March."
    )
    credits = {(credit.person, credit.character, credit.new) for credit in analysis.credits}
    assert credits == {
        ("Mia Tanaka", "Inspector Pell", True),
        ("Rosa Vance", "Marguerite", True),
        ("Teodor Lind", "Captain Rook", True),
        ("Hugo Saint", "Brother Amos", True),
    }
    assert "Inspector Pell" not in analysis.introduced and "Brother Amos" not in analysis.introduced


def test_credits_keep_titles_and_read_descriptions_dashes_and_played_by():
    analysis = read(
        "Ines Barrow, who plays the rector's widow, Lady Honoria Vell, joined Tobias Quaile, who plays the "
        "sullen gardener, Mr. Abel Stott. Saskia Dunmore, as his daughter Wren, steals the pilot; Otto Fenn "
        "plays the Dutch engineer, Captain Joos Harmsen. The ship's doctor, Doctor Bertil Ros, "
        "played by Kasimir Lodge, barely speaks, and Lena Hart — Detective Inspector Maud Kerrigan — has "
        "the final scene.\n\nOtto Fenn — Joos Harmsen\nNell Pryor — Clemency Hobb"
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Ines Barrow", "Lady Honoria Vell"),
        ("Tobias Quaile", "Mr. Abel Stott"),
        ("Saskia Dunmore", "Wren"),
        ("Otto Fenn", "Captain Joos Harmsen"),
        ("Kasimir Lodge", "Doctor Bertil Ros"),
        ("Lena Hart", "Detective Inspector Maud Kerrigan"),
        ("Nell Pryor", "Clemency Hobb"),
    }
    assert not {"Joos Harmsen", "Bertil Ros", "Abel Stott", "Maud Kerrigan"} & set(analysis.introduced)


def test_a_description_or_a_place_is_never_read_as_the_role():
    analysis = read(
        "Vera Lusk plays the mother of Tom Quill. Ada Penn joins as the new girl from Dundee. "
        "Rosa Vance plays Marguerite opposite her husband, Jory Vance."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {("Rosa Vance", "Marguerite")}


def test_a_line_said_by_a_titled_character_under_their_first_name_goes_to_the_actor():
    analysis = read(
        "Ines Barrow plays the formidable Lady Honoria Vell.\n\n"
        "“Sit down and eat your soup,” Honoria snaps at the vicar."
    )
    [quote] = analysis.quotes
    assert (quote.speaker_name, quote.character) == ("Ines Barrow", "Lady Honoria Vell")


def test_a_pronoun_follows_the_person_the_text_has_shown_to_share_its_gender():
    analysis = read(
        "Magda Rusz drew the first map. Viktor Rusz, her brother, still has it. He keeps it in his wallet, "
        "and she hates that.\n\n“It is mortifying,” she says.\n\n“It is a good map,” he says."
    )
    assert speakers(analysis) == [("Magda Rusz", True), ("Viktor Rusz", True)]
    analysis = read("Lina Moor arrived with her brother, Amos Moor.\n\n“We nearly missed the boat,” she said.")
    assert speakers(analysis) == [("Lina Moor", True)]


def test_a_pronoun_opening_a_clause_about_someone_else_does_not_set_the_speakers_gender():
    analysis = read(
        "Hana Oda met a fan on the pier. “He's right about the boat,” Oda says once he has gone.\n\n"
        "Rex Lowe, her director, was busy: he had notes.\n\n“I was in a car park,” she recalls."
    )
    assert speakers(analysis)[-1] == ("Hana Oda", True)


def test_a_line_a_character_says_goes_to_the_actor_who_plays_them():
    analysis = read(
        "Mia Tanaka (Inspector Pell) leads the raid.\n\n“You will hang for this,” Inspector Pell warns the smugglers."
    )
    [quote] = analysis.quotes
    assert (quote.speaker_name, quote.character, quote.new) == ("Mia Tanaka", "Inspector Pell", True)


def test_any_speech_verb_after_a_named_speaker_attributes_the_quote():
    analysis = read(
        "Mia Tanaka and Leo Albright built the pier.\n\n"
        "“It took six weeks to build,” Tanaka marvels.\n\n“And one storm to wreck it,” Albright grumbles."
    )
    assert speakers(analysis) == [("Mia Tanaka", True), ("Leo Albright", True)]


def test_an_open_verb_after_no_name_gives_no_speaker():
    analysis = read("“The pier is gone for good,” the harbour board confirms.")
    assert [(quote.speaker_name, quote.speaker_key) for quote in analysis.quotes] == [(None, None)]


def test_only_the_people_who_speak_or_are_credited_are_proposed():
    analysis = read(
        "Leo Albright shot the series in Port Talbot for Northwind Studios and the Harbour Trust.\n\n"
        "“We owe the town,” Albright said."
    )
    assert analysis.introduced == ["Leo Albright"]


def test_the_season_finale_is_read_with_the_season_lengths():
    analysis = read(
        "Warning: spoilers for the Season 1 finale of Harbour Lights follow.\n\nThe pier burns.",
        season_lengths={1: 8},
    )
    assert (analysis.spoiler.season, analysis.spoiler.episode) == (1, 8)


def test_qa_with_two_interviewers_capital_labels_and_first_names_after_full_names():
    body = (
        "By Jane Moss and Tom Okafor\n\nAiko Kimura and Leo Albright sat down with us.\n\n"
        "**JANE MOSS:** How cold was the water?\n\n**AIKO KIMURA:** Colder than the script said.\n\n"
        "**TOM OKAFOR:** And the boat?\n\n**LEO ALBRIGHT:** It leaked from day one.\n\n"
        "**Tom:** Would you go back?\n\n**Aiko:** Tomorrow.\n\n**Leo:** Not in January."
    )
    people = [*DATABASE, {"key": "tom-okafor", "name": "Tom Okafor"}]
    analysis = read(body, people=people)
    turns = [(turn.role, turn.speaker_name) for turn in analysis.qa_turns]
    assert turns == [
        ("question", "Jane Moss"),
        ("answer", "Aiko Kimura"),
        ("question", "Tom Okafor"),
        ("answer", "Leo Albright"),
        ("question", "Tom Okafor"),
        ("answer", "Aiko Kimura"),
        ("answer", "Leo Albright"),
    ]
    assert [turn.new for turn in analysis.qa_turns if turn.role == "answer"] == [True, True, True, True]


def test_an_unknown_label_that_asks_once_is_the_interviewer_in_every_turn():
    body = (
        "By Jane Moss\n\nOdile Marchetti talks fog and harbours.\n\n"
        "**HB:** How much of the fog is real?\n\n**Marchetti:** All of it, most mornings.\n\n"
        "**HB:** You learned to drive the launch yourself.\n\n**Marchetti:** Six weeks of lessons."
    )
    turns = [(turn.role, turn.speaker_key or turn.speaker_name) for turn in read(body).qa_turns]
    assert turns == [
        ("question", "jane-moss"),  # the byline, in the database
        ("answer", "Odile Marchetti"),  # new
        ("question", "jane-moss"),
        ("answer", "Odile Marchetti"),
    ]


def test_qa_labels_link_to_the_person_the_directory_resolves_them_to():
    from articles.text.directory import NameDirectory, PersonEntry, label_table

    directory = NameDirectory(
        [
            PersonEntry("leo-albright", "Leo Albright", aliases=("Leonard Albright",)),
            PersonEntry("leo-marsh", "Leo Marsh"),
            PersonEntry("aiko-kimura", "Aiko Kimura"),
        ]
    )
    table = label_table(directory, {"leo-albright": "/people/leo-albright/", "aiko-kimura": "/people/aiko-kimura/"})
    assert table["leonard albright"] == table["albright"] == "/people/leo-albright/"
    assert table["kimura"] == table["aiko"] == "/people/aiko-kimura/"
    assert "leo" not in table  # two people are Leo
    assert "marsh" not in table and "leo marsh" not in table  # no page to link to


def test_a_short_sentence_of_speech_before_a_quote_names_its_speaker():
    # Without the lead sentence the quote would go to the last person named, Mia Tanaka.
    analysis = read("Leo Albright met Mia Tanaka at the pier. He laughed. “It will never float.”")
    assert speakers(analysis) == [("Leo Albright", True)]
    analysis = read("Leo Albright met Mia Tanaka at the pier. Tanaka shrugged. “It will never float.”")
    assert speakers(analysis) == [("Mia Tanaka", True)]


def test_an_oral_history_reads_labels_with_a_role_in_brackets_and_surnames_after():
    body = (
        "By Jane Moss\n\nHow a fishing drama got made, told by the people who made it.\n\nTHE PITCH\n\n"
        "MIA TANAKA (creator): I wanted the sea to be the villain, and nobody else did.\n\n"
        "TEODOR LIND (Captain Rook): I read it on a train and missed my stop.\n\n"
        "TANAKA: He still tells that story at every wrap party.\n\n"
        "LIND: Because it is true. I ended up in Crewe.\n\nSEAN O'NEILL-VANCE (composer): I just wrote the gulls in."
    )
    analysis = read(body)
    assert [(turn.role, turn.speaker_name) for turn in analysis.qa_turns] == [
        ("answer", "Mia Tanaka"),
        ("answer", "Teodor Lind"),
        ("answer", "Mia Tanaka"),
        ("answer", "Teodor Lind"),
        ("answer", "Sean O'Neill-Vance"),
    ]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Teodor Lind", "Captain Rook")}
    assert analysis.quotes == []


def test_a_closing_paragraph_that_starts_with_by_is_prose_not_a_byline():
    body = (
        "Hana Oda swam out at dawn while the crew watched.\n\n“We go again tomorrow at six,” Oda said.\n\n"
        "Rosa Lowe, the director, packed up the monitors: she had a train to catch.\n\n"
        "By the end of the day the tide had turned and Hana Oda was asleep in the van.\n\n"
        "“Same cloud, probably,” she says."
    )
    analysis = read(body)
    assert analysis.bylines == []
    assert speakers(analysis) == [("Hana Oda", True), ("Hana Oda", True)]


def test_a_partial_quote_in_a_sentence_whose_subject_is_a_pronoun_goes_to_who_the_pronoun_means():
    body = (
        "Magda Rusz flew in from Toronto, and her brother, Viktor Rusz, met her at the door. She looked, by her "
        "own admission, “like someone who slept in an airport.”"
    )
    assert speakers(read(body)) == [("Magda Rusz", True)]


def test_credits_with_the_actor_described_in_a_parenthesis_or_after_played_by():
    analysis = read(
        "The ferryman, Osgood Tarrant (a gloriously shifty Benedek Ruall), takes the money. His niece Wenna "
        "(newcomer Lys Ferreira-Holt) takes the oars. Enter Canon Lucius Ebbe, the choir's tyrant, played with "
        "icy, precise menace by guest star Torin Vassilakis. Hazel Quaye, a lock-keeper played with quiet "
        "warmth by Rhiannon Dukes, lights the lamps. Ebbe's housekeeper and only confidante, Mrs Pell, is "
        "played by the veteran stage actor Dame Opal Strickland.\n\nAnd Meret Salk, who has been tapped "
        "to play Ilse Varga, arrives in the spring. Bram Okoro is Aurel Dancu, the Romanian harbourmaster."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Benedek Ruall", "Osgood Tarrant"),
        ("Lys Ferreira-Holt", "Wenna"),
        ("Torin Vassilakis", "Canon Lucius Ebbe"),
        ("Rhiannon Dukes", "Hazel Quaye"),
        ("Opal Strickland", "Mrs Pell"),  # the person, without her title
        ("Meret Salk", "Ilse Varga"),
        ("Bram Okoro", "Aurel Dancu"),
    }


def test_credits_after_as_played_by_whose_a_described_bracket_a_relative_clause_and_a_nickname():
    analysis = read(
        "The feast is hosted by Mayor Oona Castellane, as played by Ilse Marchbank, in the town hall. Tobin "
        "Ashgrove, whose Constable Reuben Fyfe finds the body, joined us. A subplot follows Brother Anselm, "
        "the hermit (Dario Quintavalle), and a ferry brings Wenna Pascoe, whom nobody has seen in years, "
        "played by the Truro-born stage actress Morwenna Tregear. Hollis Obi returns as the night porter "
        "Bartholomew \u201cBart\u201d Crane.\n\nOur first look at Kemi Adeyinka's weary, stubborn "
        "inspector, Detective Inspector Femi Okoro, is a treat."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Ilse Marchbank", "Mayor Oona Castellane"),
        ("Tobin Ashgrove", "Constable Reuben Fyfe"),
        ("Dario Quintavalle", "Brother Anselm"),
        ("Morwenna Tregear", "Wenna Pascoe"),
        ("Hollis Obi", "Bartholomew Crane"),
        ("Kemi Adeyinka", "Detective Inspector Femi Okoro"),
    }


def test_credits_whose_role_is_a_pronoun_or_whose_actor_is_a_surname_in_a_second_clause():
    analysis = read(
        "Ambrose Kettle and Noor Lindqvist join the cast. Kettle is best known for nine series as the "
        "landlord Stan Prowse in the comedy Last Orders, and Lindqvist for two years as the prison governor "
        "Hedda Brandt in Ironside.\n\nThe doctor, Dr Ravi Anand, arrives from Bombay. He is played by "
        "Sunil Mehra-Lyle, who makes every refusal sound kind. Gerald Pike is the landlady's idle nephew, and "
        "Rupert Okafor-Hale plays him with doomed confidence."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Ambrose Kettle", "Stan Prowse"),
        ("Noor Lindqvist", "Hedda Brandt"),
        ("Sunil Mehra-Lyle", "Dr Ravi Anand"),
        ("Rupert Okafor-Hale", "Gerald Pike"),
    }


def test_her_before_a_noun_or_a_possessive_subject_is_no_role():
    analysis = read(
        "Magda Rusz is the director's choice, and Tobias Fenn plays her husband. Silas's sister has spent "
        "the season in the gallery, and Elspeth Marr, who plays her, is superb."
    )
    assert not analysis.credits


@pytest.mark.parametrize("opening", ["Next up is pie week", "Finally, pie week", "First came pie week"])
def test_a_word_that_orders_a_sentence_is_never_the_speaker(opening):
    analysis = read(f"{opening}, and the parting instruction was blunt: \u201cBring a coat and a bigger oven.\u201d")
    assert [quote.speaker_written for quote in analysis.quotes] == [None]


def test_credits_in_a_review_a_career_a_list_and_an_obituary():
    analysis = read(
        "For a decade Tamsin Oyelaran was Judge Hettie Crane in Gallowgate, and she misses the wig. Corin "
        "Ashby has the harder job as Piers Tremayne. Guest star Margit Vos has been the show's secret weapon "
        "as Dorothea Lind. Jenna Tolley, who has spent most of a long career in supporting parts, plays "
        "Loveday Pascoe. Elias Brook, as the charming but untrustworthy river spirit Tobin Vale, got the "
        "biggest laugh. Philippa Okonjo, the actor whose Glenys Hobday ruled the boarding house, has died."
        "\n\nAlso joining the cast:\n"
        "Stanislaw Nowak, a former Polish airman now working as the farm's foreman, played by Bartosz Zielinski\n"
        "Marjorie Quarrie, Nell's youngest, played by the newcomer Bettany Frome, 12\n"
        "Cyril Dack, the farmer, played by Ptolemy Ashworth-Nunn"
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Tamsin Oyelaran", "Judge Hettie Crane"),
        ("Corin Ashby", "Piers Tremayne"),
        ("Margit Vos", "Dorothea Lind"),
        ("Jenna Tolley", "Loveday Pascoe"),
        ("Elias Brook", "Tobin Vale"),
        ("Philippa Okonjo", "Glenys Hobday"),
        ("Bartosz Zielinski", "Stanislaw Nowak"),
        ("Bettany Frome", "Marjorie Quarrie"),
        ("Ptolemy Ashworth-Nunn", "Cyril Dack"),
    }


def test_a_bracket_beside_a_credited_family_reads_the_family_name_as_the_role():
    analysis = read(
        "Orrery has cast Perdita Vane as Nell Quarrie. The cast includes Rufus Adeyemi-Clarke (Tom Quarrie), "
        "Nell's eldest son."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {("Perdita Vane", "Nell Quarrie"), ("Rufus Adeyemi-Clarke", "Tom Quarrie")}


def test_a_clause_after_as_a_job_after_was_and_a_premiered_film_credit_nobody():
    analysis = read(
        "Ellery Vance is leaving after five seasons as Bluewater rules out a recast. Dana Obi was Executive "
        "Producer on Gallowgate for years. Oona Kettunen-Shaw's Winter Apiary had its world premiere on "
        "Thursday."
    )
    assert not analysis.credits


def test_a_speaker_after_two_jobs_and_a_comma_is_the_name_there():
    analysis = read(
        "\u201cEvery family in our street went picking,\u201d said the show's creator and writer, Ewan "
        "Tallis-Greer, whose grandmother worked the farms."
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ewan Tallis-Greer"]


def test_a_she_who_plays_is_nobody_the_reading_cannot_tell_not_the_last_name_written():
    analysis = read(
        "Leocadia Brandt was a stage actor for two decades. That changed with Quayside Nine, the harbour "
        "thriller created by Malachy Dorrell, in which she plays Chief Inspector Greta Stahl."
    )
    assert ("Malachy Dorrell", "Chief Inspector Greta Stahl") not in {
        (credit.person, credit.character) for credit in analysis.credits
    }


def test_a_she_in_a_paragraph_naming_nobody_is_the_headlines_subject_once_shown_to_be_a_she():
    analysis = read(
        "Philippa Okonjo, who ruled a sitcom's boarding house for fourteen series, has died. She was 86.\n\n"
        "Her daughter, Thea Marsh, said the family was grateful. \u201cShe never stopped working,\u201d "
        "Marsh said.\n\n"
        "A 2016 interview asked about being remembered for one part. \u201cIt bought me a house,\u201d she said.",
        headline="Philippa Okonjo, television's sternest landlady, dies at 86",
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Thea Marsh", "Philippa Okonjo"]


def test_a_show_a_role_is_played_on_and_a_pronoun_after_an_indefinite_phrase_are_not_speakers():
    analysis = read(
        "Kenji Morita, who plays the burned-out Detective Glenn Kane on Pacific Standard, went first. "
        "\u201cI did the big scene to a reader,\u201d he said.\n\n"
        "Sigrun Holt returns as Solveig Dahl. When a junior officer tries to take a case file from her she "
        "simply says, \u201cI have not finished reading.\u201d"
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Kenji Morita", "Sigrun Holt"]


def test_credits_in_a_soap_recap_a_stunt_piece_a_profile_and_a_reunion():
    analysis = read(
        "Of course, somebody objects. It is Nola's son, Ricky Cheever, played by Dashiell Morant, who bursts "
        "in. Nola finds her first husband, Vince Cheever, at the rail. Vince died in 2000. He is played, once "
        "again, by Reuben Asquith-Tait, who left in 2001. The line belongs to Nurse Carmody Blessing, the head "
        "of the department, played for all 22 seasons by Philippa Lowe, who delivers it.\n\n"
        "Rennick Oyarzun leads. Shaun is doubling for Oyarzun's character, the cat burglar Ash Penrith, on "
        "the roofs.\n\n"
        "Aloysius Carrow is 74. He has played fishermen and popes. For nine seasons he was Dr Fitzroy Penney, "
        "the gloomy coroner of Saltmarsh.\n\n"
        "Then: Spud Garbutt, the gang's clumsy inventor. Now: Jonty Fairbairn, 41, a councillor.\n\n"
        "Krystal Delahunt\n\nThen: Misty Lindgren, head cheerleader and resident schemer."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Dashiell Morant", "Ricky Cheever"),
        ("Reuben Asquith-Tait", "Vince Cheever"),
        ("Philippa Lowe", "Nurse Carmody Blessing"),
        ("Rennick Oyarzun", "Ash Penrith"),
        ("Aloysius Carrow", "Dr Fitzroy Penney"),
        ("Jonty Fairbairn", "Spud Garbutt"),
        ("Krystal Delahunt", "Misty Lindgren"),
    }


def test_a_relative_is_no_role_after_a_possessive():
    analysis = read("Rennick Oyarzun is the lead. Oyarzun's wife, Keturah Lodge, is a stunt performer.")
    assert not [credit for credit in analysis.credits if credit.character == "Keturah Lodge"]


def test_a_relative_with_her_name_beside_her_is_that_person():
    analysis = read(
        "Ailbhe Danjuma was on air. Her mother, Grainne Rourke, had texted the programme, and the host read "
        "the message out: \u201cTell him she gets it all from me.\u201d"
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Grainne Rourke"]


def test_the_words_of_a_reported_question_are_the_askers():
    analysis = read(
        "Suwen Haverkamp chairs the jury.\n\nAsked by Tobiah Fenn of the Dublin Courier whether the jury "
        "wanted \u201ca film that means something or a film people watch,\u201d Haverkamp laughed."
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Tobiah Fenn"]


def test_the_police_in_the_police_drama_is_no_source():
    analysis = read(
        "Aloysius Carrow has played popes. For nine seasons he was the gloomy coroner of the police drama "
        "Harrow Cove, whose verdict on every body was delivered in the same flat voice: \u201cDead, I'm "
        "afraid.\u201d"
    )
    assert "police" not in (analysis.quotes[0].speaker_written or "")


def test_credits_after_a_second_description_a_long_aside_a_scene_setting_opening_and_in_a_bracketed_list():
    analysis = read(
        "Benedict Ouellet, who plays her partner, the gentle and deeply unlucky police officer Linus Finch, "
        "laughed. Albinia Cresswell, a newcomer from Halifax who was working in a call centre when she was "
        "cast, plays Kezia Marwick.\n\n"
        "Up in the main stand, the club's chairwoman, Maxine Scholefield, is on the phone. She is played by "
        "Hermione Lusby, who grew up in Grimsby.\n\n"
        "Jean Baird (Priti Ghosal)\n"
        "Sir Duncan Ure, the paper's proprietor, played by Anstey Brammall\n"
        "Joss Adebanjo as the copy boy Eck Menzies"
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Benedict Ouellet", "Linus Finch"),
        ("Albinia Cresswell", "Kezia Marwick"),
        ("Hermione Lusby", "Maxine Scholefield"),
        ("Priti Ghosal", "Jean Baird"),
        ("Anstey Brammall", "Sir Duncan Ure"),
        ("Joss Adebanjo", "Eck Menzies"),
    }


def test_a_show_described_by_its_channel_and_its_creator_are_not_who_plays_the_lead():
    analysis = read(
        "For six years Corentin Abiola-Frey was the friendliest face on television. In The Undertow "
        "Protocol, Harrier's new eight-part spy thriller created by Jerzy Bannerman, he plays Miles Kane."
    )
    assert not {credit.person for credit in analysis.credits} & {"Undertow Protocol", "Jerzy Bannerman"}


def test_a_critic_of_a_paper_speaks_not_the_paper():
    analysis = read(
        "Early reactions have been warm. Lorimer Dace of the Kingsway Gazette, who was sheltering under the "
        "awning, called it \u201cthe most beautiful thing I have seen this year\u201d."
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Lorimer Dace"]


def test_a_she_who_plays_in_a_profile_is_its_subject_when_nobody_else_was_named_since():
    analysis = read(
        "For a decade Hildegard Ashby was the best thing in other people's shows. In The Grayling Cases, a "
        "new mystery series, she finally has the lead. She plays Inspector Hester Grayling.",
        headline="Hildegard Ashby finally has the lead",
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {("Hildegard Ashby", "Inspector Hester Grayling")}


def test_a_job_before_a_bracket_or_a_place_after_whose_credits_nobody():
    analysis = read(
        "We met Ada Obi, the director (Tamsin Vale), at the bar. Cormac Reilly, whose New York apartment is "
        "tiny, laughed. Ines Barrow, whose Harbour Lights debut was in 2019, did not."
    )
    assert not analysis.credits


def test_a_parenthesis_that_describes_no_person_credits_nobody():
    analysis = read(
        "The harbour (a grey Cornish inlet) fills at noon. The vote (the third this year) went to Penwith. "
        "Osgood Tarrant (a ferryman) waits."
    )
    assert not analysis.credits


def test_credits_after_role_words_an_age_a_description_and_a_leading_as():
    analysis = read(
        "Ines Barrow won best actress for her role as Hester Vail, the vicar. Otto Fenn took the supporting "
        "prize for playing the ship's purser, Mr. Dunsany. Vera Lusk, 24, who plays the Canon's niece, Rosie, "
        "was there. Amos Tully is the village's new curate, Ivo Penhale. Dai Hopcyn, the shift foreman played "
        "by Rhys Penberthy, stays quiet; Justice Harcourt, played with glacial relish by Laurence Ebo, does not. "
        "Nia Gwilliam, as Dai's estranged daughter Carys, is superb.\n\nAs Jacob Swale, Tiernan Keeffe has the "
        "hardest job. Perpetua Anand spent nine years on Fenwick Street as the pathology technician Wendy Scarr. "
        "Kasimir Lodge, starring as the abrasive Major Tom Brennan, lost to Barrow. Lodge, best known as "
        "Dr. Rufus Hollis, shrugged."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Ines Barrow", "Hester Vail"),
        ("Otto Fenn", "Mr. Dunsany"),
        ("Vera Lusk", "Rosie"),
        ("Amos Tully", "Ivo Penhale"),
        ("Rhys Penberthy", "Dai Hopcyn"),
        ("Laurence Ebo", "Justice Harcourt"),
        ("Nia Gwilliam", "Carys"),
        ("Tiernan Keeffe", "Jacob Swale"),
        ("Perpetua Anand", "Wendy Scarr"),
        ("Kasimir Lodge", "Major Tom Brennan"),
        ("Kasimir Lodge", "Dr. Rufus Hollis"),
    }


def test_surnames_with_particles_and_accented_capitals_are_one_person():
    body = (
        "Ramona de la Cueva and Cathal Ó Dálaigh joined us.\n\n"
        "Ambrose Teague (Cathal Ó Dálaigh) has a problem.\n\n"
        "“The ledgers never balance,” Ó Dálaigh said.\n\n“Mine always do, to the penny,” De la Cueva said."
    )
    analysis = read(body)
    assert speakers(analysis) == [("Cathal Ó Dálaigh", True), ("Ramona de la Cueva", True)]
    assert sorted(analysis.introduced) == ["Cathal Ó Dálaigh", "Ramona de la Cueva"]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Cathal Ó Dálaigh", "Ambrose Teague")
    }


def test_a_short_form_of_a_first_name_the_article_introduced_is_that_person():
    body = (
        "By Jane Moss\n\nOluwaseun Adebayo talked to us about the farm.\n\n"
        "Q: Were the cows real?\n\nSeun: Every one of them, and they knew it.\n\n"
        "Q: And the rain?\n\nSeun: Mostly real as well."
    )
    analysis = read(body)
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Oluwaseun Adebayo"] * 2


def test_words_after_a_quote_that_start_a_new_clause_do_not_name_its_speaker():
    body = (
        "Barnaby Quist and Imelda Sorensen were asked for three words.\n\n"
        "Quist offered “more silver polishing,” and Sorensen, after some thought, said “Philippa gets worse.”\n\n"
        "One critic leaving the screening described it as “gorgeous and far too long,” though he added that "
        "he would watch it again."
    )
    analysis = read(body)
    assert speakers(analysis) == [("Barnaby Quist", True), ("Imelda Sorensen", True), (None, False)]
    assert analysis.quotes[2].speaker_written == "One critic leaving the screening"


def test_the_job_an_article_gives_a_person_names_them_later():
    body = (
        "Composer Ezinne Ukwu and director Rowena Adjei met on a ferry.\n\n"
        "Adjei hired her on the strength of one piece. “She rang me and asked for the same thing, but sadder,” "
        "the composer recalls.\n\n"
        "The session was moderated by the festival’s artistic director, Hugo Brandão, who opened with a "
        "question: “Why make a film about singing on a mountain?”\n\n"
        "They had, the director said. “One of the nuns told me the cooking was inaccurate,” she said."
    )
    analysis = read(body)
    assert speakers(analysis) == [("Ezinne Ukwu", True), ("Hugo Brandão", True), ("Rowena Adjei", True)]


def test_a_partial_quote_ending_reported_speech_belongs_to_the_reporting_subject():
    body = (
        "Fenella Drury wrote the show; Célestine Obiora plays its vicar, Hester Vail.\n\n"
        "Backstage, Drury said the third season was already written and that Hester would face “her biggest "
        "crisis of faith yet.”"
    )
    assert speakers(read(body)) == [("Fenella Drury", True)]


def test_an_indefinite_source_with_where_they_are_from_is_nobody_the_article_names():
    body = (
        "Anneliese van der Berg took questions after the screening.\n\n"
        "A journalist from a Spanish newspaper asked from the floor: “Have the real sisters seen it?”"
    )
    analysis = read(body)
    assert speakers(analysis) == [(None, False)]
    assert analysis.quotes[0].speaker_written == "A journalist from a Spanish newspaper"


def test_a_reply_is_someone_other_than_whoever_spoke_last():
    body = (
        "Justice Harcourt (Laurence Ebo) presides; Temperance Fludd (Esmé Lavigne-Holt) defends.\n\n"
        "“Sit down, Mrs. Fludd,” Harcourt says, “before I have you sat down.”\n\n"
        "“I will sit, my lord,” she replies, “when my client may stand.”"
    )
    analysis = read(body)
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Laurence Ebo", "Laurence Ebo", "Esmé Lavigne-Holt", "Esmé Lavigne-Holt",
    ]  # fmt: skip


def test_a_shared_surname_is_resolved_by_a_pronoun_once_each_gender_is_known():
    body = (
        "Catalina Valdivieso runs the bakery with her brother, Bruno Valdivieso. She bakes; he sells.\n\n"
        "Valdivieso, laughing, pulls a tray out. “A croissant is a better joke,” she says."
    )
    assert speakers(read(body)) == [("Catalina Valdivieso", True)]


def test_a_role_credited_by_first_name_covers_its_full_name_and_surname():
    body = (
        "Honor Kilbane is superb, and as Marguerite she has perfected the pause. Horatio Grieve, who plays "
        "Sir Percival, is all menace.\n\n"
        "Marguerite Sallow does not blink. “You had no right,” Marguerite tells him.\n\n"
        "Sir Percival Rusk smiles. “Give it a week,” Rusk says."
    )
    analysis = read(body)
    assert [quote.speaker_name for quote in analysis.quotes] == ["Honor Kilbane", "Horatio Grieve"]
    assert not {"Marguerite Sallow", "Sir Percival Rusk", "Percival Rusk"} & set(analysis.introduced)


def test_a_possessive_in_the_clause_a_name_is_subject_of_gives_its_gender():
    body = (
        "Dervla Mallory and Konrad Mallory wrote the show together.\n\n"
        "When Ferdinand Oakes won best actor, Dervla watched the ceremony on her phone. "
        "Konrad, her husband, was asleep.\n\n"
        "“I woke him up to tell him, and he went back to sleep,” she says."
    )
    assert speakers(read(body)) == [("Dervla Mallory", True)]


def test_an_object_pronoun_or_a_relative_clause_gives_no_gender():
    body = (
        "Rex Lowe, who plays her father, arrived late. Rex Lowe has been protecting her.\n\n"
        "Ana Ruiz ran the set.\n\n“We lost a day to the rain,” she says."
    )
    assert speakers(read(body)) == [("Ana Ruiz", True)]


def test_a_pronoun_chain_in_narration_keeps_to_the_person_it_started_from():
    body = (
        "Graça Monteiro speaks good English, but she does not trust it. For ten minutes she answers in "
        "Portuguese while her interpreter, Duarte Vilaça, puts her words into English.\n\n"
        "“I did not want to make a film about the sea,” she says, through Vilaça."
    )
    assert speakers(read(body)) == [("Graça Monteiro", True)]


def test_a_pronoun_that_follows_another_womans_mention_in_the_clause_is_not_the_subjects():
    body = (
        "Aiko Kimura plays the lead. Tomás Varga, who grew up in Budapest, has taught her to swear in "
        "Hungarian, which she now does fluently.\n\n"
        "Varga laughs when I read him her description. “We're like two cats in a bag,” he says."
    )
    assert speakers(read(body)) == [("Tomás Varga", True)]


def test_a_line_said_to_her_is_answered_by_her():
    body = (
        "Crispin Ashe, as the ailing Wilfred, growls all episode. Clodagh Ni Riain plays his daughter, Bronagh.\n\n"
        "“I planted this one the year you were born,” Wilfred tells her. “I’ll decide when it’s finished.”\n\n"
        "“It’s finished, Dad,” she says. “They all are.”"
    )
    analysis = read(body)
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Crispin Ashe", "Crispin Ashe", "Clodagh Ni Riain", "Clodagh Ni Riain",
    ]  # fmt: skip


def test_a_colon_lead_in_names_the_subject_after_a_leading_clause():
    body = (
        "Owain Prosser, played by Dai Gruffydd, rises. Cressida Thorne, played by Morwenna Fairlie, waits.\n\n"
        "When he finishes, Fairlie stands, looks at him for a long moment, and says: “Sit down, Owain. You’ve won.”"
    )
    assert speakers(read(body)) == [("Morwenna Fairlie", True)]


def test_a_shared_surname_is_the_person_the_headline_names_unless_it_names_both():
    body = (
        "Marjorie Dela died on Saturday. Her family said she died at home, “with the radio on.”\n\n"
        "She married Peter Dela in 1962; their son, Dominic Dela, survives her.\n\n"
        "“It was a terrible film with one good scene,” Dela told us in 2009."
    )
    analysis = read(body, headline="Marjorie Dela, the soap matriarch, dies at 87")
    assert speakers(analysis) == [(None, False), ("Marjorie Dela", True)]
    assert analysis.quotes[0].speaker_written == "Her family"
    analysis = read(body, headline="Marjorie and Peter Dela remembered")
    assert analysis.quotes[1].speaker_name is None
    assert set(analysis.quotes[1].candidate_names) >= {"Marjorie Dela", "Peter Dela"}


def test_credits_in_a_reviews_shorthand_and_with_forms_of_address():
    analysis = read(
        "Sunil Varghese and Ariane Thibo lead the cast. Varghese’s Anand Mistry, the Crown prosecutor, is the "
        "best in years, and Thibo’s Dot Kessler is the show's moral centre. Alastair Penn, who plays the "
        "irascible His Honour Judge Emlyn Rees, returns. Femke Linde has been cast as Marijke Haas. The "
        "woman is Amélia Ventura, and she is played by Leonor Quaresma. Netflix’s Harbour Lights is back, and "
        "Ledger Hill’s second season, Eastleigh says, is better."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Sunil Varghese", "Anand Mistry"),
        ("Ariane Thibo", "Dot Kessler"),
        ("Alastair Penn", "His Honour Judge Emlyn Rees"),
        ("Femke Linde", "Marijke Haas"),
        ("Leonor Quaresma", "Amélia Ventura"),
    }


def test_as_a_role_with_a_description_then_the_actor():
    analysis = read(
        "Lucien Thibo came back to television at 70. As Auguste Fabre, the elegant, bankrupt publisher of a "
        "fashion magazine, Thibo has found a new audience."
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Lucien Thibo", "Auguste Fabre")}


def test_the_younger_of_a_family_and_a_source_in_whose_words():
    body = (
        "Alastair Penn is survived by his son, the director Jory Penn. Jory Penn said his father had been "
        "writing a memoir.\n\n“Dad wrote every morning at the kitchen table,” the younger Penn said.\n\n"
        "Femke Linde joins the cast as a barrister who, in the network's words, “immediately takes Nia's room.”"
    )
    analysis = read(body, headline="Alastair Penn, the judge of Marrow Street, dies at 79")
    assert speakers(analysis) == [("Jory Penn", True), (None, False)]
    assert analysis.quotes[1].speaker_written == "the network"


def test_a_job_that_is_not_acting_is_never_the_actor_of_a_character_named_nearby():
    body = (
        "Gwen Pryce created the show; Alastair Penn plays Judge Rees.\n\n"
        "She also confirmed that Judge Rees would be back. “Emlyn isn’t going anywhere,” the creator said."
    )
    assert speakers(read(body)) == [("Gwen Pryce", True)]


def test_a_word_or_two_that_go_on_from_a_quote_and_its_cue_are_the_same_speakers():
    body = (
        "Dai Rees runs the cellar.\n\n“He’s got a palate like a bus shelter,” Dai mutters. “Always has.”\n\n"
        "The fourth episode, “Slag,” is the weakest, and a subplot about the pension fund drags."
    )
    analysis = read(body)
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("He’s got a palate like a bus shelter,", "Dai Rees"),
        ("Always has.", "Dai Rees"),
    ]


def test_his_mother_is_who_the_article_says_she_is_and_the_elder_is_the_headlines():
    body = (
        "Morwenna Penhal has been on the bench for two seasons. Penhal’s son, Jory Penhal, joins the cast as "
        "Tommy Ledger.\n\n“I sat in my car for twenty minutes,” the elder Penhal says.\n\n"
        "“Only if she’s the one in the dock,” Jory says.\n\n“I’d plead guilty,” his mother says."
    )
    analysis = read(body, headline="Morwenna Penhal on her son joining the cast")
    assert [quote.speaker_name for quote in analysis.quotes] == ["Morwenna Penhal", "Jory Penhal", "Morwenna Penhal"]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Jory Penhal", "Tommy Ledger")}


def test_a_relative_the_article_has_not_placed_is_nobody():
    body = "Kit Amber plays the heir.\n\n“Sit down, Georgie,” his mother murmurs."
    analysis = read(body)
    assert speakers(analysis) == [(None, False)]
    assert analysis.quotes[0].speaker_written == "his mother"


TRANSCRIPT_SHAPES = {
    "time codes before the labels": (
        "[00:01:12] JANE MOSS: How cold was the water?\n\n[00:01:15] AIKO KIMURA: Colder than the script said.\n\n"
        "00:02:40 Moss: And the boat?\n\n00:02:44 Kimura: It leaked."
    ),
    "time codes after the labels": (
        "Jane Moss (01:12): How cold was the water?\n\nAiko Kimura (01:15): Colder than the script said.\n\n"
        "Jane Moss [02:40]: And the boat?\n\nAiko Kimura [02:44]: It leaked."
    ),
    "labels on a line of their own": (
        "JANE MOSS  00:01:12\nHow cold was the water?\n\nAIKO KIMURA  00:01:15\nColder than the script said.\n\n"
        "JANE MOSS\nAnd the boat?\n\nAIKO KIMURA\nIt leaked."
    ),
    "letter labels with a stop": (
        "Q. How cold was the water?\n\nA. Colder than the script said.\n\nQ. And the boat?\n\nA. It leaked."
    ),
    "a section heading between turns": (
        "Q: How cold was the water?\n\nA: Colder than the script said.\n\n## On the boat\n\nQ: And the boat?\n\n"
        "A: It leaked."
    ),
    "letter labels with a dash": (
        "Q — How cold was the water?\n\nA — Colder than the script said.\n\nQ — And the boat?\n\nA — It leaked."
    ),
    "whole turns in bold with the outlet's label": (
        "**Callboard: How cold was the water?**\n\n**Kimura:** Colder than the script said.\n\n"
        "**Callboard: And the boat?**\n\n**Kimura:** It leaked."
    ),
}


@pytest.mark.parametrize("shape", TRANSCRIPT_SHAPES, ids=list(TRANSCRIPT_SHAPES))
def test_transcript_shapes_give_each_turn_to_its_speaker(shape):
    body = f"By Jane Moss\n\nAiko Kimura talks about the cold.\n\n{TRANSCRIPT_SHAPES[shape]}"
    analysis = read(body)
    turns = [(turn.role, turn.speaker_written, turn.text) for turn in analysis.qa_turns]
    assert turns == [
        ("question", "Jane Moss", "How cold was the water?"),
        ("answer", "Aiko Kimura", "Colder than the script said."),
        ("question", "Jane Moss", "And the boat?"),
        ("answer", "Aiko Kimura", "It leaked."),
    ]
    assert [quote.text for quote in analysis.quotes] == []


def test_a_sentence_or_caption_that_only_looks_like_a_label_once_is_prose():
    body = (
        "By Jane Moss\n\nA. J. Pryce directed the first two episodes. “The rock decides,” Pryce said.\n\n"
        "HARBOUR LIGHTS\nThe show returns in May.\n\nAdvertisement\n\nThe cast is back.\n\nAdvertisement\n\n"
        "The crew too.\n\n**Is it any good?**\n\nWe think so."
    )
    analysis = read(body)
    assert analysis.qa_turns == []
    assert [quote.text for quote in analysis.quotes] == ["The rock decides,"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Isla Calloway (voiced by Aiko Kimura) steals every scene.",
        "Aiko Kimura (as Isla Calloway) leads the cast.",
        "Aiko Kimura lends her voice to Isla Calloway.",
        "Aiko Kimura, the voice of Isla Calloway, joined us.",
        "Aiko Kimura, who originated the role of Isla Calloway on stage, returns.",
        "Aiko Kimura took on the role of Isla Calloway in 2019.",
        "Aiko Kimura, in the role of Isla Calloway, is superb.",
    ],
)
def test_voice_and_role_of_credits_are_read(sentence):
    analysis = read(f"By Jane Moss\n\n{sentence}")
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Aiko Kimura", "Isla Calloway")]


def test_a_voice_or_a_role_that_names_no_one_credits_nobody():
    analysis = read("By Jane Moss\n\nThe voice of the narrator is never heard. The role of Mayor went uncast.")
    assert analysis.credits == []


def test_questions_in_bold_with_plain_answers_are_an_interview():
    body = (
        "By Jane Moss\n\nAiko Kimura talks about the cold.\n\n**How cold was the water?**\n\n"
        "I was colder than the script said.\n\nMy teeth hurt.\n\n**And the boat?**\n\nOur boat leaked."
    )
    turns = [(turn.role, turn.speaker_written, turn.text) for turn in read(body).qa_turns]
    assert turns == [
        ("question", "Jane Moss", "How cold was the water?"),
        ("answer", "Aiko Kimura", "I was colder than the script said.\n\nMy teeth hurt."),
        ("question", "Jane Moss", "And the boat?"),
        ("answer", "Aiko Kimura", "Our boat leaked."),
    ]


def test_an_explainers_bold_headings_are_not_an_interview():
    body = (
        "By Jane Moss\n\nEverything we know about season two.\n\n**Who is coming back?**\n\n"
        "All of the cast. “We missed the boat,” Aiko Kimura said.\n\n**What happens next?**\n\n"
        "A storm. “It was wet,” Leo Albright said."
    )
    analysis = read(body)
    assert analysis.qa_turns == []
    assert [quote.text for quote in analysis.quotes] == ["We missed the boat,", "It was wet,"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Dame Aiko Kimura stars in the show. “The fog is a character,” Dame Aiko said.", "Aiko Kimura"),
        ("Sir Leo Albright stars in the show. “The boat leaked,” Sir Leo said.", "Leo Albright"),
        ("Leo “Lefty” Albright stars in the show. “The boat leaked,” Lefty said.", "Leo Albright"),
        ("Aiko and Ren Kimura made the show. “The fog is a character,” Aiko said.", "Aiko Kimura"),
    ],
    ids=["dame and first name", "sir and first name", "nickname", "first names sharing a surname"],
)
def test_forms_of_address_nicknames_and_shared_surnames_resolve_to_the_full_name(body, speaker):
    analysis = read(f"By Jane Moss\n\n{body}")
    assert speakers(analysis) == [(speaker, True)]
    assert speaker in analysis.introduced and not any(
        name.startswith(("Dame ", "Sir ")) for name in analysis.introduced
    )


@pytest.mark.parametrize(
    "body",
    [
        "Mara Quist and her husband, Tobias, run the bakery. “We never sleep,” Tobias said.",
        "Mara Quist runs the bakery with her brother Tobias. “We never sleep,” Tobias said.",
        "Quist is back. Mara Quist's son, Tobias, runs the bakery. “We never sleep,” Tobias said.",
    ],
)
def test_a_relative_named_by_first_name_takes_the_family_name(body):
    analysis = read(f"By Jane Moss\n\n{body}")
    assert speakers(analysis) == [("Tobias Quist", True)]


def test_the_surname_alone_stays_with_the_parent_named_in_full():
    analysis = read(
        "By Jane Moss\n\nThey are played by Lucien Thibodeau and his daughter, Ariane.\n\n"
        "“I wore these trousers in 1974,” Thibodeau said. “Ariane did not,” he added."
    )
    assert [name for name, _ in speakers(analysis)] == ["Lucien Thibodeau", "Lucien Thibodeau"]
    assert analysis.introduced == ["Lucien Thibodeau"]  # only people who speak or are credited are proposed


def test_a_transcripts_initials_stand_for_the_people_it_names_in_full():
    body = (
        "By Jane Moss\n\nJane Moss talks to Aiko Kimura about the cold.\n\n"
        "JM: How cold was the water?\n\nAK: Colder than the script said.\n\nJM: And the boat?\n\nAK: It leaked."
    )
    turns = [(turn.role, turn.speaker_written) for turn in read(body).qa_turns]
    assert turns == [
        ("question", "Jane Moss"),
        ("answer", "Aiko Kimura"),
        ("question", "Jane Moss"),
        ("answer", "Aiko Kimura"),
    ]


def test_the_bylines_initials_ask_even_when_what_she_says_is_no_question():
    body = (
        "By Elin Tarrant\n\nI met Fen Vosper and Cal Vosper in Stoke.\n\n"
        "ET: Is it true you are brothers?\n\nFV: Completely true.\n\nET: She'll know now.\n\n"
        "CV: She will.\n\nET: Cal, we were just talking about you.\n\nCV: It's always me."
    )
    turns = [(turn.role, turn.speaker_written) for turn in read(body).qa_turns]
    assert turns == [
        ("question", "Elin Tarrant"),
        ("answer", "Fen Vosper"),
        ("question", "Elin Tarrant"),
        ("answer", "Cal Vosper"),
        ("question", "Elin Tarrant"),
        ("answer", "Cal Vosper"),
    ]


def test_initials_two_people_share_stand_for_no_one():
    body = (
        "By Jane Moss\n\nAiko Kimura and Alan Kirk talk about the cold.\n\n"
        "Q: How cold was the water?\n\nAK: Colder than the script said.\n\nQ: And the boat?\n\nAK: It leaked."
    )
    answers = [turn.speaker_key for turn in read(body).qa_turns if turn.role == "answer"]
    assert answers == [None, None]


def test_a_description_joined_to_a_name_is_not_part_of_it():
    analysis = read("By Jane Moss\n\nMadrid-born Sebastián Olmedo plays Jago. “The sea keeps it,” Olmedo said.")
    assert speakers(analysis) == [("Sebastián Olmedo", True)]
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Sebastián Olmedo", "Jago")]


def test_headings_written_like_labels_do_not_make_an_article_a_transcript():
    body = (
        "By Jane Moss\n\nThe class of 2004, twenty years on.\n\nSpud: now a doctor\n\n"
        "Ravi Chaudhry is a GP. “They go quiet,” Chaudhry says.\n\nHarriet: still on stage\n\n"
        "Becky Lomas tours. “Nobody stops me,” Lomas says.\n\nQ: Short answers stay answers?\n\nA: Yes"
    )
    analysis = read(body)
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("They go quiet,", "Ravi Chaudhry"),
        ("Nobody stops me,", "Becky Lomas"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The role of Isla Calloway went to a repertory actress from Hull called Aiko Kimura.",
        "The role of Isla Calloway, the keeper's daughter, went to Aiko Kimura.",
        "Isla Calloway, the keeper's daughter, was played by Aiko Kimura.",
        "Isla Calloway is played by the Osaka-born Aiko Kimura.",
        "Aiko Kimura is the voice of Isla Calloway.",
        "Aiko Kimura gives voice to Isla Calloway.",
        "Aiko Kimura, still best known to a generation as Isla Calloway, joined us.",
    ],
)
def test_more_ways_a_role_is_credited(sentence):
    analysis = read(f"By Jane Moss\n\n{sentence}")
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Aiko Kimura", "Isla Calloway")]


def test_a_role_voiced_is_credited_to_the_sentences_subject():
    analysis = read("By Jane Moss\n\nAiko Kimura is best known for voicing the detective Poppy Lark.")
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Aiko Kimura", "Poppy Lark")]


def test_her_brother_is_the_other_person_named_with_her_surname():
    analysis = read(
        "By Jane Moss\n\nBenedikt Aschenbrenner wrote the sketches. Katrin Aschenbrenner, three years older than "
        "her brother, produced them.\n\n“Everything can be sad,” her brother says."
    )
    assert speakers(analysis) == [("Benedikt Aschenbrenner", True)]


@pytest.mark.parametrize(
    "intro",
    [
        "Terry Mulholland — known to everybody on set as Tezza — defended her.",
        "Terry Mulholland, nicknamed Tezza, defended her.",
        "Terry Mulholland, known to everyone in Greyport, and eventually to us, as Tezza. He defended her.",
    ],
)
def test_a_nickname_the_article_gives_is_the_persons(intro):
    analysis = read(f"By Jane Moss\n\n{intro} “She stays,” Tezza said.")
    assert speakers(analysis) == [("Terry Mulholland", True)]


def test_a_street_in_a_tabloids_capitals_is_not_a_person():
    analysis = read("By Jane Moss\n\nSALTMARSH Lane favourite Kelly-Ann Brewster is staying. “I'm going nowhere.”")
    assert analysis.introduced == ["Kelly-Ann Brewster"]


def test_a_first_name_and_an_initial_tell_two_people_of_one_first_name_apart():
    body = (
        "By Jane Moss\n\nTom Kinnersley and Tom Wetherall sat down with us.\n\n"
        "**MODERATOR:** Can you cry on cue?\n\n**TOM K.:** Never.\n\n**TOM W.:** Always.\n\n"
        "**MODERATOR:** Why?\n\n**TOM W.:** Practice."
    )
    turns = [(turn.role, turn.speaker_written) for turn in read(body).qa_turns]
    assert turns == [
        ("question", "Jane Moss"),
        ("answer", "Tom Kinnersley"),
        ("answer", "Tom Wetherall"),
        ("question", "Jane Moss"),
        ("answer", "Tom Wetherall"),
    ]


def test_a_transcript_ends_where_narration_quotes_someone_again():
    body = (
        "By Jane Moss\n\nAiko Kimura was questioned by Leo Albright.\n\n"
        "ALBRIGHT: You received the script in 2017?\n\nKIMURA: Somebody did. I didn't.\n\n"
        "ALBRIGHT: Somebody at your company.\n\nKIMURA: It had eleven employees.\n\n"
        "The judge intervened. “We'll take the dog as read,” she said.\n\n"
        "“I'm not doing this for money,” Albright said later."
    )
    analysis = read(body)
    assert len(analysis.qa_turns) == 4
    assert [quote.text for quote in analysis.quotes] == ["We'll take the dog as read,", "I'm not doing this for money,"]


def test_a_form_of_address_and_letters_after_a_name_name_no_one_new():
    body = (
        "By Jane Moss\n\nThe jury is chaired by Agnieszka Sadowska. Madame Sadowska arrived late. "
        "She was questioned by Barnaby Strickland KC.\n\n“I slept,” Sadowska said. “Did you?” Strickland asked."
    )
    analysis = read(body)
    assert speakers(analysis) == [("Agnieszka Sadowska", True), ("Barnaby Strickland", True)]


def credits_of(analysis) -> set[tuple[str, str]]:
    return {(credit.person, credit.character) for credit in analysis.credits}


def test_a_role_played_by_she_belongs_to_the_woman_the_sentence_is_about_and_so_do_the_roles_lines():
    analysis = read(
        "Maren Oakes is the star of Tallowmere, a drama set in a candle works, in which she plays the "
        "chandler's widow Hester Plume.\n\n"
        "“You'll have my wicks when I'm cold,” Hester tells the foreman in the first episode."
    )
    assert credits_of(analysis) == {("Maren Oakes", "Hester Plume")}
    assert speakers(analysis) == [("Maren Oakes", True)]
    assert "Hester Plume" not in analysis.introduced


@pytest.mark.parametrize(
    "sentence",
    [
        "She has played Hester Plume, the widow, in every episode.",
        "She is now best known as the sharp-tongued widow Hester Plume.",
        "She spent nine years as Hester Plume on the same soap.",
        "She was the sharp-tongued widow, Hester Plume, for a decade.",
        "Then Olwen Prys cast her as Hester Plume, and everything changed.",
    ],
)
def test_the_ways_a_she_is_credited_with_a_role(sentence):
    analysis = read(f"The actress Maren Oakes grew up above a chip shop in Hull.\n\n{sentence}")
    assert credits_of(analysis) == {("Maren Oakes", "Hester Plume")}


def test_a_role_credited_by_name_is_not_given_again_to_a_pronoun():
    analysis = read(
        "Maren Oakes plays Hester Plume. Her co-star, Ada Rook, is a friend; she plays Hester Plume's "
        "sister in one scene, and her mother runs the canteen."
    )
    assert credits_of(analysis) == {("Maren Oakes", "Hester Plume")}


def test_i_in_a_first_person_diary_is_its_one_byline():
    analysis = read(
        "By Tamsin Ferrow\n\nFor one episode of the new series I am playing Ruth Calder, the sister of a "
        "drowned man.\n\n“Where I always am, Inspector,” Ruth says in my first scene."
    )
    assert credits_of(analysis) == {("Tamsin Ferrow", "Ruth Calder")}
    assert speakers(analysis) == [("Tamsin Ferrow", True)]


def test_a_full_role_name_described_after_is_and_was_is_a_credit():
    analysis = read(
        "Rufus Kenning is Clive Marten, the brooding keyboard player of the band.\n\n"
        "For fourteen years, Ivo Stannard was Detective Superintendent Harry Moss, the rumpled hero of Moss."
    )
    assert credits_of(analysis) == {
        ("Rufus Kenning", "Clive Marten"),
        ("Ivo Stannard", "Detective Superintendent Harry Moss"),
    }


def test_a_person_described_after_is_names_no_role():
    analysis = read("Dana Albright is Jane Moss, the producer said, although nobody believed it.")
    assert credits_of(analysis) == set()


@pytest.mark.parametrize(
    "text, credits",
    [
        (
            "Tomas Wendel is the disgraced glassblower Silas Penrice in The Furnace.",
            {("Tomas Wendel", "Silas Penrice")},
        ),
        ("Lily Ormond, 18, is Bel Farrant, the new girl at the school.", {("Lily Ormond", "Bel Farrant")}),
        (
            "Ada Rowan plays the eldest of three sisters, Constance Harlow, in the drama.",
            {("Ada Rowan", "Constance Harlow")},
        ),
        (
            "Ashton Mirza, 20, known as Ash, plays Jess's best friend and occasional enemy, Robbie Kaye.",
            {("Ashton Mirza", "Robbie Kaye")},
        ),
        (
            "The series stars Ferdie Baptiste as the band's hopeless conductor, Sully Dobson, and Rosa Kettle as its "
            "terrifying principal cornet, Big Jan.",
            {("Ferdie Baptiste", "Sully Dobson"), ("Rosa Kettle", "Big Jan")},
        ),
        (
            "Hamish Gillan, who spent a decade as the amiable village doctor Hugo Penrose, is unrecognisable.",
            {("Hamish Gillan", "Hugo Penrose")},
        ),
        (
            "Mercy Adebayo joined in the third season as the county coroner, Dr. Lena Vogel.",
            {("Mercy Adebayo", "Dr. Lena Vogel")},
        ),
        (
            "The girl is Hazel Pym, played by the newcomer Bea Yeoman, and she steals pears.",
            {("Bea Yeoman", "Hazel Pym")},
        ),
        ("Bea Yeoman is a marvel as Hazel Pym, and the widower matches her.", {("Bea Yeoman", "Hazel Pym")}),
        ("Delia Ormond is ferocious as the folk-punk firebrand Nell Garret.", {("Delia Ormond", "Nell Garret")}),
        ("Gregor Hallam, as the permanently floury night baker Big Davie, returns.", {("Gregor Hallam", "Big Davie")}),
        ("Marguerite Fenwick is joining as Ishbel.", {("Marguerite Fenwick", "Ishbel")}),
        ("Ryota Maeda, the 51-year-old veteran who gives voice to Gonbei, got a cheer.", {("Ryota Maeda", "Gonbei")}),
        ("Tobias Fairley — Toby, to everyone — plays Percy Galt, a forger.", {("Tobias Fairley", "Percy Galt")}),
        (
            "Corin Vass, who is 54, plays Judge Hattie Mold in The Bench, a legal drama.",
            {("Corin Vass", "Judge Hattie Mold")},
        ),
        ("Corin Vass, now in her sixties, plays Sister Agnes.", {("Corin Vass", "Sister Agnes")}),
        ("Ana Ruiz, who is married to Tom Lake, plays Bel Farrant.", {("Ana Ruiz", "Bel Farrant")}),
        # An aside that credits someone is no aside: the sentence's other role is not hers as well.
        ("Ana Ruiz, who is cast as Tilly Bright, plays Bel Farrant.", {("Ana Ruiz", "Tilly Bright")}),
        ("Elspeth Tremm, who plays her and is Jory Tremm's sister, is a marvel.", set()),
        (
            "Lorcan Dugg was cast. She pictured an old man, and Dugg, who is forty-one and still best known as the "
            "doomed footman Cecil Harker, is not one.",
            {("Lorcan Dugg", "Cecil Harker")},
        ),
        ("Ana Ruiz is known as Nan to her friends.", set()),
        ("Ana Ruiz, the writer whose sister plays Tilly Bright, was not there.", set()),
        ("Marta Voss is the executive producer Ana Ruiz, whom nobody has met.", set()),
        ("Marta Voss plays golf with her agent, Ana Ruiz, on Sundays.", set()),
        ("Tallowmere was renewed for a third season as Kestrel bets on drama.", set()),
    ],
)
def test_credits_written_with_a_description_before_the_roles_name(text, credits):
    assert credits_of(read(text)) == credits


@pytest.mark.parametrize(
    "text",
    [
        "Reg Stannard was the harbourmaster in the thriller Tilbury Lights, a part he loved.",
        "The figures were published by the measurement firm Tallyman Research on Monday.",
        "The finale airs on Kestrel Two at ten.",
        "Reg Stannard played the novice mistress in the 1998 film Lantern Hours and never lived it down.",
        "Reg Stannard met the cast of Upper Fifth at the Upper Fifth reunion.",
        "Reg Stannard is in Episode 7 of Blackwater Assizes, and Six Minutes Late is in cinemas now.",
        "Reg Stannard has seen the Lantern Hours finale; Harbour Lights was renewed on Monday.",
        "Reg Stannard played the sergeant in Farrow's Watch, the long-running police drama that made him.",
    ],
)
def test_a_work_company_or_channel_the_article_describes_is_not_a_person(text):
    cast = article_cast(["Headline", text], build_directory([], []))
    assert set(cast.introduced.values()) <= {"Reg Stannard"}


def test_a_person_before_what_only_a_work_has_is_still_a_person():
    cast = article_cast(
        ["Headline", "Reg Stannard's season was long. Ana Ruiz of Kestrel met Tom Ashe's recap team."],
        build_directory([], []),
    )
    assert set(cast.introduced.values()) == {"Reg Stannard", "Ana Ruiz", "Tom Ashe"}


def test_a_title_and_one_name_is_a_role_not_a_new_person_unless_the_title_is_a_first_name_too():
    cast = article_cast(
        [
            "Headline",
            "Corin Vass once played a terrifying nun, Sister Agathe, and Inspector Frost was her husband's part. "
            "Her husband, the pundit Dean Brewer, disagrees; so does Earl Sykes.",
        ],
        build_directory([], []),
    )
    assert set(cast.introduced.values()) == {"Corin Vass", "Dean Brewer", "Earl Sykes"}


def test_a_person_described_by_their_work_is_still_a_person():
    analysis = read(
        "Jane Corrie, the star of the drama, arrived late. Tom Ashe, the drama's creator, did not. Ashe's "
        "second film opens in May.\n\n"
        "“We were busy,” Corrie said. “I was not,” Ashe said."
    )
    assert speakers(analysis) == [("Jane Corrie", True), ("Tom Ashe", True)]


def test_a_name_ends_at_its_owners_possessive():
    analysis = read(
        "Piet Vandel's The Ratcatcher's Daughter is a bawdy comedy. Hollis Crane’s Dr. Imre Vasz is the quiet "
        "centre of the episode, and Sigrid Maw's The Hollow Hart opens in May.\n\n"
        "“Nobody ever made a show about rats,” Vandel said.\n\n“You’d have picked someone,” Vasz tells the crew."
    )
    assert credits_of(analysis) == {("Hollis Crane", "Dr. Imre Vasz")}
    assert speakers(analysis) == [("Piet Vandel", True), ("Hollis Crane", True)]


def test_a_name_someone_was_born_with_is_nobody_new():
    analysis = read(
        "Frankie Dunmore has hosted the quiz for thirty years. She was born Francesca Dunmore in Sunderland, and "
        "she played the barmaid Sheila Kemp in a sitcom.\n\n“I said no,” Dunmore said."
    )
    assert credits_of(analysis) == {("Frankie Dunmore", "Sheila Kemp")}
    assert speakers(analysis) == [("Frankie Dunmore", True)]


def test_the_writers_mum_is_the_mother_they_introduced_and_nobody_otherwise():
    analysis = read(
        "By Tess Bright\n\nMy mother, Rhoda Bright, has watched every episode twice.\n\n"
        "“Is he nice? He looks nice,” Mum said.\n\n“He looks shifty,” Dad said.\n\n“Go on,” my mother said."
    )
    assert speakers(analysis) == [("Rhoda Bright", True), (None, False), ("Rhoda Bright", True)]


def test_a_recaps_parentheses_follow_its_convention_over_how_often_a_surname_stands_alone():
    # Characters in a recap go by their surnames ("Vask's handwriting"), as actors do in a review: the
    # parenthesis a title settles ("Commander …") shows the convention, and a role keeps its title.
    analysis = read(
        "Commander Vela Ost (Imogen Oak) finds the ward behind a false bulkhead, each bed labelled in Vask's "
        "handwriting.\n\nDr. Imre Vask (Hollis Crow) has been hoarding oxygen all season.\n\n"
        "Fans feared the chief engineer, Otto Kess (Dayo Fash), would die. Kess lives."
    )
    assert credits_of(analysis) == {
        ("Imogen Oak", "Commander Vela Ost"),
        ("Hollis Crow", "Dr. Imre Vask"),
        ("Dayo Fash", "Otto Kess"),
    }


@pytest.mark.parametrize(
    "intro, nickname",
    [
        ("Eddie Thorne, a retired fisherman whom everyone on the harbour calls Tiger, mends nets.", "Tiger"),
        ("Rich Hallam, the producer the whole country knows as Big Rich, was on the panel.", "Big Rich"),
        ("Fergus Mack-Rae directed it with his sister. Everyone on the production called him Mack.", "Mack"),
        ("Lucius Drom has played his inspector for a decade. They call him the Guv.", "Guv"),
        (
            "Ada Crane, 81, who has played the pub's landlady since the very first episode and whom "
            "everyone on set, from the producers to the runners, calls Duchess, cut the cake.",
            "Duchess",
        ),
        (
            "Ada Crane and Bo Lind host the show. Crane, whom he calls Pickle throughout, laughs at Lind.",
            "Pickle",
        ),
        (
            "Ada Crane does the falls. She was a judo champion, and on this set she is known to everybody, "
            "including the director, as Mo.",
            "Mo",
        ),
    ],
)
def test_what_everyone_calls_someone_is_them(intro, nickname):
    analysis = read(f"{intro}\n\n“Same puddle,” {nickname} said.")
    person = {"Tiger": "Eddie Thorne", "Big Rich": "Rich Hallam", "Mack": "Fergus Mack-Rae", "Guv": "Lucius Drom"}
    person |= {"Duchess": "Ada Crane", "Pickle": "Ada Crane", "Mo": "Ada Crane"}
    assert speakers(analysis) == [(person[nickname], True)]
    assert nickname not in analysis.introduced


def test_a_pronoun_after_a_sentence_opened_by_a_possessive_is_its_owner_unless_a_relative_is_owned():
    analysis = read(
        "Tom Ashe met Rhoda Vane in court.\n\n"
        "Vane's summing-up, by contrast, is short. “The law is patient,” she says.\n\n"
        "Ashe's mother, for her part, did not move. “He'd have liked those odds,” she says."
    )
    assert speakers(analysis) == [("Rhoda Vane", True), ("Rhoda Vane", True)]


def test_a_short_form_of_a_first_name_with_the_same_surname_is_the_same_person():
    analysis = read(
        "Tobias Fairley — Toby, to everyone — plays Percy Galt, a forger.\n\n"
        "“I forged my own birthday card,” Toby Fairley said. “Twice,” Ada Fairley added."
    )
    assert speakers(analysis) == [("Tobias Fairley", True), ("Ada Fairley", True)]


@pytest.mark.parametrize(
    "opening",
    ["Eventually", "Unusually", "Besides", "Fittingly", "Luckily", "Apparently"],
)
def test_an_adverb_opening_a_sentence_is_no_first_name(opening):
    analysis = read(f"Corwin Mabey hosts the show.\n\n{opening} Mabey let the silence sit. “Go on,” Mabey said.")
    cast = article_cast(
        ["Headline", f"Corwin Mabey hosts the show. {opening} Mabey let it sit."], build_directory([], [])
    )
    assert set(cast.introduced.values()) == {"Corwin Mabey"}
    assert speakers(analysis) == [("Corwin Mabey", True)]


@pytest.mark.parametrize("surname", ["Farrelly", "Pengelly", "Donnelly", "Connolly", "Cecily", "Emily"])
def test_a_name_ending_in_ly_is_still_a_name(surname):
    cast = article_cast(
        ["Headline", f"Colm {surname} arrived. {surname} Brennan, his cousin, did not."], build_directory([], [])
    )
    assert set(cast.introduced.values()) == {f"Colm {surname}", f"{surname} Brennan"}


def test_a_title_with_words_no_name_holds_is_nobody():
    cast = article_cast(
        ["Headline", "Hyacinth Quirke came on Mabey After Midnight and Stars Over Wigan on Thursday."],
        build_directory([], []),
    )
    assert set(cast.introduced.values()) == {"Hyacinth Quirke"}


def test_according_to_someone_the_he_after_is_someone_else_and_tells_nothing_of_them():
    analysis = read(
        "Isa Farr wrote the series. Alf Rowe plays the apprentice. According to Farr, he was found at an open "
        "audition.\n\n"
        "Hermia Cott plays the engraver. Farr was not sure at first that it was necessary.\n\n"
        "“I said we could use a hand double,” she recalls."
    )
    assert speakers(analysis) == [("Isa Farr", True)]


def test_a_line_of_its_own_after_a_question_is_the_other_side_of_the_exchange():
    analysis = read(
        "Hyacinth Quirke came on the show to talk about make-up. “Four hours every morning,” Quirke said.\n\n"
        "“Did you ever go home in it?” Corwin Mabey asked.\n\n"
        "“Once. By accident.”\n\n"
        "“So old age has its perks.”\n\n"
        "“It has a loyalty card.”"
    )
    assert speakers(analysis) == [
        ("Hyacinth Quirke", True),
        ("Corwin Mabey", True),
        ("Hyacinth Quirke", True),
        ("Corwin Mabey", True),
        ("Hyacinth Quirke", True),
    ]


def test_lines_of_their_own_after_a_statement_stay_with_its_speaker():
    analysis = read(
        "Corwin Mabey met Hyacinth Quirke.\n\n"
        "“Why did I do it?” Quirke asked. “Because I could.”\n\n"
        "“Four hours every morning,” she said.\n\n"
        "“And then the glue.”"
    )
    assert [name for name, _ in speakers(analysis)] == ["Hyacinth Quirke"] * 4


def test_according_to_someone_a_she_opening_the_next_sentence_is_still_them():
    analysis = read(
        "Elsie Bright plays the girl. Sigrid Maw directed it.\n\n"
        "According to Maw, the film only works if the audience forgets the creature. She has been burnt "
        "before, she says. “The eyes are never dead,” she says."
    )
    assert speakers(analysis) == [("Sigrid Maw", True)]


def test_a_work_called_so_and_a_place_are_nobody_and_a_broadcaster_is_somebody():
    cast = article_cast(
        [
            "Headline",
            "Hannah Illing found a 1967 documentary called Northern Waters, narrated by the broadcaster "
            "Peregrine Wraxall, about the bathers at Greyport Lido.",
        ],
        build_directory([], []),
    )
    assert set(cast.introduced.values()) == {"Hannah Illing", "Peregrine Wraxall"}


def test_with_nobody_fitting_in_its_paragraph_a_she_is_the_headlines_person_who_has_spoken():
    analysis = read(
        "Clemency Penn has never given an interview, and she wrote nine novels instead. “I answer nothing,” "
        "Penn said in 2019.\n\n"
        "Her agent, Henrietta Bell, passed on my questions and said she would see.\n\n"
        "In my first email I asked why she had agreed to the adaptation.\n\n"
        "“Because Devika wrote me a letter,” she replied.",
        headline="Clemency Penn answers by email",
    )
    assert [name for name, _ in speakers(analysis)] == ["Clemency Penn", "Clemency Penn"]


def test_a_she_named_in_her_own_paragraph_is_not_the_headlines_person():
    analysis = read(
        "Clemency Penn has never given an interview. “I answer nothing,” Penn said in 2019.\n\n"
        "Her agent, Henrietta Bell, laughed. “She means it,” she said.",
        headline="Clemency Penn answers by email",
    )
    assert [name for name, _ in speakers(analysis)] == ["Clemency Penn", "Henrietta Bell"]


def test_a_nickname_after_an_aside_is_an_alias():
    analysis = read(
        "Lewis Feather, who is twenty-six and known to the whole crew as Biscuit, doubles for the purser.\n\n"
        "“Because I'm always eating them,” Biscuit explains."
    )
    assert speakers(analysis) == [("Lewis Feather", True)]


@pytest.mark.parametrize(
    "body, credit",
    [
        pytest.param(
            "Wendy Arkwright plays Tam, who runs the ferry. Tam Lusby is the best thing in it.",
            ("Wendy Arkwright", "Tam Lusby"),
            id="first-name-credited-full-name-later",
        ),
        pytest.param(
            "Tam Lusby has run the ferry for thirty years. Wendy Arkwright plays Tam with a sailor's squint.",
            ("Wendy Arkwright", "Tam Lusby"),
            id="full-name-first",
        ),
        pytest.param(
            "Wendy Arkwright plays Lusby. By the final episode Sergeant Tam Lusby is running the station.",
            ("Wendy Arkwright", "Sergeant Tam Lusby"),
            id="with-the-title-the-article-writes",
        ),
        pytest.param(
            "Wendy Arkwright plays Lusby. By the final episode Sergeant Lusby is running the station.",
            ("Wendy Arkwright", "Lusby"),
            id="a-title-alone-adds-no-name",
        ),
        pytest.param(
            "Wendy Arkwright plays Tam. Tam Lusby and Tam Ormerod are cousins who both run ferries.",
            ("Wendy Arkwright", "Tam"),
            id="two-fuller-names-leave-it-as-credited",
        ),
        pytest.param(
            "Dean Lusby (Piers Arkwright) runs the ferry. His wife, Shaz Lusby, runs the cafe.",
            ("Piers Arkwright", "Dean Lusby"),
            id="another-role-sharing-the-surname-is-not-fuller",
        ),
        pytest.param(
            "Wendy Arkwright plays Tam. Tam Lusby, the ferry's owner, is her character's aunt, played by Joan Pyle.",
            ("Wendy Arkwright", "Tam"),
            id="not-a-name-the-article-gives-to-someone-else",
        ),
    ],
)
def test_a_credit_names_the_role_by_the_fullest_name_the_article_gives_it(body, credit):
    assert credit in credits_of(read(body))


ORAL_HISTORY = (
    "Ten years on, the people who made the show remember it.\n\n"
    "“I wrote the pilot in a caravan because the office had flooded. Everything in it is damp.”\n\n"
    "— Wenna Polglase, creator\n\n"
    "“Wenna arrived with ten pages and a photograph of a lighthouse.”\n\n"
    "“I said yes before she had finished the first one.”\n\n"
    "— Ruan Tregenza, then head of drama\n\n"
    "“It was never for sale. I made that up.”\n\n"
    "– Wenna Polglase"
)


def test_a_dash_line_under_quotes_names_who_said_them():
    analysis = read(ORAL_HISTORY)
    assert speakers(analysis) == [
        ("Wenna Polglase", True),
        ("Ruan Tregenza", True),
        ("Ruan Tregenza", True),
        ("Wenna Polglase", True),
    ]


@pytest.mark.parametrize(
    "between",
    [
        "The storm came in the second week.",  # narration: the line signs for nothing above it
        "“Nobody slept,” said Ruan Tregenza.",  # a quote with its own cue is not a quote alone
    ],
)
def test_a_dash_line_signs_only_for_the_quotes_alone_right_above_it(between):
    analysis = read(f"“The cliff was falling into the sea.”\n\n{between}\n\n— Wenna Polglase, creator")
    assert analysis.quotes[0].speaker_name != "Wenna Polglase"


# --- Who a name stands for, said later ------------------------------------------------------------


def test_a_name_used_first_and_explained_later_is_the_person_it_turns_out_to_be():
    analysis = read(
        "The wigs belong to a wig master whom the whole crew calls Benny.\n\n"
        "“One wig, a hundred hours,” Benny says.\n\n"
        "Benny is Benedikt Osei-Harland, a wigmaker from Bremen."
    )
    assert speakers(analysis) == [("Benedikt Osei-Harland", True)]
    assert analysis.credits == []


def test_a_full_role_after_a_surname_is_still_a_credit_not_a_nickname():
    analysis = read(
        "Rafferty Doyle joined late.\n\nDoyle is Clive Mottram, the brooding keyboard player.\n\n"
        "“I hate keyboards,” Doyle said."
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Rafferty Doyle", "Clive Mottram")]
    assert speakers(analysis) == [("Rafferty Doyle", True)]


def test_a_first_name_the_others_have_taken_to_calling_something_else_is_that_person():
    analysis = read(
        "Bertie Lamplugh is the oldest baker in the tent.\n\n"
        "Bertie, whom the others have taken to calling Postie, was delighted.\n\n"
        "“My father was a ghillie,” Postie said."
    )
    assert speakers(analysis) == [("Bertie Lamplugh", True)]


def test_a_clerical_or_academic_title_or_a_rank_is_not_part_of_the_name_introduced():
    analysis = read(
        "The Reverend Cecily Hawtrey left acting for the church.\n\n“Never,” Hawtrey said.\n\n"
        "Professor Idris Fane, who advised the show, agreed. “Quite so,” Fane said.\n\n"
        "Captain Eldon Wadden, whose trawler appears in every episode, laughed. “They mostly listen,” Wadden said.\n\n"
        "Cllr Derek Oddie was kinder. “Very good neighbours,” Oddie said."
    )
    assert speakers(analysis) == [
        ("Cecily Hawtrey", True),
        ("Idris Fane", True),
        ("Eldon Wadden", True),
        ("Derek Oddie", True),
    ]


def test_a_title_said_alone_is_the_one_person_the_article_gives_it():
    analysis = read(
        "The jury is chaired by Dame Perpetua Stallybrass and the director Ossian Lark.\n\n"
        "“Please write that Dame Perpetua is in charge,” Lark said.\n\n“I am in charge,” said the Dame."
    )
    assert speakers(analysis) == [("Ossian Lark", True), ("Perpetua Stallybrass", True)]


def test_a_title_two_people_share_said_alone_is_left_unresolved():
    analysis = read(
        "Dame Perpetua Stallybrass and Dame Hortense Wyld judged the prize.\n\n“I am in charge,” said the Dame."
    )
    assert speakers(analysis) == [(None, False)]


def test_a_name_after_the_is_a_place_or_a_thing_not_someone_new():
    texts = [
        "Harbour Lights on stage",
        "The play opened at the Lyceum Playhouse, and the Bumbleweed Club came. Ptolemy Vance plays the agent.",
        "The Reverend Cecily Hawtrey was there too.",
    ]
    introduced = article_cast(texts, build_directory(DATABASE, [WORK]), works=[WORK]).introduced
    assert sorted(introduced.values()) == ["Cecily Hawtrey", "Ptolemy Vance"]


def test_a_surname_who_has_been_known_by_a_nickname_since_is_that_person():
    analysis = read(
        "Raymond Thursby starred opposite Bartholomew Adeyinka. Adeyinka, who has been known as Barty since "
        "drama school, posted a photograph.\n\n“He taught me to tie a bowline,” Barty wrote."
    )
    assert speakers(analysis) == [("Bartholomew Adeyinka", True)]


def test_an_actor_who_normally_plays_a_role_is_credited_with_it():
    analysis = read("Ilinca Dragomir-Hughes, who normally plays Arthur's daughter, Annie Lumb, was ill on Thursday.")
    assert [(c.person, c.character) for c in analysis.credits] == [("Ilinca Dragomir-Hughes", "Annie Lumb")]


def test_an_initial_and_a_surname_beside_the_full_name_are_one_person():
    texts = [
        "Harbour Lights backstage",
        "Thursday. Understudy B. Garside went on. Her understudy, Bryony Garside, had never played it.",
        "“I know every line,” Garside says.",
    ]
    cast = article_cast(texts, build_directory(DATABASE, [WORK]), works=[WORK])
    assert sorted(cast.introduced.values()) == ["Bryony Garside"]
    analysis = read("\n\n".join(texts[1:]))
    assert speakers(analysis) == [("Bryony Garside", True)]


def test_a_full_name_said_to_be_a_role_credited_to_someone_else_also_plays_it():
    analysis = read(
        "On screen, the deputy, Sergeant Elliot Gedge, is played by Tunde Ashworth-Mends. In German, Gedge is "
        "Jörg Wendlandt, a grey-bearded veteran of four hundred films."
    )
    assert sorted((c.person, c.character) for c in analysis.credits) == [
        ("Jörg Wendlandt", "Sergeant Elliot Gedge"),
        ("Tunde Ashworth-Mends", "Sergeant Elliot Gedge"),
    ]


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        (
            "Siobhán O’Dwyer-Lacey arrived in 1996 as Nurse Gráinne Hurley and never left.",
            ("Siobhán O’Dwyer-Lacey", "Nurse Gráinne Hurley"),
        ),
        (
            "Its heroine is Tansy Pinfeather, a puffin who wants to keep a lighthouse, and she is voiced by "
            "Noémie Castaing, who grew up in Falmouth.",
            ("Noémie Castaing", "Tansy Pinfeather"),
        ),
        (
            "The role of the magistrate, Sir Hector Vaux, will be played by the Dutch-born actor Willem "
            "de Graaff-Lindley.",
            ("Willem de Graaff-Lindley", "Sir Hector Vaux"),
        ),
        (
            "Tilly Vukovich, who plays Senior Sergeant Roo Maddern in Saltpan, arrived late.",
            ("Tilly Vukovich", "Senior Sergeant Roo Maddern"),
        ),
        (
            "Across the table sits Inspector Ewart Mossop, Delphine Rook's rumpled, weary detective, who has "
            "never trusted a confession.",
            ("Delphine Rook", "Inspector Ewart Mossop"),
        ),
        (
            "Presiding over the inquest is Coroner Agatha Wrenfield, and Mirela Oduya-Strand, who plays her, is "
            "superb.",
            ("Mirela Oduya-Strand", "Coroner Agatha Wrenfield"),
        ),
        (
            "Bethan Ruddock-Ames will lead the new thriller. It is her first lead since her breakout as the "
            "lighthouse keeper Nessa Quayle in Greyrock.",
            ("Bethan Ruddock-Ames", "Nessa Quayle"),
        ),
        (
            "Playing the keeper's brother, Tobias Quayle, the one who knows where the bodies are, is Ruairí "
            "Denholm-Pike.",
            ("Ruairí Denholm-Pike", "Tobias Quayle"),
        ),
        (
            "Fintan Mulhearn, who has pulled pints behind the bar of the Anchor as Jacko Dunphy since 2002, has a "
            "theory.",
            ("Fintan Mulhearn", "Jacko Dunphy"),
        ),
        (
            "Adaeze Kilbride-Oyo is the newest of them, having joined in 2019 as the landlord's niece, Shona Fahy.",
            ("Adaeze Kilbride-Oyo", "Shona Fahy"),
        ),
        (
            "Then came Benedikt Oyeleye, now a household name as Inspector Crispin Vane, soaked to the skin.",
            ("Benedikt Oyeleye", "Inspector Crispin Vane"),
        ),
        (
            "It was created by Wendell Truscott, 38, who grew up on a travelling fair, and who also plays the "
            "eldest son, Mick Jessup, a man who would rather be anywhere else.",
            ("Wendell Truscott", "Mick Jessup"),
        ),
        (
            "The role of the gang's new recruit, a teenage joyrider called Pasco Trevarthen, went to newcomer Rory "
            "Penhallow-Sesay, who is very good at looking bored.",
            ("Rory Penhallow-Sesay", "Pasco Trevarthen"),
        ),
        (
            "The role of Whit Garraway went to Irish newcomer Cillian Ó Duibhne, who sent a self-tape.",
            ("Cillian Ó Duibhne", "Whit Garraway"),
        ),
        (
            "Among her discoveries was Fergus Tierney-Adjei, whose Brother Aidan Rourke in the monastery comedy "
            "Cuthbert's Walk ran for six series.",
            ("Fergus Tierney-Adjei", "Brother Aidan Rourke"),
        ),
    ],
)
def test_credits_in_the_shapes_a_round_up_uses(sentence, credit):
    assert [(c.person, c.character) for c in read(sentence).credits] == [credit]


def test_a_real_relation_after_a_name_and_an_actors_possessive_is_no_credit():
    analysis = read("At the premiere was Tobias Wren, Delphine Rook's husband of twenty years, who has seen it twice.")
    assert analysis.credits == []


def test_a_knighted_or_ennobled_actor_is_the_person_the_article_introduces():
    analysis = read("Dame Opal Strickland plays Ada Pell. Sir Idris Mawle plays her husband, Josiah.")
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {("Opal Strickland", "Ada Pell"), ("Idris Mawle", "Josiah")}


def test_a_listing_of_channel_and_day_in_a_parenthesis_credits_nobody():
    analysis = read(
        "Brinewater (Tonn Four, Sunday) opens on a beach. Gull Rock (Tonn Five, 9pm) is quieter. Mairead "
        "Lusk (Orla Breen, in her first lead) walks the mudflats."
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Orla Breen", "Mairead Lusk")}


def test_credits_in_an_awards_list_and_after_a_long_description_ending_the_sentence():
    analysis = read(
        "9.40pm – Best Actress: Orla Breen, Gull Rock (as Sergeant Maud Penrose). She wept.\n\n"
        "Best Supporting Actor goes to Idris Mawle, who plays the ferryman at the far end of the quay, "
        "Tobias Wren.\n\nAda Obi, who plays the piano at the Savoy, Mary Lusk said, was late."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {("Orla Breen", "Sergeant Maud Penrose"), ("Idris Mawle", "Tobias Wren")}


def test_an_awards_heading_is_nobody_and_the_winner_speaks():
    analysis = read(
        "8.02pm – Best Actor: Marlon Breen, Gull Rock. He had not written a speech. “I will think of the "
        "names in the car,” he says."
    )
    assert speakers(analysis) == [("Marlon Breen", True)]


def test_a_person_addressed_with_a_title_is_the_person_the_article_introduces():
    analysis = read(
        "“She questioned every move,” says Professor Mandla Zungu, who taught her at drama school. “Not once. "
        "Every time.”"
    )
    assert speakers(analysis) == [("Mandla Zungu", True), ("Mandla Zungu", True)]


def test_a_show_named_by_the_time_spent_on_it_or_its_episode_is_nobody():
    analysis = read(
        "Rafael Quintero nodded. His hardest day on Santa Rosalia had been a funeral scene. “The extras were the "
        "parish,” he said.\n\nThe Night Shift episode took two days. “Nobody warns you about waiting,” she said."
    )
    assert [name for name, _ in speakers(analysis)] == ["Rafael Quintero", None]


def test_a_dateline_and_a_networks_initials_credit_nobody():
    analysis = read(
        "LOS ANGELES — Mara Quill, who has played Dr. Elias Hart on KBC's Ridge since 2019, is leaving.\n\n"
        "She exits after six seasons as KBC reshapes the drama."
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Mara Quill", "Dr. Elias Hart")}


def test_a_fire_service_a_state_and_a_network_are_nobody():
    analysis = read(
        "Sixty people were on the stage, according to Santa Fe Fire Rescue. “We had a section of roof down.”\n\n"
        "Wendy Corr created Caprock for the Arrowhead network. “The backbone of our Sunday nights.”\n\n"
        "The show films in New Mexico. “It has been good to us.”"
    )
    assert [name for name, _ in speakers(analysis)] == [None, "Wendy Corr", None]


def test_credits_after_adjectives_an_aside_a_casting_and_in_a_tribute_heading():
    analysis = read(
        "The series is built around Amos Vell, the widowed, unbending patriarch played by Boone Harkness. "
        "Dana Corrib, who earned a nomination last year, is back as Bev Kowal, the site manager. For the "
        "film, she cast Lucia Brambell, previously a stand-up comic, as Sister Benedetta. Uxía Moral, a "
        "stage veteran at 58, is Carme Louzao, a widow who runs the cooperative.\n\n"
        "**Consuelo Ibarra** (Tess Dane, 1998–2011)\n\nShe remembered everything."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Boone Harkness", "Amos Vell"),
        ("Dana Corrib", "Bev Kowal"),
        ("Lucia Brambell", "Sister Benedetta"),
        ("Uxía Moral", "Carme Louzao"),
        ("Consuelo Ibarra", "Tess Dane"),
    }


def test_a_cast_list_of_role_colon_actor_lines_credits_each_and_holds_no_qa_turns():
    analysis = read(
        "Fable has cast Orla Breen and Declan Furey as the couple at the centre of Small Hours.\n\n"
        "The full cast:\n\nPeggy Hanlon: Orla Breen\n\nCon Hanlon: Declan Furey\n\nDr Vincent Lally: Kwame Asante\n\n"
        "Best Comedy Series: Doubles Trouble\n\nFilming starts in May."
    )
    credits = {(credit.person, credit.character) for credit in analysis.credits}
    assert credits == {
        ("Orla Breen", "Peggy Hanlon"),
        ("Declan Furey", "Con Hanlon"),
        ("Kwame Asante", "Dr Vincent Lally"),
    }
    assert analysis.qa_turns == []


def test_a_pronoun_in_an_aside_after_which_and_a_possessive_after_plays_give_nobody_their_gender():
    analysis = read(
        "Odile Marchetti-Kay reaches the ferry terminal early. Tobias Ferncastle comes late, which, she says, "
        "is how every day of the shoot began. Ferncastle, carrying a coffee he bought elsewhere, does not argue. "
        "Tobias Ferncastle plays her sister's husband.\n\n"
        "“He treats a call time as a suggestion,” she says.\n\n"
        "“I treat it as a rumour,” he says."
    )
    assert speakers(analysis) == [("Odile Marchetti-Kay", True), ("Tobias Ferncastle", True)]


def test_a_nickname_with_the_surname_in_the_headline_is_the_person_written_with_it_inside_their_name():
    analysis = read(
        "Cornelius “Con” Abernathy-Sloane, who kept a whole town laughing for twenty years, has died. In a "
        "statement, his son, Piers Abernathy-Sloane, said: “He would have wanted a shorter obituary.”\n\n"
        "Born in Leeds, Abernathy-Sloane trained as a joiner. He was 40 when he was cast as Reverend Obadiah "
        "Pike, the vicar of Harbour Lights.\n\n"
        "“I never once wanted to be anybody else,” Abernathy-Sloane said in 1999.",
        headline="Con Abernathy-Sloane dies at 80",
    )
    assert speakers(analysis) == [("Piers Abernathy-Sloane", True), ("Cornelius Abernathy-Sloane", True)]
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Cornelius Abernathy-Sloane", "Reverend Obadiah Pike")
    ]


def test_a_quote_with_no_cue_under_a_heading_of_one_name_is_that_persons():
    body = (
        "We asked the crew one question on the carpet.\n\n**Ottoline Brisk**\n\nThe show's set decorator had "
        "come straight from the workshop. Her answer came fast.\n\n“Never trust a chair you did not build.”\n\n"
        "**Two of the extras**\n\n“Bring a coat.”\n\n**Hamish Tarrant-Oyelaran**\n\nHe brought his daughter, "
        "Delia Tarrant-Oyelaran, who is nine.\n\n“Dad said I could keep the hat.”"
    )
    # The last section names someone else before its quote: the one named last, not the heading's.
    assert speakers(read(body)) == [("Ottoline Brisk", True), (None, False), ("Delia Tarrant-Oyelaran", True)]


def test_a_shared_surname_is_the_one_person_of_that_family_the_article_has_named_so_far():
    analysis = read(
        "The crew is run by Marguerite Olstead-Penn, a former diver from Oban.\n\n"
        "“Nobody gets wet without a rehearsal,” Olstead-Penn says.\n\n"
        "Her nephew, Callum Olstead-Penn, works the winch. “She shouts a lot,” Callum says.\n\n"
        "“Somebody has to,” Olstead-Penn says."
    )
    # Until Callum comes in, the surname can only be his aunt; after, it could be either of them.
    assert speakers(analysis)[:2] == [("Marguerite Olstead-Penn", True), ("Callum Olstead-Penn", True)]
    assert analysis.quotes[2].speaker_key is None and analysis.quotes[2].speaker_written == "Olstead-Penn"


def test_two_people_introduced_together_leave_their_shared_surname_open():
    analysis = read(
        "Ron and Kevin Tumbrill are brothers from Larne.\n\n“I saw him at the urn,” says Tumbrill, who is 61."
    )
    assert [quote.speaker_written for quote in analysis.quotes] == ["Tumbrill"]


def test_made_stars_of_names_people_and_neither_opens_no_name():
    analysis = read(
        "The series made stars of Gethin Morfudd, who plays the drover Ifan Pennant, and of Lowri Morfudd, no "
        "relation.\n\n“I was gutted,” Gethin Morfudd said.\n\nNeither Morfudd has confirmed a return."
    )
    assert ("Gethin Morfudd", "Ifan Pennant") in [(credit.person, credit.character) for credit in analysis.credits]
    assert "Neither Morfudd" not in analysis.introduced


def test_a_letter_ending_a_sentence_before_someones_first_name_is_nobody_new():
    analysis = read(
        "Jago Pellow-Tresize spent the winter underground.\n\n"
        "“I started taking vitamin D. Jago started talking to the pit props,” his sister Morwenna Pellow-Tresize "
        "said.\n\n“One pit prop,” Jago said."
    )
    assert speakers(analysis)[-1] == ("Jago Pellow-Tresize", True)


def test_a_role_that_has_gone_to_someone_new_is_theirs_too_and_as_well_as_credits_nobody():
    analysis = read(
        "Constable Ivo Mabbott was played for three series by Lorcan Pryce-Adey. The role has gone to Femi "
        "Ashdown-Clarke, who is very good.\n\nLorcan Pryce-Adey ran the channel's first hit, Undertow, as well as "
        "the quiz show Crumble & Crust."
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Lorcan Pryce-Adey", "Constable Ivo Mabbott"),
        ("Femi Ashdown-Clarke", "Constable Ivo Mabbott"),
    ]


def test_a_name_reporting_what_its_person_said_keeps_the_next_he_from_the_headlines_subject():
    analysis = read(
        "Osric Vantreight-Lowe came back to television this year.\n\n“I was scared of it,” he says.\n\n"
        "His agent, Fergus Quill-Adair, has known him for decades. Quill-Adair adds that the decision was made "
        "in a car park.\n\n“He rang me from outside a supermarket,” he recalls.",
        headline="Osric Vantreight-Lowe comes home",
    )
    assert speakers(analysis) == [("Osric Vantreight-Lowe", True), ("Fergus Quill-Adair", True)]


def test_a_relative_who_says_something_before_a_quote_in_reported_speech_is_its_speaker():
    analysis = read(
        "Ansel Blenkiron, the stunt performer, has died at 74.\n\nHis daughter, Lettice Blenkiron, said he had "
        "died peacefully, “which is the first thing he ever did peacefully.”",
        headline="Ansel Blenkiron dies at 74",
    )
    assert speakers(analysis) == [("Lettice Blenkiron", True)]


def test_an_indefinite_noun_before_and_says_is_no_speaker():
    analysis = read(
        "There is a moment when the headmistress adjusts a wig roughly the size of a spaniel and says, with "
        "dignity, “Gambling is for men and ducks.”"
    )
    assert [quote.speaker_written for quote in analysis.quotes] != ["a spaniel and"]


def test_a_pronouns_role_of_the_same_family_as_another_actors_role_is_still_credited():
    analysis = read(
        "Solveig Amberley-Kaur has spent twenty years playing other people's mothers. In Harbour Lights, she "
        "finally gets the front desk. She plays Dolly Prewitt, who inherited the motel. Rafe Oyinlola plays her "
        "ex-husband, Vernon Prewitt.",
        headline="Solveig Amberley-Kaur on Harbour Lights",
    )
    assert sorted((credit.person, credit.character) for credit in analysis.credits) == [
        ("Rafe Oyinlola", "Vernon Prewitt"),
        ("Solveig Amberley-Kaur", "Dolly Prewitt"),
    ]


def test_a_he_who_declined_to_give_his_name_is_nobody_the_article_names():
    analysis = read(
        "Desmond Achterberg-Lowe introduced the film to a full house.\n\n“It took nine years,” he said.\n\n"
        "One of its subjects, an elderly man who waits for the bus every morning, came too. He declined to give "
        "his name to reporters, but he did offer a review.\n\n“It's very good,” he said."
    )
    assert speakers(analysis) == [("Desmond Achterberg-Lowe", True), (None, False)]


def test_an_aside_about_a_job_held_as_someone_is_no_credit():
    analysis = read(
        "Mara Quist-Delaney, who has worked as a nurse since 2002, said so. She has lived as Mara Q for years."
    )
    assert analysis.credits == []


def test_his_longest_role_opening_a_paragraph_is_the_role_of_the_man_the_article_is_about():
    analysis = read(
        "Bartram Quilliam, the actor, has died aged 88.\n\nBorn in Geelong, Quilliam left school at fourteen.\n\n"
        "His longest role, and the one that made him famous, was Clancy Dorrigo, the barman of the Railway "
        "Hotel, which he played for thirty years.",
        headline="Bartram Quilliam dies aged 88",
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Bartram Quilliam", "Clancy Dorrigo")
    ]


def test_a_surname_label_is_the_one_of_a_family_named_before_it():
    body = (
        "By Nell Kenworth\n\nCiarán Mulvanney, who plays a curate, joined the podcast.\n\n"
        "KENWORTH: Did you go to mass as a boy?\n\nMULVANNEY: Every Sunday until I was seventeen.\n\n"
        "KENWORTH: And now?\n\nMULVANNEY: My mother would say not often enough.\n\n"
        "His mother, Bernadette Mulvanney, runs the parish WhatsApp group."
    )
    answers = [turn.speaker_name for turn in read(body).qa_turns if turn.role == "answer"]
    assert answers == ["Ciarán Mulvanney", "Ciarán Mulvanney"]


def test_a_job_the_article_names_before_saying_her_name_is_hers():
    analysis = read(
        "“Cables are good, medic is good,” says the stunt coordinator into her radio.\n\n"
        "The carriage drops. “People think practical means dangerous,” the coordinator tells me later.\n\n"
        "Her name is Morwenna Blackley, and she has been falling off things for twenty years."
    )
    assert speakers(analysis) == [("Morwenna Blackley", True), ("Morwenna Blackley", True)]


def test_a_title_after_known_as_is_no_nickname():
    analysis = read(
        "By Jane Moss\n\nTerry Mulholland, known as Mr. Blue on the radio, defended her. “She stays,” Mr said."
    )
    assert speakers(analysis) != [("Terry Mulholland", True)]


def test_a_transcripts_initials_count_each_part_of_a_double_barrelled_name():
    body = (
        "By Jolene Haverley\n\nOn the mics: Jolene Haverley and our guest, Aurore Kittering-Balogun, the creator "
        "of Harbour Lights.\n\nJH: When did you know the orchard would burn?\n\nAKB: Before I knew anything else.\n\n"
        "JH: And the cast?\n\nAKB: They found out at the read-through."
    )
    answers = [turn.speaker_name for turn in read(body).qa_turns if turn.role == "answer"]
    assert answers == ["Aurore Kittering-Balogun", "Aurore Kittering-Balogun"]


def test_a_name_that_opens_with_dotted_initials_is_written_whole():
    analysis = read(
        "D.J. Falkenrode-Obi, the network's head of drama, ordered a second season.\n\n"
        "“We didn't wait for the numbers,” Falkenrode-Obi said."
    )
    assert speakers(analysis) == [("D.J. Falkenrode-Obi", True)]


def test_a_surname_before_jr_is_that_persons_surname():
    analysis = read(
        "“She cast people,” said the director Lamont Pennyworth Jr., who worked with her nine times.\n\n"
        "Pennyworth added that she had been “a second mother to half the industry”."
    )
    assert speakers(analysis) == [("Lamont Pennyworth Jr.", True), ("Lamont Pennyworth Jr.", True)]


def test_an_actors_role_in_a_paragraph_with_no_other_credit_word_is_a_credit():
    analysis = read(
        "Then the numbers stop adding up. Tennant Mbeki-Roarke's Dex Abaro, the ship's young security "
        "lieutenant, has spent the season quietly noticing things."
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Tennant Mbeki-Roarke", "Dex Abaro")]


def test_in_a_list_of_voices_the_side_that_speaks_under_its_own_label_is_the_actor():
    body = (
        "The voices, in order of appearance:\n\nWinsome Traske-Ilori (Phyllida Tullow)\n\n"
        "Yaw Castellan (Kenny Tullow)\n\n"
        "For four series the Tullow family ran the last ferry.\n\n"
        "WINSOME TRASKE-ILORI: Phyllida was written as a man at first, which I thought was strange.\n\n"
        "YAW CASTELLAN: I auditioned for the skipper and got the son, which says a lot about me."
    )
    credits = sorted((credit.person, credit.character) for credit in read(body).credits)
    assert credits == [("Winsome Traske-Ilori", "Phyllida Tullow"), ("Yaw Castellan", "Kenny Tullow")]


def test_as_she_puts_it_names_who_said_the_words_after_it():
    analysis = read(
        "Krystyna Ostrowicz left drama school in 1983 and, as she puts it, “started playing women twenty years "
        "older than me.”"
    )
    assert speakers(analysis) == [("Krystyna Ostrowicz", True)]


def test_a_she_nobody_nearby_fits_is_the_headlines_woman_unless_another_woman_is_spoken_of():
    profile = (
        "Krystyna Ostrowicz has played landladies for forty years. She lives in Bradford.\n\n"
        "“I learned English from the television,” she says.\n\n"
        "Her husband, Leszek Ostrowicz, has seen every one of her deaths.\n\n"
        "“The milk float was the worst,” he says.\n\nThe film was shot in Halifax.\n\nIt took six weeks.\n\n"
        "She has no intention of retiring. Asked whether top billing has changed anything, she thinks for a "
        "long time.\n\n“I get a chair with my name on it,” she says finally."
    )
    memoir = profile.replace("She has no intention", "My mother watched it at my sister's house. She has no intention")
    headline = "Krystyna Ostrowicz gets top billing"
    assert speakers(read(profile, headline=headline))[-1] == ("Krystyna Ostrowicz", True)
    assert speakers(read(memoir, headline=headline))[-1] == (None, False)


def test_she_was_the_dinner_lady_mrs_bunce_is_her_role_and_she_was_the_director_is_her_job():
    role = read(
        "Krystyna Ostrowicz was the gossip in a soap for nine years, and for three series of the sitcom Ninepins "
        "she was the dinner lady Mrs Bunting, whose one line still gets shouted at her."
    )
    job = read("Krystyna Ostrowicz trained in Lodz. In 1990 she was the director Ana Ruiz, in effect, of her own life.")
    assert [(credit.person, credit.character) for credit in role.credits] == [("Krystyna Ostrowicz", "Mrs Bunting")]
    assert job.credits == []


def test_a_sentence_with_a_cue_between_commas_names_who_speaks_next():
    analysis = read(
        "Anatole Fisk-Morrow is now a vicar near Bodmin.\n\n"
        "His parishioners, he says, mostly know. “Somebody played the theme tune on the organ at a wedding.”"
    )
    assert speakers(analysis) == [("Anatole Fisk-Morrow", True)]


def test_a_gerund_opening_a_sentence_is_no_first_name():
    analysis = read(
        "The singer Ondrea will make her screen debut as Lucienne Arnot.\n\n"
        "“Getting Ondrea to say yes was the second closest thing,” Pell Keyes-Whitlow said in a statement."
    )
    assert [credit.person for credit in analysis.credits if credit.person.startswith("Getting")] == []


def test_a_directors_film_described_after_its_title_is_no_role():
    analysis = read(
        "Tamsin Okoro-Vale's Dry Meridian, a slow, wry and finally heartbreaking road film about two "
        "sisters driving a piano to the coast, won the jury prize on Sunday.",
        people=[],
    )
    assert credits_of(analysis) == set()


def test_a_one_word_answer_under_a_speakers_label_is_no_cast_list():
    analysis = read(
        "On stage were Rosalind Abernathy-Lowe and Piet Kettering, with Maud Selwyn asking the questions.\n\n"
        "Selwyn: One word each for the next season, please.\n\n"
        "Abernathy-Lowe: I am not allowed to say anything, so I am going to look at Piet.\n\n"
        "Kettering: Don't look at me. I have packed my bags already.\n\n"
        "Abernathy-Lowe: Salt.\n\nKettering: Frost.",
        people=[],
    )
    assert credits_of(analysis) == set()


def test_a_person_described_as_in_a_film_stays_a_person():
    analysis = read(
        "“We shot it in nine days,” said Odile Marchetti-Baye, the actress who starred in the film, "
        "at the festival on Friday.",
        people=[],
    )
    assert speakers(analysis) == [("Odile Marchetti-Baye", True)]


def test_a_part_named_by_what_it_is_to_someone_then_its_actor_is_a_credit():
    analysis = read(
        "Her minder, Osric Penhallow, is Tobi Ademola-Grant, all nerves and galoshes, who spends the "
        "series begging her to stop.",
        people=[],
    )
    assert credits_of(analysis) == {("Tobi Ademola-Grant", "Osric Penhallow")}


def test_a_she_after_a_role_written_as_its_actors_is_the_actor_playing_it():
    analysis = read(
        "Mireille Oduya-Stone’s Hester Gale runs a bakery in Whitby and has, it turns out, been a spy "
        "since 1982.\n\n“I only ever wanted to bake,” she says in the first episode.",
        people=[],
    )
    [quote] = analysis.quotes
    assert (quote.speaker_name, quote.character) == ("Mireille Oduya-Stone", "Hester Gale")


def test_the_one_a_quote_calls_out_to_by_name_is_not_its_speaker():
    analysis = read(
        "Delphine Quarrie-Moss plays a retired spy. Her minder, Osric Penhallow, is Tobi Ademola-Grant, "
        "all nerves and galoshes.\n\n“Retire to where, Osric?” she asks him.",
        people=[],
    )
    assert speakers(analysis) == [("Delphine Quarrie-Moss", True)]


def test_a_korean_surname_oh_opens_a_name():
    analysis = read(
        "The session was closed by the moderator, Oh Min-jung, after an hour.\n\n“Last question, please,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("Oh Min-jung", True)]


def test_a_rank_of_several_titles_stays_with_the_role():
    analysis = read("Mary Kang plays the station engineer, Chief Petty Officer Ruth Doyle.", people=[])
    assert credits_of(analysis) == {("Mary Kang", "Chief Petty Officer Ruth Doyle")}


def test_a_name_called_out_in_words_a_quote_reports_may_be_its_speaker():
    analysis = read(
        "Wendell Ashby-Vane directed it. Osric Penhallow-Grey plays the lead.\n\n"
        "“My mother always said, ‘Sit up straight, Osric, or nobody will hire you,’ and I never have,” he says.",
        people=[],
    )
    assert speakers(analysis) == [("Osric Penhallow-Grey", True)]


def test_a_letter_before_a_colon_is_nobodys_name():
    analysis = read(
        "Dwayne Okafor-Lind joined the cast in 2021.\n\n"
        "Okafor-Lind, who had been promoted to series regular for the third season only weeks before the "
        "cancellation, posted a black square on X with a single line: “The night shift is over.”",
        people=[],
    )
    assert speakers(analysis) == [("Dwayne Okafor-Lind", True)]


def test_the_role_of_a_part_described_at_length_went_to_an_actor():
    analysis = read(
        "The role of their father, the charming and, as it turns out, entirely crooked surveyor Piet "
        "Vandermolen, went to the Flemish actor Lieven Descamps, who appears mostly in flashbacks.",
        people=[],
    )
    assert credits_of(analysis) == {("Lieven Descamps", "Piet Vandermolen")}


def test_the_elder_of_a_family_just_spoken_of_is_that_relative_not_the_headlines_person():
    analysis = read(
        "Jomar Dalisay-Cruz grew up behind the counter.\n\n"
        "Amihan Dalisay-Cruz is unmoved by the reviews. Asked about her grandson's performance, she "
        "takes a long time to answer.\n\n“He’s good,” the elder Dalisay-Cruz says finally.",
        people=[],
        headline="Jomar Dalisay-Cruz on the corner shop that made him",
    )
    assert speakers(analysis) == [("Amihan Dalisay-Cruz", True)]


def test_a_paragraph_telling_of_a_panellist_after_the_transcript_is_narration_again():
    analysis = read(
        "On stage were Rosalind Abernathy-Lowe and Piet Kettering, with Maud Selwyn asking the questions.\n\n"
        "Selwyn: One word each for the next season, please.\n\n"
        "Abernathy-Lowe: I am not allowed to say anything, so I am going to look at Piet.\n\n"
        "Kettering: Don't look at me. I have packed my bags already.\n\n"
        "After the panel, Abernathy-Lowe stayed behind to sign posters. She told me the finale surprised her.\n\n"
        "“I thought they would hate him,” she said.",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns][-1] == "Piet Kettering"
    assert analysis.qa_turns[-1].text == "Don't look at me. I have packed my bags already."
    assert speakers(analysis) == [("Rosalind Abernathy-Lowe", True)]


FORUM = (
    "The show's creator, Imelda Oyelaran-Birch, answered fans on the official forum under her usual handle, "
    "imelda_writes. The composer Torvald Mbeki-Strand joined her for the last half-hour.\n\n"
    "[Regulars knew at once: reedpipe_tor is the account of the composer, Torvald Mbeki-Strand.]\n\n"
    "imelda_writes: Evening, all. Ask me anything about the finale.\n\n"
    "lanternmoth: Did you always know the tower would fall?\n\n"
    "imelda_writes: From the first draft. The whole season is built backwards from it.\n\n"
    "quietharbour88: Is the bell coming back next season?\n\n"
    "imelda_writes: Yes. That is all you are getting.\n\n"
    "reedpipe_tor: Why did the choir have to sing it in one take?\n\n"
    "imelda_writes: Because you told me it would sound better that way."
)


def test_a_forums_plain_handles_are_a_transcript_and_the_article_says_whose_they_are():
    analysis = read(FORUM, people=[])
    turns = [(turn.role, turn.speaker_name) for turn in analysis.qa_turns]
    assert turns == [
        ("answer", "Imelda Oyelaran-Birch"),
        ("question", None),
        ("answer", "Imelda Oyelaran-Birch"),
        ("question", None),
        ("answer", "Imelda Oyelaran-Birch"),
        ("question", "Torvald Mbeki-Strand"),
        ("answer", "Imelda Oyelaran-Birch"),
    ]


def test_a_handle_made_of_someones_initials_is_theirs():
    analysis = read(
        "Torvald Mbeki-Strand joined the thread late.\n\n"
        "lanternmoth: Did you always know the tower would fall?\n\n"
        "tms_official: Evening, everyone. I am here at last.\n\n"
        "quietharbour88: Is the bell coming back?\n\n"
        "tms_official: Ask the writers. I only play the organ.",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Torvald Mbeki-Strand"] * 2


def test_labels_set_off_by_a_dash_with_an_aside_between_turns_are_one_transcript():
    analysis = read(
        "Valentina Ostrowski-Achebe spoke to Reelside through an interpreter.\n\n"
        "Reelside — Where did the bees come from?\n\n"
        "Ostrowski-Achebe — From my grandmother's kitchen. They were really there.\n\n"
        "Reelside — So the film is autobiographical.\n\n"
        "Ostrowski-Achebe — The bees are. The rest I stole.\n\n"
        "At this point the director told a joke the interpreter declined to translate. "
        '"It doesn\'t work in English," he explained.\n\n'
        "Reelside — Why cast someone who had never acted?\n\n"
        "Ostrowski-Achebe — Because the professionals were all too polished.",
        people=[],
        headline="Valentina Ostrowski-Achebe on her film about bees",
    )
    assert [turn.role for turn in analysis.qa_turns] == ["question", "answer"] * 3
    assert analysis.qa_turns[-1].text == "Because the professionals were all too polished."
    assert {turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"} == {"Valentina Ostrowski-Achebe"}


def test_a_dash_after_a_name_once_is_no_transcript():
    analysis = read(
        "LONDON — Tamsin Okoro-Vale has been cast.\n\nAda Obi — Tess Kerr\n\nPiet Lund — Osric Vane", people=[]
    )
    assert analysis.qa_turns == []


def test_a_byline_under_a_long_standfirst_is_read():
    analysis = analyse(
        "Valentina Ostrowski-Achebe on her film about bees\n\n"
        "The director's second feature, about an old woman who will not leave a farmhouse overrun by bees, "
        "opens this week. She spoke to us in Portuguese, with help.\n\n"
        "By Lorcan Ekwueme-Baptiste\n\n"
        "Valentina Ostrowski-Achebe does not like being translated.\n\n"
        "She says so within a minute of sitting down.\n\nThe interpreter smiles.\n\n"
        "Her first feature was about a lighthouse.\n\nThis one is about bees.\n\nIt opens on Friday.",
        build_directory([]),
    )
    assert analysis.bylines == ["Lorcan Ekwueme-Baptiste"]


def test_a_pictured_line_is_a_caption_not_a_speakers_label():
    analysis = read(
        "Pictured: Coxswain Walt Brine (Hamish Gill) at the wheel during a night launch.\n\n"
        "“That is the actual estuary at three in the morning,” Quennell says.\n\n"
        "Pictured: the three sisters on the sea wall, in the rain, waiting for the boat.\n\n"
        "“Nobody could tell me who they were,” she says.",
        people=[],
    )
    assert analysis.qa_turns == []
    assert len(analysis.quotes) == 2


def test_an_actor_who_did_one_thing_and_now_voices_a_role_is_credited():
    analysis = read(
        "The grown man is Ambrose Kettle-Nnamdi, who spent forty years playing kings at the National and now "
        "voices Grandpa Tuck, the short-sighted patriarch of a family of moles.",
        people=[],
    )
    assert credits_of(analysis) == {("Ambrose Kettle-Nnamdi", "Grandpa Tuck")}


def test_most_recently_played_is_a_credit():
    analysis = read(
        "Marcus Vesterholm-Achebe most recently played Captain Rufus Tarrant in the naval drama Brass Monkey.",
        people=[],
    )
    assert credits_of(analysis) == {("Marcus Vesterholm-Achebe", "Captain Rufus Tarrant")}


def test_a_name_one_letter_from_someone_the_article_never_names_is_a_new_person():
    people = [{"key": "liang-shuwei", "name": "Liang Shuwei", "credits": [{"work": "Other Show", "character": "Mei"}]}]
    analysis = read(
        "Liang Shuwen, who writes for the magazine Paper Moon, argued in a dissent that the poll rewards "
        "slow television.\n\n“Some years it is true,” Liang wrote. “This year I think we just like snow.”",
        people=people,
    )
    assert {(quote.speaker_name, quote.new) for quote in analysis.quotes} == {("Liang Shuwen", True)}


def test_a_name_one_letter_from_someone_credited_on_the_work_is_them():
    people = [{"key": "liang-shuwei", "name": "Liang Shuwei", "credits": [{"work": WORK, "character": "Mei"}]}]
    analysis = read("“Some years it is true,” said Liang Shuwen, who plays Mei.", people=people)
    assert [(quote.speaker_name, quote.new) for quote in analysis.quotes] == [("Liang Shuwei", False)]


def test_its_writer_director_named_beside_the_cue_is_the_speaker():
    analysis = read(
        "Youssef Benali-Strand plays Karim, a night-shift radio host.\n\n"
        "“I wanted a voice in the dark,” its writer-director, Noor El-Khatib, said at the premiere.",
        people=[],
    )
    assert speakers(analysis) == [("Noor El-Khatib", True)]


def test_a_she_who_plays_a_role_is_the_one_person_the_article_has_named_so_far():
    analysis = read(
        "A beer mat hangs above the mirror of Perpetua Oyelaran-Voss. She has played Marjorie Crabbe, landlady "
        "of the Anchor, since the first episode.\n\n“I thought it would run for a year,” she says.",
        people=[],
    )
    assert credits_of(analysis) == {("Perpetua Oyelaran-Voss", "Marjorie Crabbe")}
    assert speakers(analysis) == [("Perpetua Oyelaran-Voss", True)]


def test_a_she_who_is_described_is_not_the_one_person_named_so_far():
    analysis = read(
        "At four in the morning, on a closed stretch of tramline in Sheung Wan, a woman in a grey coat is "
        "hanging from the roof of a moving tram. She is not the star of the show. She is the star's stunt "
        "double, Jaycee Fong, and this is her ninth attempt.",
        people=[],
    )
    assert credits_of(analysis) == set()


def test_a_shared_surname_keeps_meaning_the_person_it_meant_before_the_namesake_arrived():
    analysis = read(
        "Ines Marlow-Quaye directed the film and talks over all of it.\n\n"
        "“Every frame of this film smells,” Marlow-Quaye says.\n\n"
        "The boy is played by the director's own nephew, Tomas Marlow-Quaye, who was eight at the time.\n\n"
        "“That line wasn't in the script,” Marlow-Quaye admits.",
        people=[],
    )
    assert speakers(analysis) == [("Ines Marlow-Quaye", True), ("Ines Marlow-Quaye", True)]


def test_a_shared_surname_both_namesakes_arrive_with_stays_unresolved():
    analysis = read(
        "Ron and Kevin Tumilty-Shaw run the yard.\n\n“We never close,” Tumilty-Shaw says.",
        people=[],
    )
    assert speakers(analysis) == [(None, False)]


def test_a_clause_opened_by_and_is_no_appositive_between_a_speaker_and_said():
    analysis = read(
        "Astrid Kolstad-Eze stars as Marit Eikrem.\n\nMarit does not sell. Kolstad-Eze plays it without a "
        "flicker, and her last line, said to nobody, is simply, “There. Now nobody has it.”",
        people=[],
    )
    assert [quote.speaker_written for quote in analysis.quotes] != ["a flicker"]
    assert speakers(analysis) == [("Astrid Kolstad-Eze", True)]


def test_a_role_with_a_rank_no_list_holds_is_called_by_its_first_name():
    analysis = read(
        "Down in engineering, Matthias Ebo, as Chief Engineer Ozzie Kalnins, is swearing at the reactor.\n\n"
        "“She's running hot,” Ozzie says, patting the casing.",
        people=[],
    )
    assert credits_of(analysis) == {("Matthias Ebo", "Chief Engineer Ozzie Kalnins")}
    assert speakers(analysis) == [("Matthias Ebo", True)]


def test_a_councilman_is_no_she():
    analysis = read(
        "Bertram Eckles plays Councilman Arvid Thorsen.\n\n“All I did was sell it the coffin,” Arvid says.\n\n"
        "Showrunner Joelle Brisbois told reporters the swim had been in her notes from the start.\n\n"
        "“That's the ending,” Brisbois said.\n\nAsked whether Arvid was really dead, she smiled.\n\n"
        "“It's a quarry,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("Bertram Eckles", True), ("Joelle Brisbois", True), ("Joelle Brisbois", True)]


def test_a_role_played_by_an_actor_after_an_opening_phrase_is_credited():
    analysis = read(
        "In the first episode of The Lampmen, Abel Marr, played by Jonas Whitlock, tells a pickpocket, "
        "“Every lamp I light is one less dark for you.”",
        people=[],
    )
    assert credits_of(analysis) == {("Jonas Whitlock", "Abel Marr")}
    assert speakers(analysis) == [("Jonas Whitlock", True)]


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        (
            "The series adds the siblings' mother, Nuala Costigan, now played by the veteran Carmel Tierney-Walsh.",
            ("Carmel Tierney-Walsh", "Nuala Costigan"),
        ),
        ("Otis Kershaw, nineteen, has a small part as Stig Lund, a deckhand.", ("Otis Kershaw", "Stig Lund")),
        (
            "The newcomer Mungo Wardrop rounds out the cast as the ferryman, Wat Gilly, who carries secrets.",
            ("Mungo Wardrop", "Wat Gilly"),
        ),
        (
            "Rosamund Tunnicliffe appears in the remake as Nora's grandmother, Mrs Pellew, who sits in the hut.",
            ("Rosamund Tunnicliffe", "Mrs Pellew"),
        ),
    ],
)
def test_more_ways_of_writing_a_credit(sentence, credit):
    assert credits_of(read(sentence, people=[])) == {credit}


def test_a_second_role_and_actor_after_played_by_with_the_verb_left_out():
    analysis = read("Gaz is played by Fintan Vesey and Stevie by Colm Vesey, brothers themselves.", people=[])
    assert credits_of(analysis) == {("Fintan Vesey", "Gaz"), ("Colm Vesey", "Stevie")}


def test_a_list_of_actors_as_a_list_of_roles_pairs_them_in_order_and_shares_the_last_surname():
    analysis = read(
        "Pictured, left to right: Tansy Okolie, Rosamund Elphick and Bea Strangways as the sisters June, Dot "
        "and Phyllis Pike on the sea wall.",
        people=[],
    )
    assert credits_of(analysis) == {
        ("Tansy Okolie", "June Pike"),
        ("Rosamund Elphick", "Dot Pike"),
        ("Bea Strangways", "Phyllis Pike"),
    }


def test_lists_of_actors_and_roles_of_different_lengths_pair_nobody_by_order():
    analysis = read("Tansy Okolie, Rosamund Elphick and Bea Strangways as June and Dot Pike.", people=[])
    assert ("Tansy Okolie", "June Pike") not in credits_of(analysis)


@pytest.mark.parametrize(
    ("sentence", "credits"),
    [
        (
            "Rua and Tipene Kingi are played, respectively, by the real-life brothers Hone and Rāwiri Mahuika.",
            {("Hone Mahuika", "Rua Kingi"), ("Rāwiri Mahuika", "Tipene Kingi")},
        ),
        (
            "The twin trombonists Precious and Patience Lumb, played by the real-life twins Euphemia and Rosalind "
            "Nakashima-Reid, swap places.",
            {("Euphemia Nakashima-Reid", "Precious Lumb"), ("Rosalind Nakashima-Reid", "Patience Lumb")},
        ),
        (
            "Marike Steenkamp-Ntuli plays the DJ, Lettie Mouton, and her sign-off is famous.",
            {("Marike Steenkamp-Ntuli", "Lettie Mouton")},
        ),
        (
            "Hester Quaile, who landed the part of the skipper's widow, Rita Mossop, at twenty-three, cried.",
            {("Hester Quaile", "Rita Mossop")},
        ),
        (
            "As the plaintiff Pearl Odegaard, a widow who is suing her neighbour, Bernadette Lachance-Fyfe all but "
            "walks off with episode two.",
            {("Bernadette Lachance-Fyfe", "Pearl Odegaard")},
        ),
    ],
)
def test_roles_and_actors_in_lists_descriptions_and_openings(sentence, credits):
    assert credits_of(read(sentence, people=[])) == credits


def test_who_plays_after_a_stunt_double_for_a_star_is_the_star():
    analysis = read(
        "The man in the carriage is Kieran Mowbray, the stunt double for Jude Okafor-Lindqvist, who plays the "
        "disgraced railway engineer Cal Brennock.",
        people=[],
    )
    assert credits_of(analysis) == {("Jude Okafor-Lindqvist", "Cal Brennock")}


def test_an_award_for_her_role_in_a_work_credits_the_role():
    analysis = read(
        "On the red carpet, Sorcha Delahunty, nominated for best actress for her blistering Ione Threadgill in "
        "The Salt Widow, looks calmer than anyone.",
        people=[],
    )
    assert credits_of(analysis) == {("Sorcha Delahunty", "Ione Threadgill")}


def test_a_noun_joined_to_a_verb_by_and_is_no_speaker():
    analysis = read(
        "We met Clíona Brannigan-Sato at a hotel, where she ordered a pot of tea and asked for it “strong enough "
        "to stand a spoon in”.",
        people=[],
    )
    assert speakers(analysis) == [("Clíona Brannigan-Sato", True)]


def test_a_dash_label_opening_many_turns_is_no_cast_list_line():
    analysis = read(
        "Iracema Bittencourt-Nakamura directed the film. We spoke to her for Longshot.\n\n"
        "Longshot — Where did the wasps come from?\n\n"
        "Bittencourt-Nakamura — From my grandmother's house.\n\n"
        "Longshot — So the film is autobiographical.\n\n"
        "Bittencourt-Nakamura — The wasps are. The rest I stole from my aunts.\n\n"
        "Longshot — You cast a woman who had never acted. Why?\n\n"
        "Bittencourt-Nakamura — Because she was the only one who was not afraid of the wasps.\n\n"
        "Dandara Quintela arrived at this point, apologizing for the traffic.\n\n"
        "Longshot — Dandara, Nenê arrives as a city girl. How did you find her?\n\n"
        "Quintela — I was her. I grew up in São Paulo.\n\n"
        "Longshot — What was it like acting opposite a first-timer?\n\n"
        "Quintela — Terrifying. She had no technique, so she had no tricks.",
        people=[],
    )
    assert credits_of(analysis) == set()
    assert [turn.speaker_name for turn in analysis.qa_turns][-1] == "Dandara Quintela"


def test_a_role_said_to_speak_in_narration_shows_that_roles_speak_in_the_article():
    analysis = read(
        "Cormac Renwick-Adu returns as Sol Merriweather, running a bait shop.\n\n"
        "Marigold Merriweather, played by Paloma Ferreira-Lund, has run up a debt. Sol says no, of course.\n\n"
        "“I retired,” he tells her, not looking up from his crossword.",
        people=[],
    )
    assert speakers(analysis) == [("Cormac Renwick-Adu", True)]


def test_a_guest_label_asking_back_beside_an_interviewer_label_stays_the_guests():
    analysis = read(
        "Winifred Castellanos-Pike, 63 — Winnie to everyone on the production — is a licensed chaperone.\n\n"
        "**Interviewer:** What does a chaperone do all day?\n\n"
        "**Winnie:** Watch. That's the whole job.\n\n"
        "Marley arrived at this point, holding a maths worksheet.\n\n"
        "**Marley:** Winnie, I've done the fractions.\n\n"
        "**Winnie:** All of them?\n\n"
        "**Marley:** Most of them.\n\n"
        "**Interviewer:** Marley, what's it like having a chaperone?\n\n"
        "**Marley:** It's like having a nan who knows the law.",
        people=[],
    )
    winnie = [turn for turn in analysis.qa_turns if turn.label == "Winnie"]
    assert [turn.role for turn in winnie] == ["answer", "answer"]
    assert {turn.speaker_name for turn in winnie} == {"Winifred Castellanos-Pike"}


def test_a_title_after_a_nationality_and_a_kind_of_show_is_a_work_not_a_speaker():
    analysis = read(
        "The jacket belonged to Detective Rico Valdés, played by Jorge Amezcua in the American cop series Neon "
        "Basin from 1986 to 1991, and it comes with a wall text in Amezcua's own words. ‘Six seasons in Miami "
        "in leather,’ it reads.",
        people=[],
    )
    assert speakers(analysis) == [("Jorge Amezcua", True)]


def test_a_question_from_the_floor_is_nobodys_not_the_reporters():
    analysis = read(
        "By Harriet Lumsden\n\n"
        "Teleri Gruffydd took questions. An edited version follows; the coach is TG.\n\n"
        "Floor: How do you start with an accent you don't know at all?\n\n"
        "TG: With a person, never a recording.\n\n"
        "Floor: Is it ever all right to get it wrong?\n\n"
        "TG: All the time.",
        people=[{"key": "harriet-lumsden", "name": "Harriet Lumsden"}],
    )
    questions = [turn for turn in analysis.qa_turns if turn.role == "question"]
    assert len(questions) == 2
    assert [turn.speaker_key for turn in questions] == [None, None]
    assert [turn.speaker_name for turn in questions] == [None, None]


def test_a_headline_quote_is_the_words_of_the_body_quote_that_holds_them():
    analysis = read(
        "Priscilla Ottley and Lowell Nakashima-Reyes met us at 4 a.m.\n\n"
        "“We are professionally tired. That is the job,” Ottley says.",
        headline="“We are professionally tired”: Priscilla Ottley and Lowell Nakashima-Reyes on The Night Auditors",
        people=[],
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("We are professionally tired", "Priscilla Ottley"),
        ("We are professionally tired. That is the job,", "Priscilla Ottley"),
    ]


def test_a_headline_quote_not_in_the_body_is_the_one_person_the_headline_names_who_speaks():
    analysis = read(
        "Graça Monteiro-Lobo grew up in Nazaré.\n\n“My father never came back,” Monteiro-Lobo says.",
        headline="Graça Monteiro-Lobo: 'The sea doesn't care about your story'",
        people=[],
    )
    assert (analysis.quotes[0].text, analysis.quotes[0].speaker_name) == (
        "The sea doesn't care about your story",
        "Graça Monteiro-Lobo",
    )


@pytest.mark.parametrize(
    "headline",
    [
        "'Dust Devil Motel' star Roxanne Tremblay-Adair sues the studio",
        "Thornwake recap: “The Salt Bride” gives Queen Isolde the wedding nobody wanted",
        "Inside the writers' room, where nobody is allowed to say “quirky”",
        "5 Things You Should Know About Ada Obi (AKA Cassie In ‘Tiny Pretty Things’)",
    ],
)
def test_a_quoted_title_a_single_word_or_a_title_cased_headline_carries_no_quote(headline):
    analysis = read("Roxanne Tremblay-Adair said nothing.", headline=headline, people=[])
    assert analysis.quotes == []


def test_a_quote_from_the_group_a_headline_names_is_nobodys():
    analysis = read(
        "MALLORY: I did eight years of nights.\n\nOKAFOR: And I did none.\n\nMALLORY: It shows.",
        headline="'We thought it would last six weeks': an oral history of Kestrel Point",
        people=[],
    )
    assert [(quote.text, quote.speaker_key, quote.speaker_name) for quote in analysis.quotes] == [
        ("We thought it would last six weeks", None, None)
    ]


def test_letters_after_a_name_are_no_part_of_it():
    analysis = read(
        "Opening the case, Jeremy Stackpole KC told the court his client had been ‘treated as a piece of "
        "scenery’ on set.",
        people=[],
    )
    assert speakers(analysis) == [("Jeremy Stackpole", True)]


def test_a_long_description_with_commas_between_an_actor_and_played():
    analysis = read(
        "Ljiljana Petković, a Belgrade-born stage actress who had spent most of her career in Chicago theater and "
        "had, by her own account, never watched a science-fiction program in her life, played the motel's owner, "
        "Mrs. Vesna Draganić.",
        people=[],
    )
    assert credits_of(analysis) == {("Ljiljana Petković", "Mrs. Vesna Draganić")}


def test_narration_of_a_transcript_speaker_by_surname_ends_the_transcript():
    analysis = read(
        "Teleri Gruffydd took questions. The coach is TG.\n\n"
        "Floor: How do you start with an accent?\n\n"
        "TG: With a person, never a recording.\n\n"
        "Floor: What's the hardest accent you've taught?\n\n"
        "TG: My own.\n\n"
        "As the session ended, Gruffydd set the students some homework.\n\n"
        "“Go home and ring your grandmother,” she said.",
        people=[],
    )
    assert [turn.text for turn in analysis.qa_turns][-1] == "My own."
    assert speakers(analysis) == [("Teleri Gruffydd", True)]


def test_an_actors_stunt_double_is_a_person_not_a_role():
    analysis = read(
        "Bettina Lukács plays the getaway driver, Rosa Kell.\n\n"
        "The car was driven by Lukács's stunt double, Ximena Ortiz, from a second steering wheel.\n\n"
        "“The hardest part of a reverse crash isn't the crash,” Ortiz says.",
        people=[],
    )
    assert credits_of(analysis) == {("Bettina Lukács", "Rosa Kell")}
    assert speakers(analysis) == [("Ximena Ortiz", True)]


def test_a_sentence_reporting_what_someone_said_names_the_speaker_of_the_quote_after_it():
    analysis = read(
        "Farida Hossain-Lowry runs a pawnshop. The series was directed by Jasper Wetherell.\n\n"
        "Wetherell, reached by phone, said he understood why the family were upset.\n\n"
        "He said he liked Farida enormously, and that anyone who watched all three episodes would see that. "
        "“But a documentary is not a testimonial.”",
        people=[],
    )
    assert speakers(analysis) == [("Jasper Wetherell", True)]


def test_a_role_named_by_first_name_after_a_relative_takes_the_family_name():
    analysis = read(
        "Sergeant Ewan Rudge is back. Rudge's mother, Margaret, is played by Oona Castellane. Jada Okonkwo-Baines "
        "plays the Canon's granddaughter, Rosie.",
        people=[],
    )
    assert credits_of(analysis) == {("Oona Castellane", "Margaret Rudge"), ("Jada Okonkwo-Baines", "Rosie")}


def test_a_role_bearing_a_real_persons_name_leaves_her_words_to_her():
    people = [
        {"key": "farida-hossain-lowry", "name": "Farida Hossain-Lowry", "aliases": ["Farida"]},
        {"key": "shirin-hossain-lowry", "name": "Shirin Hossain-Lowry"},
        {
            "key": "tahmina-rahman",
            "name": "Tahmina Rahman",
            "credits": [{"work": WORK, "character": "Farida Hossain-Lowry"}],
        },
    ]
    analysis = read(
        "Farida Hossain-Lowry says Harbour Lights made her look like a villain. Its director says he stands by it."
        "\n\nBy Yusuf Demirci\n\n"
        "For forty years, Farida Hossain-Lowry has unlocked her pawnshop on Spring Bank at nine sharp.\n\n"
        "“I have been called worse by better,” she said on Tuesday, in the back office.\n\n"
        "The series, directed by Jasper Wetherell, follows Hossain-Lowry and her customers over a year.\n\n"
        "“I kept the town afloat,” she said. “That is the whole of my trade.”",
        headline="“I kept the town afloat”: Hull pawnbroker answers back at streaming documentary",
        people=people,
    )
    assert {quote.speaker_key for quote in analysis.quotes} == {"farida-hossain-lowry"}


@pytest.mark.parametrize(
    ("sentence", "credits"),
    [
        (
            "Halvard Sundqvist, born in Tromsø, played the Texan oil baron Boone Tillery in the western Permian.",
            {("Halvard Sundqvist", "Boone Tillery")},
        ),
        (
            "Oyinkansola Adebanjo, who grew up in Lagos, spent two years learning to sound as though she had been "
            "born in Govan for the role of DS Morven Geddes in the police drama Clydeside.",
            {("Oyinkansola Adebanjo", "DS Morven Geddes")},
        ),
        (
            "Velvet Static starred Anaïs Lefebvre-Doumbia as the station's night DJ, Roxanne Delorme, who "
            "discovers a caller.",
            {("Anaïs Lefebvre-Doumbia", "Roxanne Delorme")},
        ),
        (
            "It stars Ewan Lockhart-Dias as DCI Tom Rudge, with Simran Dhillon as his sergeant, DS Amrita Kaur.",
            {("Ewan Lockhart-Dias", "DCI Tom Rudge"), ("Simran Dhillon", "DS Amrita Kaur")},
        ),
    ],
)
def test_credits_after_a_birthplace_for_the_role_of_and_as_an_abbreviated_job(sentence, credits):
    assert credits_of(read(sentence, people=[])) == credits


def test_a_lower_case_audience_label_is_a_question_from_the_floor():
    analysis = read(
        "Delyth Morgan and Macsen Rhys took questions.\n\n"
        "MORGAN: We shot it in the rain.\n\n"
        "From the floor: Macsen, is Teilo a good person?\n\n"
        "RHYS: Nobody in the show is.\n\n"
        "Audience member (in a cardboard helmet): Can you do the line?\n\n"
        "RHYS: Not without the helmet.",
        people=[],
    )
    asked = [(turn.label, turn.role, turn.speaker_name) for turn in analysis.qa_turns if turn.role == "question"]
    assert asked == [("From the floor", "question", None), ("Audience member", "question", None)]


def test_a_mailbags_signed_questions_are_the_readers_and_the_columnist_answers():
    analysis = read(
        "By Rowan Fairbrother\n\n"
        "Once a month I answer your questions.\n\n"
        "**Q:** Is my husband right that it gets good? — Maureen, Falkirk\n\n"
        "**A:** Both, Maureen.\n\n"
        "**Q:** Why do dramas have eight episodes? — name withheld, Swansea\n\n"
        "**A:** Because streamers pay by the episode.\n\n"
        "**Q:** Who's right about the cornet? — Angus Wetherall, Perth (no relation, before you ask)\n\n"
        "**A:** Your son.",
        people=[{"key": "rowan-fairbrother", "name": "Rowan Fairbrother"}],
    )
    assert [(turn.role, turn.speaker_key, turn.speaker_written) for turn in analysis.qa_turns] == [
        ("question", None, None),
        ("answer", "rowan-fairbrother", "Rowan Fairbrother"),
        ("question", None, None),
        ("answer", "rowan-fairbrother", "Rowan Fairbrother"),
        ("question", None, "Angus Wetherall"),
        ("answer", "rowan-fairbrother", "Rowan Fairbrother"),
    ]


def test_names_with_marks_beyond_latin_1_are_names():
    analysis = read(
        "Babátúndé Ọláníyì has spent five series as Inspector Felix Adéọyè in Marina Road. In the comedy, his screen "
        "daughter, Títí Ògúnlànà, is played by Morayọ̀ Ṣówándé.\n\n“Uncle, you are using up all the tears,” "
        "Ṣówándé said.",
        people=[],
    )
    assert credits_of(analysis) == {
        ("Babátúndé Ọláníyì", "Inspector Felix Adéọyè"),
        ("Morayọ̀ Ṣówándé", "Títí Ògúnlànà"),
    }
    assert speakers(analysis) == [("Morayọ̀ Ṣówándé", True)]


def test_a_puppets_label_is_the_puppeteer_who_voices_it():
    analysis = read(
        "The programme is presented by Mereana Hohaia-Kent, a former teacher, alongside Kākā and Miss Huhu, a "
        "beetle in reading glasses who is operated and voiced by Losaline Vaipulu.\n\n"
        "SCREENTIME: Mereana, what is he like to work with?\n\n"
        "MEREANA: Exactly like this. Every single morning.\n\n"
        "SCREENTIME: And is he kind?\n\n"
        "MISS HUHU: He won't bite. He has no teeth. He has felt.\n\n"
        "SCREENTIME: Thank you both.\n\n"
        "MEREANA: Thank you.",
        people=[],
    )
    assert credits_of(analysis) == {("Losaline Vaipulu", "Miss Huhu")}
    assert "Kākā Huhu" not in analysis.introduced
    huhu = [turn for turn in analysis.qa_turns if turn.label == "MISS HUHU"]
    assert [turn.speaker_name for turn in huhu] == ["Losaline Vaipulu"]


def test_a_title_after_and_is_no_first_name_sharing_a_surname():
    cast = article_cast(
        ["Headline", "It is presented by Mereana Hohaia-Kent alongside Kākā and Miss Huhu, a beetle."],
        build_directory([], []),
    )
    assert "Kākā Huhu" not in cast.introduced.values()


@pytest.mark.parametrize(
    ("sentence", "credits"),
    [
        (
            "Lot 14: The iron crown of Queen Maelis, worn by Sigrid Ålund-Tamaki in all five seasons.",
            {("Sigrid Ålund-Tamaki", "Queen Maelis")},
        ),
        (
            "Lot 33: Lady Ysolde Marrow's green wool riding cloak – as worn by Anjali Raghunathan-Birch.",
            {("Anjali Raghunathan-Birch", "Lady Ysolde Marrow")},
        ),
        (
            "Lot 71: The mask of Vorn, the Hollow King, worn on set by the stunt performer Mikael Järvinen-Obi and "
            "voiced in the edit by Caspian Orr-Whitaker.",
            {("Mikael Järvinen-Obi", "Vorn"), ("Caspian Orr-Whitaker", "Vorn")},
        ),
    ],
)
def test_a_costume_worn_by_an_actor_credits_the_role(sentence, credits):
    assert credits_of(read(sentence, people=[])) == credits


def test_a_second_transcript_excerpt_after_narration_is_read_too():
    analysis = read(
        "Here is how the last twenty seconds went.\n\n"
        "STRACHAN-KUTI: Which seabird breeds on the Bass Rock?\n\n"
        "MATHESON-ADJEI: Puffin.\n\n"
        "STRACHAN-KUTI: No, I'm afraid not.\n\n"
        "The buzz belonged to Euan Matheson-Adjei, a student from Arbroath, hosted by Hamish Strachan-Kuti.\n\n"
        "“I knew it was a gannet,” he said afterwards.\n\n"
        "It was the only starter he got wrong all night.\n\n"
        "Priyanka Raval-Doherty had pulled her team level a minute before.\n\n"
        "STRACHAN-KUTI: Which element takes its name from the Greek word for smell?\n\n"
        "RAVAL-DOHERTY: Osmium.\n\n"
        "STRACHAN-KUTI: Osmium is right.\n\n"
        "“I've always liked osmium,” Raval-Doherty said.",
        people=[],
    )
    assert [turn.text for turn in analysis.qa_turns][-2:] == ["Osmium.", "Osmium is right."]
    assert [quote.text for quote in analysis.quotes] == ["I knew it was a gannet,", "I've always liked osmium,"]


def test_a_job_label_is_whom_the_introduction_names_in_the_job_and_single_quotes_end_the_transcript():
    analysis = read(
        "Dame Olwen Pryce-Adomako appeared before MPs. The committee's chair, Hugh Penhaligon, began.\n\n"
        "Chair: Dame Olwen, when was the decision taken?\n\n"
        "Dame Olwen: On 11 April, by me.\n\n"
        "Chair: Is there any prospect of a second series?\n\n"
        "Dame Olwen: That is a matter for the producers.\n\n"
        "Rangimarie Te Ao watched from the gallery. ‘I believe the numbers,’ she said in the corridor.",
        people=[],
    )
    chair = [turn.speaker_name for turn in analysis.qa_turns if turn.label == "Chair"]
    assert chair == ["Hugh Penhaligon", "Hugh Penhaligon"]
    assert speakers(analysis) == [("Rangimarie Te Ao", True)]


def test_a_headline_quote_that_shortens_a_body_quote_a_little_is_its_speakers():
    analysis = read(
        "The director-general, Dame Olwen Pryce-Adomako, spoke to MPs on Tuesday.\n\n"
        "‘We did not cancel Long Acre for its politics,’ she told the committee.",
        headline="‘We did not cancel it for its politics’: Northlight chief questioned by MPs",
        people=[],
    )
    assert (analysis.quotes[0].text, analysis.quotes[0].speaker_name) == (
        "We did not cancel it for its politics",
        "Olwen Pryce-Adomako",
    )


def test_a_councillors_office_before_a_surname_and_a_party_in_brackets():
    analysis = read(
        "Cllr Glenys Hope (Llanddewi First, North ward) said traders had written to her. Councillors voted nine to "
        "two in favour. Cllr Gethin ap Rhys and Cllr Iwan Frost voted against. Cllr Frost said only that he had "
        "“nothing against cows.”\n\nKim Ha-eun stars as public defender Seo Yu-jin, and Lee Jun-seo as prosecutor "
        "Cha Min-ho.",
        people=[],
    )
    assert speakers(analysis) == [("Iwan Frost", True)]
    assert credits_of(analysis) == {("Kim Ha-eun", "Seo Yu-jin"), ("Lee Jun-seo", "Cha Min-ho")}


def test_narration_of_someone_named_ends_a_q_and_a_script_excerpt():
    analysis = read(
        "The prosecutor, Hugh Tremayne, is played by Sir Cedric Mallinson-Obi. The script sets it out like a "
        "court transcript:\n\n"
        "Q. You were alone with him for forty minutes.\n\n"
        "A. I was with him. I wouldn't call it alone.\n\n"
        "Q. About what, Miss Dunlevy?\n\n"
        "A. His allotment.\n\n"
        "Sir Cedric, who has played more barristers than he can count, found the exchange unusually hard.\n\n"
        "“Normally the barrister wins the cross-examination,” he said.",
        people=[],
    )
    assert speakers(analysis) == [("Cedric Mallinson-Obi", True)]


@pytest.mark.parametrize(
    ("sentence", "credits"),
    [
        (
            "Ostrowska is played by Karolina Dąbrowska-Nkemelu, and her husband and business partner, the Salford "
            "iron founder Josiah Thwaite, by Idris Mbeki-Lowe.",
            {("Karolina Dąbrowska-Nkemelu", "Ostrowska"), ("Idris Mbeki-Lowe", "Josiah Thwaite")},
        ),
        (
            "Hettie Rourke is played at two ages by two sisters: Kalani Kahananui plays her at nineteen, and "
            "Noelani Kahananui, four years older, plays her at forty.",
            {("Kalani Kahananui", "Hettie Rourke"), ("Noelani Kahananui", "Hettie Rourke")},
        ),
        (
            "Presiding over all this is Judge Rosamund Heale, and Philippa Dorrington-Achebe, who plays her, has "
            "never been better.",
            {("Philippa Dorrington-Achebe", "Judge Rosamund Heale")},
        ),
    ],
)
def test_a_second_role_after_played_by_with_a_description_and_a_role_played_at_two_ages(sentence, credits):
    assert credits_of(read(sentence, people=[])) == credits


def test_a_speakers_label_with_where_they_are_from_in_brackets_is_no_credit():
    analysis = read(
        "Here is how the last twenty seconds went.\n\n"
        "STRACHAN-KUTI: Which seabird breeds on the Bass Rock?\n\n"
        "MATHESON-ADJEI (Tayside): Puffin.\n\n"
        "STRACHAN-KUTI: No, I'm afraid not. St Brendan's?\n\n"
        "ZHAO (St Brendan's): Gannet.\n\n"
        "The buzz belonged to Euan Matheson-Adjei, Tayside's captain. The winning answer came from Zhao Xinyi.",
        people=[{"key": "euan-mathieson-adjei", "name": "Euan Mathieson-Adjei"}],
    )
    assert credits_of(analysis) == set()
    answers = {turn.label: turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"}
    assert answers["MATHESON-ADJEI"] == "Euan Matheson-Adjei"


def test_a_dash_line_signing_a_quote_with_a_role_and_its_actor():
    analysis = read(
        "“I was told the dragon was in the union.”\n\n"
        "— Tavita Leiataua, who plays the dragon, to Reel Weekly\n\n"
        "“You can't arrest weather, Inspector. Believe me, I've tried.”\n\n"
        "— Bettany Lisle (Harriet Okoye-Crane), to a visibly damp detective in episode four",
        people=[],
    )
    assert speakers(analysis) == [("Tavita Leiataua", True), ("Harriet Okoye-Crane", True)]


def test_a_paragraph_ending_in_a_colon_names_the_speaker_of_the_quote_below_it():
    analysis = read(
        "Paz Echenique-Lund, who plays the smuggler Remedios Albarrán, on being asked whether she reads her "
        "reviews:\n\n“Only the bad ones, only out loud, and only to my mother.”\n\n"
        "“My mother rang me after the finale.”\n\n— Oisín Devereaux-Mensah, who plays the younger twin",
        people=[],
    )
    assert speakers(analysis) == [("Paz Echenique-Lund", True), ("Oisín Devereaux-Mensah", True)]


def test_a_roles_last_line_before_a_quote_is_the_roles_actors():
    analysis = read(
        "Magistrate Veck, played by Bartholomew N'Dour-Flint, says little all season.\n\n"
        "Veck's last line — “The lamps were never ours, Captain. We only carried them.” — is the one fans "
        "have been arguing about all week.",
        people=[],
    )
    assert speakers(analysis) == [("Bartholomew N'Dour-Flint", True)]


def test_narration_after_a_bold_question_interview_is_the_writers_again():
    analysis = read(
        "Tomás Ibarguren-Walsh plays the ferryman in Harbour Lights. We put our questions to him over lunch.\n\n"
        "**What was on the television when you were growing up?**\n\nWesterns, mostly. My father loved them.\n\n"
        "**And your first job?**\n\nSelling ice cream on the pier.\n\n"
        "It paid badly.\n\n"
        "Afterwards, Ibarguren-Walsh walked us to the car. “You forgot to ask about the ferry,” he said.",
        people=[],
    )
    assert [turn.role for turn in analysis.qa_turns] == ["question", "answer", "question", "answer"]
    assert "It paid badly." in analysis.qa_turns[-1].text
    assert speakers(analysis) == [("Tomás Ibarguren-Walsh", True)]


def test_a_quote_signed_the_caller_said_ends_a_transcript():
    transcript = (
        "Nuala Breen was on the phone-in.\n\nPRESENTER: Are you glad to be back?\n\nBREEN: Lovely to be here.\n\n"
        "PRESENTER: Will she ever get a promotion?\n\nBREEN: Ask the writers."
    )
    analysis = read(
        f"{transcript}\n\n‘She deserves one, and she won’t take it,’ the caller said. ‘Nobody wants to move to Sligo.’",
        people=[],
    )
    assert [turn.text for turn in analysis.qa_turns] == [turn.text for turn in read(transcript, people=[]).qa_turns]
    assert len(analysis.qa_turns) == 4
    assert [quote.text for quote in analysis.quotes] == [
        "She deserves one, and she won’t take it,",
        "Nobody wants to move to Sligo.",
    ]


def test_a_place_after_a_preposition_is_not_the_speaker_a_colon_introduces():
    analysis = read(
        "The caretaker, Mr Pilling, played by the late Reuben Okafor-Strand, gave the show its catchphrase. "
        "Every child in Lancashire in 1994 could do his slow turn and the three words that went with it: "
        "“Not on carpet.”",
        people=[],
    )
    assert speakers(analysis) == [("Reuben Okafor-Strand", True)]


@pytest.mark.parametrize("thing", ["Mersey Railway", "Kingsway Station", "Ancoats Hospital", "Irwell Canal"])
def test_a_railway_station_hospital_or_canal_is_no_one_a_pronoun_can_stand_for(thing):
    analysis = read(
        "The series’ Marianne is furious. The real Marianne Ostrowska, on the evidence of her letters, was at least "
        f"two of those. In 1853, after a director of the Lancashire and {thing} rejected her design, "
        "she wrote to her brother: ‘He looked at my drawings as a hen looks at a clock.’",
        people=[],
    )
    assert thing not in analysis.introduced
    assert speakers(analysis) == [("Marianne Ostrowska", True)]


def test_a_she_after_two_sentences_each_opened_by_one_of_a_pair_is_the_one_known_to_be_a_she():
    analysis = read(
        "Marta Oyelaran and Piet Halvorsen star in Night Lane.\n\n"
        "Within a minute of arriving, Oyelaran has poured herself a coffee in her own mug. Halvorsen has "
        "found the biscuits.\n\n“He does that on purpose,” she says. “He thinks it's charming.”",
        people=[],
    )
    assert speakers(analysis) == [("Marta Oyelaran", True), ("Marta Oyelaran", True)]


def test_her_in_an_aside_after_a_name_shows_who_is_a_she():
    analysis = read(
        "Marta Oyelaran and Pinky Adair talked for an hour. Oyelaran says she has never won an argument.\n\n"
        "Oyelaran has her coat on before anyone else. Adair, on her way out, leans back round the door.\n\n"
        "“For the record,” she says, “the biscuits were mine.”",
        people=[],
    )
    assert speakers(analysis) == [("Pinky Adair", True), ("Pinky Adair", True)]


def test_a_shared_surname_that_plays_a_role_is_the_one_named_in_full_last():
    analysis = read(
        "The first thing Remedios Villanueva does when her grandson arrives is hand him a broom.\n\n"
        "Teodoro Villanueva, 31, sweeps without complaint.\n\n"
        "In Sari-Sari, which was renewed last week, Villanueva plays Benjie Dalisay, a failed product manager.",
        people=[],
    )
    assert credits_of(analysis) == {("Teodoro Villanueva", "Benjie Dalisay")}


def test_a_shared_surname_that_plays_a_role_is_the_one_the_headline_names():
    analysis = read(
        "Imelda Sarrazin's daughter, Colette Sarrazin, runs the family bakery. Imelda has come back to acting.\n\n"
        "Quarrendon begins next month. Sarrazin plays Dr. Agnes Veight, a psychiatrist.",
        people=[],
        headline="Imelda Sarrazin spent ten years away from acting",
    )
    assert credits_of(analysis) == {("Imelda Sarrazin", "Dr. Agnes Veight")}


def test_a_label_of_a_nickname_and_surname_is_the_person_the_voices_list_names_in_full():
    analysis = read(
        "The voices, in order of appearance:\n\n"
        "Ione Fairbairn-Dabiri, creator and writer\n\n"
        "Winsome Trask-Ilori (Phyllida Tulloch)\n\n"
        "Alasdair Grierson-Pike (Skipper Len Hebblethwaite), known to everyone as Ally\n\n"
        "IONE FAIRBAIRN-DABIRI: My grandad ran a ferry until the bridge opened.\n\n"
        "WINSOME TRASK-ILORI: Phyllida was written as a man at first.\n\n"
        "ALLY GRIERSON-PIKE: Len was meant to be in two episodes. Ione kept writing him more.\n\n"
        "IONE FAIRBAIRN-DABIRI: It wasn't a punishment.\n\n"
        "ALLY GRIERSON-PIKE: It felt like one.",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Ione Fairbairn-Dabiri", "Winsome Trask-Ilori", "Alasdair Grierson-Pike", "Ione Fairbairn-Dabiri",
        "Alasdair Grierson-Pike",
    ]  # fmt: skip
    assert "Ally Grierson-Pike" not in analysis.introduced


def test_a_puppeteer_who_has_operated_and_voiced_him_plays_the_puppet_the_sentence_before_names():
    analysis = read(
        "Kākā does not shake hands. He has no hands; he has a beak, green felt wings and the right arm of "
        "Tāne Whaanga-Lowe, who has operated and voiced him since the programme began.",
        people=[],
    )
    assert credits_of(analysis) == {("Tāne Whaanga-Lowe", "Kākā")}


def test_a_name_inside_a_quote_is_not_a_roles_fuller_name():
    analysis = read(
        "The invented sister, Kath, is the film's weakest element. She exists mostly to ask questions, and "
        "Ruby Castleton, who plays her, does her best.\n\n"
        "“I just didn't want people to think there was an Auntie Kath they'd never heard about,” the singer said.",
        people=[],
    )
    assert credits_of(analysis) == {("Ruby Castleton", "Kath")}


def test_a_paragraph_naming_a_speaker_in_full_that_never_says_i_is_narration_after_a_transcript():
    analysis = read(
        "STRACHAN-KUTI: Which seabird breeds on the Bass Rock?\n\n"
        "MATHESON-ADJEI (Tayside): Puffin.\n\n"
        "STRACHAN-KUTI: No, I'm afraid not. St Brendan's?\n\n"
        "ZHAO (St Brendan's): Gannet.\n\n"
        "STRACHAN-KUTI: Gannet is correct.\n\n"
        "The buzz belonged to Euan Matheson-Adjei, Tayside's captain, who had answered more starters than anyone.\n\n"
        "“I knew it was a gannet,” he said afterwards.",
        people=[],
        headline="Hamish Strachan-Kuti hosts a final between Euan Matheson-Adjei and Zhao Xinyi",
    )
    assert not any("buzz" in turn.text for turn in analysis.qa_turns)
    assert speakers(analysis) == [("Euan Matheson-Adjei", True)]


def test_an_interview_set_out_with_a_dash_before_each_turn_alternates_asker_and_subject():
    analysis = read(
        "By Saoirse Adeyemi-Karlsson\n\n"
        "Xóchitl Ramírez-Aaltonen is an intimacy coordinator. Ramírez-Aaltonen talked to us between set-ups.\n\n"
        "– How would you describe your job?\n\n– I am a choreographer for the scenes nobody talks about.\n\n"
        "– What’s in the notebook?\n\n– Drawings. Very bad ones.\n\n"
        "– Which, in a sense, they are.\n\n– Exactly. I tell him that and he hates it more.\n\n"
        "The director confirms the stick figures are a source of friction.",
        people=[],
    )
    assert [(turn.role, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns] == [
        ("question", "Saoirse Adeyemi-Karlsson"), ("answer", "Xóchitl Ramírez-Aaltonen"),
    ] * 3  # fmt: skip
    assert analysis.qa_turns[4].text == "Which, in a sense, they are."


def test_signed_quotes_between_dashes_are_no_dashed_interview():
    analysis = read(
        "“I was told the dragon was in the union.”\n\n— Tavita Leiataua, to Reel Weekly\n\n"
        "“Only on Tuesdays.”\n\n— Tavita Leiataua, again",
        people=[],
    )
    assert analysis.qa_turns == []


def test_a_nickname_in_single_quotes_closes_before_the_surname():
    analysis = read(
        "Wojciech ‘Wojtek’ Lis has played Stan Figg since 1997. ‘Normally if I dry, we go again,’ he said.",
        people=[],
    )
    assert "Wojtek’ Lis" not in analysis.introduced
    assert speakers(analysis) == [("Wojciech Lis", True)]


@pytest.mark.parametrize("name", ["Seumas Mac a' Phearsain", "Màiri Nic a’ Phearsain", "Mabli ferch Dafydd"])
def test_a_gaelic_name_with_the_particle_a_is_one_name(name):
    analysis = read(f"A fisherman, {name}, 58, lent the production his boat. ‘You could see it coming,’ he said.")
    assert speakers(analysis) == [(name, True)]


def test_a_title_after_a_preposition_and_the_is_no_one_a_pronoun_can_stand_for():
    analysis = read(
        "Xóchitl Ramírez-Aaltonen coordinates the intimate scenes. On The Vellum Year she works with two actors.\n\n"
        "“Hand, shoulder, look, door,” she says quietly.",
        people=[],
    )
    assert "Vellum Year" not in analysis.introduced
    assert speakers(analysis) == [("Xóchitl Ramírez-Aaltonen", True)]


def test_a_county_is_no_person():
    analysis = read(
        "The location manager in County Kerry, Gráinne Mulcahy-Adeyemi, flew in for the night. She thanked "
        "Istanbul for “sending us sunshine in a tin”, and Kerry for the rain.",
        people=[],
    )
    assert "County Kerry" not in analysis.introduced


@pytest.mark.parametrize(
    "lead_in",
    [
        "The memo ends with a sentence that has since been printed on T-shirts outside one London production office:",
        "Standing ankle-deep in a cellar of real water, he takes her hands and says:",
    ],
)
def test_a_city_or_a_participle_opening_a_colon_lead_in_is_no_speaker(lead_in):
    analysis = read(f"Wojciech Lis has played Stan since 1997. {lead_in} “I sold the pub, love.”", people=[])
    assert speakers(analysis)[0][0] in ("Wojciech Lis", None)
    assert analysis.quotes[0].speaker_written not in ("London", "Standing")


def test_a_relative_named_by_first_name_after_a_surname_that_opens_the_sentence_takes_it():
    analysis = read(
        "Tomasz Wróblewski queued from dawn. Wróblewski had brought his son, Oskar, who is eight.\n\n"
        "‘Dad cried at the airport,’ Oskar said.",
        people=[],
    )
    assert speakers(analysis) == [("Oskar Wróblewski", True)]


def test_a_quote_signed_said_and_a_name_after_a_transcript_is_narration():
    analysis = read(
        "Maja (10): Tamati, is Pip like you?\n\nTamati: A bit. Pip is braver than me.\n\n"
        "Finn (9): Do you get scared?\n\nTamati: Of the dark. Don't tell anybody.\n\n"
        "Afterwards, our reporters had their own reviews.\n\n"
        "“I'm going to tell everyone Tamati is scared of the dark,” said Finn Oyelowo-Price.",
        people=[],
    )
    assert [quote.text for quote in analysis.quotes] == ["I'm going to tell everyone Tamati is scared of the dark,"]


def test_a_worded_credit_by_surname_and_first_name_settles_which_side_of_a_parenthesis_acts():
    analysis = read(
        "The seating plan ran clockwise from the tea urn: Ffion Llewelyn-Baptiste (Nora Hollin); "
        "Toby Kjærgaard (Wilf Hollin, her son).\n\n"
        "Llewelyn-Baptiste, who has played Nora since the first series, took no notice whatsoever.",
        people=[],
    )
    assert ("Ffion Llewelyn-Baptiste", "Nora Hollin") in credits_of(analysis)
    assert ("Nora Hollin", "Ffion Llewelyn-Baptiste") not in credits_of(analysis)


def test_played_by_with_an_aside_then_a_second_role_by_the_late_actor():
    analysis = read(
        "Tilly was played by Rosalind Yeboah-Crane, then a pupil at a Leeds grammar school, and her father, "
        "Amos, by the late Desmond Okonedo-Hart, who died in 2009.",
        people=[],
    )
    assert credits_of(analysis) == {("Rosalind Yeboah-Crane", "Tilly"), ("Desmond Okonedo-Hart", "Amos")}


def test_a_role_then_a_dash_and_played_since_by_its_actor():
    analysis = read(
        "Twenty minutes from the end, DI Hywel Prosser – played since the first series by Emrys Pughe-Adjaye, "
        "and the only reason many of us kept watching – walks into a flooded quarry.",
        people=[],
    )
    assert credits_of(analysis) == {("Emrys Pughe-Adjaye", "DI Hywel Prosser")}


def test_his_catchphrase_is_a_quote_of_whoever_his_stands_for():
    analysis = read(
        "My niece, Ama, who is six, came round to supervise the cartoons. We watched Whisker Harbour, in which "
        "Captain Whiskerton, a ship’s cat voiced with enormous relish by Joaquim Ferraz-Antwi, sails a sardine "
        "boat very badly. His catchphrase is “Anchors aweigh, sardines away!”, and Ama said it all afternoon.",
        people=[],
    )
    assert speakers(analysis) == [("Joaquim Ferraz-Antwi", True)]


def test_a_quote_said_by_someone_undescribed_is_theirs_when_the_next_paragraph_names_them():
    analysis = read(
        "“Left hand to the shoulder, right hand stays on the sheet,” says the woman on a stool at the foot of "
        "the bed, who has a tape measure round her neck.\n\n"
        "She is Xóchitl Ramírez-Aaltonen, born in Oaxaca, and one of a small number of intimacy coordinators.",
        people=[],
    )
    assert speakers(analysis) == [("Xóchitl Ramírez-Aaltonen", True)]


def test_i_said_in_a_piece_under_one_byline_is_the_writers():
    analysis = read(
        "By Jane Moss\n\n"
        "The publicist, handing out biscuits at the door, asked whether I had enjoyed it. I said, “I have a cold, "
        "so if I cried, it doesn't count.” She said she would put me down as a yes.\n\n"
        "“You've watched it three times,” Reuben Thorsen said from the doorway.\n\n“It's research,” I said.",
    )
    assert speakers(analysis) == [("Jane Moss", False), ("Reuben Thorsen", True), ("Jane Moss", False)]


def test_when_i_ask_before_someone_elses_words_is_no_cue_of_the_writers():
    analysis = read(
        "By Esmond Pryde\n\nPoppy Vasiliou is eleven. What she actually wants to do, she says, when I ask, is "
        "“be a vet, or a marine biologist, or maybe direct”, in roughly that order.",
        people=[],
    )
    assert speakers(analysis) == [("Poppy Vasiliou", True)]


def test_initials_with_accents_stand_for_the_person_the_transcript_names_in_full():
    analysis = read(
        "By Kári Eyjólfsson\n\nGuðrún Ásgeirsdóttir has played the detective for eight series.\n\n"
        "**KE:** Is the weather the real detective?\n\n**GÁ:** In Iceland, the detective is the weather.\n\n"
        "**KE:** And the lava?\n\n**GÁ:** The lava is the suspect.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        "Kári Eyjólfsson", "Guðrún Ásgeirsdóttir", "Kári Eyjólfsson", "Guðrún Ásgeirsdóttir",
    ]  # fmt: skip


def test_a_callers_label_names_the_caller_in_brackets():
    analysis = read(
        "PRESENTER: You're on the air.\n\n"
        "CALLER (GARETH WYN PUGH, MERTHYR TYDFIL): Who's going to tell Cerys about the dog?\n\n"
        "PRESENTER: Next caller.\n\n"
        "CALLER (DR AMRIT SANDHU-MORGAN, BRIDGEND): Nobody recovers from a burst water main that fast.",
        people=[],
    )
    names = {turn.text[:6]: (turn.speaker_name or turn.speaker_written or "").casefold() for turn in analysis.qa_turns}
    assert names["Who's "] == "gareth wyn pugh" and names["Nobody"] == "amrit sandhu-morgan"
    assert credits_of(analysis) == set()


def test_a_questions_label_names_the_journalist_in_brackets():
    analysis = read(
        "The jury was led by Inmaculada Sáenz de Ugarte.\n\n"
        "MODERATOR: Good morning. The jury will take questions.\n\n"
        "QUESTION (Hamza Idrissi-Kerr, Reel North): Madam President, was the vote unanimous?\n\n"
        "SÁENZ DE UGARTE: We argued for nine hours and agreed in one minute.",
        people=[],
    )
    asked = next(turn for turn in analysis.qa_turns if turn.text.startswith("Madam"))
    assert (asked.role, asked.speaker_name or asked.speaker_written) == ("question", "Hamza Idrissi-Kerr")


def test_the_judge_as_a_label_is_the_judge_the_report_names():
    analysis = read(
        "Opening her case, counsel told the judge, Dame Harriet Pemberton-Achebe, that the similarities were many.\n\n"
        "Q: You accept that you opened the script.\n\nA: I accept that I opened it.\n\n"
        "THE JUDGE: The court would much prefer the postcard.\n\nA: Then I will look for it tonight, my Lady.",
        people=[],
    )
    judge = next(turn for turn in analysis.qa_turns if turn.text.startswith("The court"))
    assert (judge.speaker_name or judge.speaker_written) == "Harriet Pemberton-Achebe"


def test_whose_role_with_any_verb_in_the_past_is_a_credit():
    analysis = read(
        "Obiageli Ezenwa-Thorne, whose Matron Hester Brack terrorised three generations of junior doctors in "
        "Ward Nine, has died at her home in Hastings.",
        people=[],
    )
    assert credits_of(analysis) == {("Obiageli Ezenwa-Thorne", "Matron Hester Brack")}


def test_she_joined_the_cast_as_credits_the_woman_the_sentence_opens_with():
    analysis = read(
        "Lleucu Prys-Davies was 22 when she joined the cast as Nurse Bethan Howells, and she stayed for "
        "fourteen years.",
        people=[],
    )
    assert credits_of(analysis) == {("Lleucu Prys-Davies", "Nurse Bethan Howells")}


def test_a_relation_of_someone_named_by_first_name_gives_no_family_name():
    analysis = read(
        "Hōhepa Karaka-Wells, who played Maggie’s brother, Lachie, never once complained about the mud.",
        people=[],
    )
    assert credits_of(analysis) == {("Hōhepa Karaka-Wells", "Lachie")}


def test_our_role_after_an_actor_is_a_credit():
    analysis = read(
        "I want to thank the cast. Sione Tapueluelu-Grant, our Tevita Mahe, who learned to shear for the part. "
        "Ruby Ngata-Lindsay, our heroine, who never missed a call.",
        people=[],
    )
    assert credits_of(analysis) == {("Sione Tapueluelu-Grant", "Tevita Mahe")}


def test_a_name_of_four_words_with_particles_between_is_one_person():
    analysis = read(
        "The English scripts are written by Santiago Ruiz de la Fuente, who grew up in Guadalajara.\n\n"
        "“Mexican Spanish has a word, ahorita,” Ruiz de la Fuente said.",
        people=[],
    )
    assert speakers(analysis) == [("Santiago Ruiz de la Fuente", True)]


def test_a_spoiler_warning_between_an_oral_historys_turns_is_the_articles_notice():
    analysis = read(
        "NERYS OLUMIDE-JENKINS: We did nine series of it and I never once knew the ending.\n\n"
        "LOWRI MORGAN-ASHE: Nobody did. That was the point.\n\n"
        "A warning for anybody saving it: this section discusses the final episode, series nine, episode six.\n\n"
        "NERYS OLUMIDE-JENKINS: The shop burns down. We all cried.\n\n"
        "LOWRI MORGAN-ASHE: I cried twice.",
        people=[],
    )
    assert (analysis.spoiler.flagged, analysis.spoiler.season, analysis.spoiler.episode) == (True, 9, 6)
    assert not any("warning" in turn.text for turn in analysis.qa_turns)


def test_a_lone_word_before_a_full_name_in_a_colon_lead_in_is_not_its_speaker():
    analysis = read(
        "Rania El-Masri has posted a photograph of an empty wine glass, captioned “Next year, glass.” Her "
        "Harbourmasters co-star Chukwuemeka Nwosu-Baird, sitting beside her, has replied underneath: “I’ll fill it.”",
        people=[],
    )
    assert speakers(analysis)[-1] == ("Chukwuemeka Nwosu-Baird", True)


def test_a_title_within_a_colon_lead_in_is_not_its_speaker():
    analysis = read(
        "The second came from the fourth episode of The Salt Ledger, in which its widow, Ida Wren – played by "
        "Bronagh Keohane-Diop – tells a visiting official: ‘The lamp doesn’t care whose hand is on it.’",
        people=[],
    )
    assert speakers(analysis) == [("Bronagh Keohane-Diop", True)]


def test_who_was_a_description_then_the_roles_name_is_a_credit():
    analysis = read(
        "And Dorothy Kerrigan-Ashe, who was Maggie’s grandmother, June Dunlop—Nana June to everybody who "
        "watched—in all fifty-two episodes.",
        people=[],
    )
    assert credits_of(analysis) == {("Dorothy Kerrigan-Ashe", "June Dunlop")}


def test_she_liked_to_say_and_her_catchphrase_became_introduce_her_words():
    analysis = read(
        "Obiageli Ezenwa-Thorne came to England at nineteen to train as a nurse, an education she liked to say "
        "had been “wasted on the hospitals and put to proper use on television.”\n\n"
        "Television made her a matron. Her catchphrase, delivered over the top of a "
        "clipboard to whichever registrar had disappointed her, became a playground staple: “Not on my ward, doctor.”",
        people=[],
    )
    assert speakers(analysis) == [("Obiageli Ezenwa-Thorne", True), ("Obiageli Ezenwa-Thorne", True)]


def test_an_answers_label_names_who_answers_in_brackets():
    analysis = read(
        "Vörös Dorottya directed the film; Moon Ha-rin plays the student.\n\n"
        "Q (Moderator): Dorottya, where did the story start?\n\n"
        "A (Vörös, through the interpreter): With my grandfather, who was a railway clerk.\n\n"
        "Q (Moderator): Ha-rin, you had to learn Hungarian for the part.\n\n"
        "A (Moon): I had to learn enough Hungarian to be bad at it.",
        people=[],
    )
    answers = [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns if turn.role == "answer"]
    assert answers == ["Vörös Dorottya", "Moon Ha-rin"]


def test_a_title_and_its_channel_in_brackets_are_no_credit():
    analysis = read(
        "10. Lantern Fish (Lark One)\n\nA quiet thriller about a night ferry.\n\n"
        "7. New Malden Winter (Meridian Two)\n\nThe best cast of the year.\n\n"
        "8. The Overnight Rota (Channel Nine North)\n\nHospital porters on the night shift.",
        people=[],
    )
    assert credits_of(analysis) == set()
    assert not {"Lark One", "Meridian Two"} & set(analysis.introduced)


def test_a_plain_heading_after_a_transcript_ends_it_and_the_narration_after_is_read():
    analysis = read(
        "Q: How would you describe the twinning so far?\n\nGILLIAN: Productive. Very productive.\n\n"
        "Q: And the goat?\n\nGILLIAN: One incident, and one misunderstanding.\n\n"
        "Out of character\n\n"
        "At lunch, Rosamund Achebe-Thwaite finally took off the cardigan. 'I stay in it because if I come out "
        "I start laughing,' she said.",
        people=[],
    )
    assert len(analysis.qa_turns) == 4
    assert speakers(analysis) == [("Rosamund Achebe-Thwaite", True)]


def test_a_gaelic_surname_with_an_article_in_it_is_read_whole():
    analysis = read(
        "“Nobody wanted a film about glass,” says its producer, Fiachra Mac an Bhaird.\n\n"
        "“Then everybody did,” Mac an Bhaird adds. Give Tom an Oscar, somebody.",
        people=[],
    )
    assert speakers(analysis) == [("Fiachra Mac an Bhaird", True), ("Fiachra Mac an Bhaird", True)]
    assert "Tom an Oscar" not in analysis.introduced


def test_an_oral_historys_full_name_and_role_on_a_line_of_its_own_labels_the_words_below():
    analysis = read(
        "Interviews by Orla Fitzmaurice\n\n"
        "Kateřina Holubová, director\nMy grandmother worked at the glassworks for forty-one years.\n\n"
        "Aoife Ní Dhonnchadha, who played Nora Keane\nThe script came to me through my agent’s cousin.\n\n"
        "Holubová\nIt was true. She was terrible at everything except swans.\n\n"
        "Ní Dhonnchadha\nSeven weeks. I did a fortnight at an engraving studio.",
        people=[],
    )
    answers = [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns]
    assert answers == ["Kateřina Holubová", "Aoife Ní Dhonnchadha", "Kateřina Holubová", "Aoife Ní Dhonnchadha"]


def test_a_full_name_and_role_on_a_line_of_its_own_that_never_comes_back_is_no_label():
    analysis = read(
        "Kateřina Holubová, director\nMy grandmother worked at the glassworks for forty-one years.\n\n"
        "The film opens in Prague on Friday.",
        people=[],
    )
    assert analysis.qa_turns == []


def test_an_emailed_interviews_numbered_questions_are_the_bylines_and_the_answers_the_subjects():
    analysis = read(
        "Questions by Harriet Okonkwo-Lindgren\n\n"
        "Defne Yıldırım wrote the first episode on her phone in a hospital waiting room.\n\n"
        "Q1: What did the waiting room give you that a desk doesn’t?\n\n"
        "A1: Interruptions. At a desk I am a writer; there I was a daughter.\n\n"
        "Q2: Was the tea plantation a provocation?\n\n"
        "A2: It was a description of my grandmother’s village.\n\n"
        "Q8a: And series four?\n\nA8a: You are asking me at 3.45 in the morning.",
        people=[],
    )
    assert [(turn.role, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns] == [
        ("question", "Harriet Okonkwo-Lindgren"),
        ("answer", "Defne Yıldırım"),
    ] * 3


def test_a_title_and_its_translation_in_brackets_are_no_credit():
    analysis = read(
        "The creator of Çay Bahçesi (The Tea Garden), the Turkish drama, does not give interviews in person. "
        "Gülşen Aktaş plays the matriarch, Hatice Kara.",
        people=[],
    )
    assert ("Tea Garden", "Çay Bahçesi") not in credits_of(analysis)
    assert "Tea Garden" not in analysis.introduced


def test_a_reader_or_a_live_posts_verb_before_a_name_is_no_part_of_it():
    analysis = read(
        "Reader Hendrik de Boer, from Harrogate, has a theory. “It’s obviously somebody famous,” he wrote.\n\n"
        "Lost Wu Zhen for ten minutes. Found him signing lanterns. “Some of them,” he says.",
        people=[],
    )
    assert speakers(analysis) == [("Hendrik de Boer", True), ("Wu Zhen", True)]


def test_the_general_secretary_is_the_one_the_article_named_in_that_job():
    analysis = read(
        "The union’s general secretary, Siobhán Nic Giolla Phádraig, addressed the strikers. Its regional "
        "organiser, Nomvula Mkhize, said a strike would follow. “Nobody wants that,” she said.\n\n"
        "Late in the afternoon the general secretary climbed back on to the lorry. “Same time tomorrow,” she "
        "told the crowd.",
        people=[],
    )
    assert speakers(analysis) == [("Nomvula Mkhize", True), ("Siobhán Nic Giolla Phádraig", True)]


def test_the_statement_is_the_words_of_whoever_the_article_says_issued_it():
    analysis = read(
        "The studio’s chief executive, Pieter-Jan van der Meulen, said in a statement that the offer was fair.\n\n"
        "“We remain open to talks,” the statement said.\n\n"
        "A statement was also posted online. “We are monitoring the situation,” the statement said.",
        people=[],
    )
    assert speakers(analysis) == [("Pieter-Jan van der Meulen", True), (None, False)]


def test_a_role_a_pronoun_stands_for_after_a_phrase_of_where_is_the_sentence_befores_subject():
    analysis = read(
        "The son, Stelios Charalambous, is where the transfer creaks. On stage he was played by Nikos Andreou "
        "as a man quietly drowning; on television Andreas Georgiou-Lane plays him as a man refusing to swim.\n\n"
        "Andreou was generous about his successor. “I had ninety minutes, and Andreas has six hours,” he said.",
        people=[],
    )
    assert credits_of(analysis) == {
        ("Nikos Andreou", "Stelios Charalambous"),
        ("Andreas Georgiou-Lane", "Stelios Charalambous"),
    }
    assert speakers(analysis) == [("Nikos Andreou", True)]


def test_played_with_an_aside_before_by_is_a_credit():
    analysis = read(
        "The daughter, Maria Charalambous, is played on screen, as on stage, by Eleni Hatzi-Ward, who finally "
        "gets to leave the kitchen.",
        people=[],
    )
    assert credits_of(analysis) == {("Eleni Hatzi-Ward", "Maria Charalambous")}


def test_her_best_line_before_a_colon_is_hers_not_a_place_the_sentence_names():
    analysis = read(
        "The daughter is played by Eleni Hatzi-Ward. Her best line, thrown at her brother in a Famagusta taxi, "
        "was also the biggest laugh in the theatre: “Everyone in this family talks about the land.”",
        people=[],
    )
    assert speakers(analysis) == [("Eleni Hatzi-Ward", True)]


def test_his_daughter_opening_the_sentence_before_a_quote_is_the_woman_with_her_fathers_family_name():
    analysis = read(
        "Eleni Papadopoulou runs the depot. Her father, a carpenter, is visiting; in Greek a daughter takes the "
        "feminine form of her father’s surname.\n\n"
        "“This is good oak,” Giorgos Papadopoulos said.\n\n"
        "His daughter did not look up from her clipboard. “He says that about everything I build.”",
        people=[],
    )
    assert speakers(analysis) == [("Giorgos Papadopoulos", True), ("Eleni Papadopoulou", True)]


def test_a_relative_named_by_whose_they_are_is_who_the_pronoun_after_stands_for():
    analysis = read(
        "Anna Kowalska designed the sets. Piotr Kowalski, her brother, built them.\n\n"
        "“The doors open outwards,” said the prop master, Joost van Leeuwen.\n\n"
        "Kowalska’s brother was the last to leave. He closed the door again and nodded. “The hinges are good,” "
        "he said.",
        people=[],
    )
    assert speakers(analysis)[-1] == ("Piotr Kowalski", True)


def test_a_roles_first_line_with_an_aside_before_the_colon_is_the_actors():
    analysis = read(
        "Hana Kovářová plays Judith Lamotte, a silk weaver. “I learnt to weave for it,” Kovářová said.\n\n"
        "Meenal Srivastava plays the cotton trader. “Nobody likes the future,” she said.\n\n"
        "Judith’s first line, spoken to a merchant who holds one of her silks up to the window and turns it over "
        "and over looking for a flaw, is the one the trailer made famous: “The silk remembers everything.”",
        people=[],
    )
    assert speakers(analysis)[-1] == ("Hana Kovářová", True)


def test_an_actors_role_that_gets_the_best_line_gives_the_line_to_the_actor():
    analysis = read(
        "Sizwe Mthembu plays a parish constable. “He is a coward,” said Meenal Srivastava.\n\n"
        "Sizwe Mthembu’s constable gets the best line of the first two episodes, delivered to a room of weavers "
        "on the night the first loom is cut and the street fills with smoke: “I saw nothing, gentlemen.”",
        people=[],
    )
    assert speakers(analysis)[-1] == ("Sizwe Mthembu", True)


def test_said_his_mother_after_a_quote_is_his_mother():
    analysis = read(
        "Leilua Faʻasavalu runs the stunt team. The safety diver is Tavita Faʻasavalu, her son.\n\n"
        "“Mum checks my knots twice,” Tavita Faʻasavalu said.\n\n“Both,” said his mother.",
        people=[],
    )
    assert speakers(analysis) == [("Tavita Faʻasavalu", True), ("Leilua Faʻasavalu", True)]


def test_played_by_a_demonym_and_a_job_before_the_name_is_a_credit_and_the_roles_line_the_actors():
    analysis = read(
        "She is doubling for the smuggler’s mother, Nan Petrie. In every other shot Nan is played by the "
        "Glaswegian actress Morag Lindsay-Adeyemi, who waited at the bottom of the steps and then, dusting "
        "down the housecoat, delivered Nan’s only line of the scene: “I've been pushed by better than you, son.”",
        people=[],
    )
    assert credits_of(analysis) == {("Morag Lindsay-Adeyemi", "Nan Petrie")}
    assert speakers(analysis) == [("Morag Lindsay-Adeyemi", True)]


def test_whom_a_quote_calls_by_name_is_who_the_next_she_stands_for():
    analysis = read(
        "Nomvula Mthethwa is at the microphone in her socks. The drama was written by Thandeka Zwane-Ross, whose "
        "grandmother made the journey every month. In the control room the director, Sibusiso Ngcobo, listens.\n\n"
        "“Lovely, Nomvula. Again, but whisper it,” he says over the talkback.\n\n"
        "She whispers it. Her line – the one the whole series hangs on – is spoken to the conductor at two in the "
        "morning: “I have a ticket and a name.”",
        people=[],
    )
    assert speakers(analysis) == [("Sibusiso Ngcobo", True), ("Nomvula Mthethwa", True)]


def test_a_court_transcripts_q_is_counsel_and_its_a_the_witness_the_narration_names():
    analysis = read(
        "By Tamsin Aldous\n\n"
        "Ada Kessler is suing Nabil al-Rashidi, the creator of the series, for breach of copyright.\n\n"
        "Mr al-Rashidi, who grew up in Dundee, gave evidence on Tuesday. Under cross-examination by Mr Gwilym "
        "Parry-Okafor, he was asked where the idea had come from.\n\n"
        "Q: You accept that you opened Ms Kessler’s script.\n\nA: I accept that I opened it. I open everything.\n\n"
        "Q: Do you still have the postcard?\n\nA: I still have the fridge.",
        people=[],
    )
    assert [(turn.role, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns] == [
        ("question", "Gwilym Parry-Okafor"),
        ("answer", "Nabil al-Rashidi"),
    ] * 2


def test_a_surname_with_a_joined_article_is_part_of_the_name():
    analysis = read(
        "Nabil al-Rashidi created the series. “I wrote it about my grandmother,” Mr al-Rashidi said.",
        people=[],
    )
    assert speakers(analysis) == [("Nabil al-Rashidi", True)]
    assert "Nabil" not in analysis.introduced


def test_played_with_a_capitalised_adjective_before_by_is_a_credit():
    analysis = read(
        "The insurers send a loss adjuster, Moira Strachan, played with magnificent Aberdonian froideur by "
        "Eilidh NicLeòid. “I’m not here to accuse anyone,” Moira tells the family.",
        people=[],
    )
    assert credits_of(analysis) == {("Eilidh NicLeòid", "Moira Strachan")}
    assert speakers(analysis) == [("Eilidh NicLeòid", True)]


def test_a_judges_title_is_no_part_of_her_name():
    analysis = read(
        "The case is being heard by Mrs Justice Eleanor Ogilvie.\n\n"
        "Mrs Justice Ogilvie warned both sides. “This court has heard a great deal about lamps,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("Eleanor Ogilvie", True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Yasmin Rawnsley, who co-wrote the series, plays Bev Ashworth, who inherited the shop.",
        "Yasmin Rawnsley, who won the best actress prize at Marrowdale for The Salt Wife, plays its widowed "
        "shopkeeper, Bev Ashworth.",
        "It made stars of Gethin Rawnsley, who plays Ifan, and of Yasmin Rawnsley, no relation, who plays the "
        "widow Bev Ashworth.",
    ],
)
def test_an_aside_between_the_actor_and_plays_keeps_the_credit(sentence):
    assert ("Yasmin Rawnsley", "Bev Ashworth") in credits_of(read(sentence, people=[]))


def test_a_job_the_story_gives_before_a_parenthesis_marks_its_left_side_as_the_role():
    analysis = read(
        "Aoife Brannagh (DI Constance Imrie) arrives on the last crossing.\n\n"
        "The harbourmaster, Isla Mowat (Halldis Crowe), is keeping a secret about the lifeboat fund.",
        people=[],
    )
    assert credits_of(analysis) == {("Aoife Brannagh", "DI Constance Imrie"), ("Halldis Crowe", "Isla Mowat")}


@pytest.mark.parametrize(
    ("introduction", "label"),
    [
        ("The festival’s artistic director, Maren Solvik-Adeyemi, moderated.", "MODERATOR"),
        ("The session was moderated by the festival’s head of programming, Maren Solvik-Adeyemi.", "MODERATOR"),
        ("The festival's director, Maren Solvik-Adeyemi, chaired.", "Q (Moderator)"),
        ("The panel was chaired by the critic Maren Solvik-Adeyemi.", "CHAIR"),
    ],
)
def test_a_sessions_runner_the_introduction_names_speaks_under_the_jobs_label(introduction, label):
    analysis = read(
        f"By Aurélie Nwankwo\n\nThe jury met the press on Sunday. {introduction}\n\n"
        f"{label}: Good morning. The jury will take questions for forty minutes.\n\n"
        "INMACULADA SÁENZ: Thank you. We are very tired.\n\n"
        f"{label}: Then one more question, and coffee.\n\nINMACULADA SÁENZ: Coffee first.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns][::2] == [
        "Maren Solvik-Adeyemi",
        "Maren Solvik-Adeyemi",
    ]


def test_of_two_interviewees_named_as_often_the_answers_are_the_one_the_headline_names_first():
    body = (
        "By Anouska Bevins\n\n"
        "The fair was created by Wendell Trulock, who also plays the eldest son. His sister Maisie Trulock plays "
        "Dolly. Trulock met us in Leicester.\n\n"
        "Q: How much of the fair is your own family?\n\nA: Less than my mum thinks.\n\n"
        "Q: When did you decide to write it?\n\nA: I didn’t decide."
    )
    answers = [
        turn.speaker_name
        for turn in read(body, people=[], headline="Wendell and Maisie Trulock on Tumbledown Fair").qa_turns
        if turn.role == "answer"
    ]
    assert answers == ["Wendell Trulock", "Wendell Trulock"]
    untold = read(body, people=[], headline="How they made Tumbledown Fair").qa_turns
    assert [turn.speaker_name for turn in untold if turn.role == "answer"] == [None, None]


def test_the_woman_who_turns_out_to_be_someone_said_the_quotes_before_it():
    analysis = read(
        "There are forty bonnets on the shelf.\n\n"
        "“That one bit an actress,” says the woman holding the pins. “Not literally.” The woman turns out to be "
        "Hephzibah Lorrimer, the milliner on the show.",
        people=[],
    )
    assert speakers(analysis) == [("Hephzibah Lorrimer", True), ("Hephzibah Lorrimer", True)]


def test_a_paragraph_opening_with_she_gives_the_quote_after_its_first_sentence_to_her():
    analysis = read(
        "By Ama Obi\n\nNell Haverstock, twenty-three, plays the prompter, Bridie Kavanagh, who sits in a box at "
        "the side of the stage. A year ago she was selling tickets in Wakefield.\n\n"
        'She was the only one of the four to ask me a question first. "Did you laugh?" Yes, I said.',
        people=[],
    )
    assert speakers(analysis) == [("Nell Haverstock", True)]


def test_a_countdowns_role_line_under_a_numbered_quote_gives_the_line_to_its_actor():
    analysis = read(
        "These are the lines you quoted most this year.\n\n"
        "15. “On my ferry, nobody is in a hurry.”\nKaptan Orhan Demirci (Levent Şahin), The Ferry Captain\n\n"
        "The commuter drama has a catchphrase for every crossing. Şahin, once a deckhand, hears it weekly.\n\n"
        "14. “Are we being followed?” / “We are being followed by the budget.”\n"
        "Milena Hrubá (Tereza Šimková) and Nigel Upjohn (Oliver Thursby-Mensah), The Prague Desk\n\n"
        "A two-line exchange from the spy comedy. Thursby-Mensah needed eleven takes because Šimková laughed.",
        people=[],
    )
    assert speakers(analysis) == [
        ("Levent Şahin", True),
        ("Tereza Šimková", True),
        ("Oliver Thursby-Mensah", True),
    ]


def test_a_role_line_under_an_unnumbered_quote_heads_the_next_section_and_signs_nothing():
    analysis = read(
        "“Some of them found the clips online.”\n\nSpud Rooney (Dougie Fairhurst), now a plumber in Wigan\n\n"
        "He still gets recognised.",
        people=[],
    )
    assert speakers(analysis) == [(None, False)]


def test_she_and_he_labels_are_the_woman_and_the_man_the_introduction_names_not_their_roles():
    analysis = read(
        "By Tamsin Achterberg\n\n"
        "Montserrat Vidal i Roca, 44, plays the restaurant's owner, Núria Soler. Like most Catalans she has two "
        "surnames. Her husband, Renato dela Paz, plays the head chef, Boyet Bautista.\n\n"
        "Q: You met in a kitchen. Whose kitchen?\n\nSHE: Mine.\n\nHE: It was not hers. It was the hotel's.\n\n"
        "SHE: I was the sous-chef.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        "Tamsin Achterberg",
        "Montserrat Vidal i Roca",
        "Renato dela Paz",
        "Montserrat Vidal i Roca",
    ]


def test_a_gaelic_surname_with_t_prefixed_to_its_last_word_is_read_whole():
    analysis = read(
        "Her husband, Shug, has been played since 1994 by Calum Mac an t-Saoir. “Tell them Shug is due a win,” "
        "Mac an t-Saoir said.",
        people=[],
    )
    assert credits_of(analysis) == {("Calum Mac an t-Saoir", "Shug")}
    assert speakers(analysis) == [("Calum Mac an t-Saoir", True)]


def test_a_readers_question_signed_in_its_label_is_theirs_and_a_first_name_alone_is_nobody_known():
    analysis = read(
        "Compiled by Juno Pettifer\n\nKetevan Chkheidze created the series and answers your questions.\n\n"
        "Q from Dai, Swansea: Why does nobody in this family ever finish a toast?\n\n"
        "KETEVAN CHKHEIDZE: Dai, that is the most Georgian question anybody has ever asked me.\n\n"
        "Q from Saule Nurlanqyzy, Almaty: What does gaumarjos mean?\n\nKC: It means victory.\n\n"
        "Q from Irakli Lomidze (Archil), by text message: Keti, why does Archil never get a day off?\n\n"
        "KC: Because you asked for a bigger part, Irakli.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        None,
        "Ketevan Chkheidze",
        "Saule Nurlanqyzy",
        "Ketevan Chkheidze",
        "Irakli Lomidze",
        "Ketevan Chkheidze",
    ]


def test_a_title_before_a_surname_is_the_person_the_article_named_with_it():
    analysis = read(
        "In 2001 the writer and producer Chief Adéwálé Bánjọ cast her as the judge.\n\n"
        "‘I wrote the judge for her,’ Chief Bánjọ said.",
        people=[],
    )
    assert speakers(analysis) == [("Adéwálé Bánjọ", True)]


def test_someone_from_the_floor_who_says_who_they_are_asks_the_question():
    analysis = read(
        "Lusine Petrosyan created the series.\n\n"
        "AUDIENCE MEMBER: Hi, I'm Aroha Tipene, I've come from Rotorua for this. Did you ever think of letting "
        "Tariq leave?\n\nPETROSYAN: Aroha, thank you for coming. No.\n\n"
        "AUDIENCE MEMBER: What did you take from the set?\n\nPETROSYAN: A spanner.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        "Aroha Tipene",
        "Lusine Petrosyan",
        "AUDIENCE MEMBER",
        "Lusine Petrosyan",
    ]
    assert "I'm Aroha Tipene" not in analysis.introduced


def test_a_long_description_before_a_role_and_a_maori_title_keep_the_role_and_its_actor():
    analysis = read(
        "Ngāhuia Te Wheoro, who plays the shop’s owner and the family’s formidable aunt, Whaea Rangi Parata, "
        "posted a video from behind the counter.\n\n“Somebody tell the fryer,” Whaea Rangi said.",
        people=[],
    )
    assert credits_of(analysis) == {("Ngāhuia Te Wheoro", "Whaea Rangi Parata")}
    assert speakers(analysis) == [("Ngāhuia Te Wheoro", True)]
    assert analysis.introduced == ["Ngāhuia Te Wheoro"]


def test_a_day_or_a_thing_before_a_colon_is_no_speaker():
    analysis = read(
        "Tsion Mulugeta plays the grandmother. Halfway through the first round she delivers the line that has "
        "already, by Monday morning, been printed on a T-shirt: “We don't drink coffee in this family.”\n\n"
        "Every café in Valletta sells T-shirts: “A pastizz is not a snack.”",
        people=[],
    )
    assert not {"Monday", "T-shirts"} & {quote.speaker_written for quote in analysis.quotes}


def test_played_with_a_long_aside_before_by_and_by_a_relative_written_before_the_actor():
    analysis = read(
        "The patriarch is played, for the third series running, with enormous, rumbling dignity by Tesfaye "
        "Bekele. Dr Almaz Kebede, the doctor his son is about to marry, is played by Tesfaye's daughter, Hiwot "
        "Tesfaye.",
        people=[],
    )
    assert ("Hiwot Tesfaye", "Dr Almaz Kebede") in credits_of(analysis)
    analysis = read(
        "Girma Wolde is played, for the third series running, with enormous, rumbling dignity by Tesfaye Bekele.",
        people=[],
    )
    assert credits_of(analysis) == {("Tesfaye Bekele", "Girma Wolde")}


def test_every_given_name_before_binti_is_what_a_label_may_call_her():
    analysis = read(
        "Nur Aisyah binti Rahman, from Penang, plays the chief engineer; she is Aisyah to everybody. "
        "Lusine Petrosyan created the show.\n\n"
        "PETROSYAN: Aisyah knew first.\n\nAISYAH: He told me in the canteen.\n\n"
        "PETROSYAN: And kept it?\n\nAISYAH: For a year.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns][1::2] == [
        "Nur Aisyah binti Rahman",
        "Nur Aisyah binti Rahman",
    ]


def test_a_pronoun_with_nobody_else_before_it_is_the_owner_the_article_names():
    analysis = read(
        "The first thing you notice about V. Kayalvizhi’s studio, in a converted chapel, is that there is no "
        "piano in it.\n\n“That is my father,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("V. Kayalvizhi", True)]


def test_a_role_keeps_no_day_or_question_word_and_a_place_then_a_thing_played_is_no_credit():
    analysis = read(
        "Carmen Spiteri plays Sister Ġużeppina. Every Friday Sister Ġużeppina, played by Carmen Spiteri, "
        "comes in for a pastizz.\n\n"
        "The other solo voice on Wick Street is the duduk, an Armenian wind instrument, played by Gor "
        "Hovhannisyan, who came to London in 2009.\n\n"
        "Tuomas Vähäkangas is the voice of the old heron Old Mossback.\n\n"
        "**Siân:** Tuomas, you’re from Finland. Is Old Mossback Finnish?",
        people=[],
    )
    assert credits_of(analysis) == {
        ("Carmen Spiteri", "Sister Ġużeppina"),
        ("Tuomas Vähäkangas", "Old Mossback"),
    }


def test_a_lithuanian_wifes_and_daughters_surnames_are_one_family():
    analysis = read(
        "Dalia Petrauskienė casts half of Sunday night. The other desk belongs to Austėja Petrauskaitė, 27.\n\n"
        "“It's Lithuanian, it's complicated,” Austėja said.\n\n"
        "Her mother looked up from her laptop. “It is not complicated. It is grammar.”",
        people=[],
    )
    assert speakers(analysis) == [("Austėja Petrauskaitė", True), ("Dalia Petrauskienė", True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Renato dela Paz, 47, was born in Cebu and plays Núria's husband and head chef, Boyet Bautista.",
        "Renato dela Paz is eleven and plays Núria's nephew, Boyet Bautista, in his first film.",
    ],
)
def test_a_clause_about_the_actor_joined_by_and_before_plays_keeps_the_credit(sentence):
    assert credits_of(read(sentence, people=[])) == {("Renato dela Paz", "Boyet Bautista")}


def test_an_oral_historys_signatures_with_years_a_nickname_or_a_particle_and_a_section_heading():
    analysis = read(
        "THE BEGINNING\n\n"
        "“They put me in a grey wig and I never took it off.”\n– Gwenllïan Prydderch (Nesta Huws, 1984–2011)\n\n"
        "“The chapel door fell off during a funeral.”\n– Siôn Llŷr ab Iorwerth (Dai Bara, the baker, 1984–present)\n\n"
        "THE EIGHTIES\n\n"
        "“There was no money. I mean none.”\n– ab Iorwerth\n\n"
        "“We had one camera that worked on Wednesdays.”\n– Huw “Camera” Tomos, camera operator, 1984–2019",
        people=[],
    )
    assert speakers(analysis) == [
        ("Gwenllïan Prydderch", True),
        ("Siôn Llŷr ab Iorwerth", True),
        ("Siôn Llŷr ab Iorwerth", True),
        ("Huw Tomos", True),
    ]


def test_a_real_person_an_actor_plays_at_another_age_is_still_the_one_who_speaks_under_her_name():
    analysis = read(
        "By Rowan Teague\n\n"
        "For thirty-one years Hodan Abdi Warsame ran a minicab office in St Pauls. A new documentary follows her "
        "last month. We rebuilt the office from her memory, and Ayaan Yusuf plays the young Hodan.\n\n"
        "ROWAN TEAGUE: Hodan, why did you agree to be filmed?\n\n"
        "HODAN: Because Nasra asked me at a wedding, in front of her mother.",
        people=[],
    )
    assert credits_of(analysis) == {("Ayaan Yusuf", "Hodan")}
    assert [turn.speaker_name for turn in analysis.qa_turns][1:] == ["Hodan Abdi Warsame"]


def test_a_thai_honorific_is_a_roles_title_so_a_long_role_keeps_its_actor():
    analysis = read(
        "The show’s star was introduced as Sirikanya “Ploy” Wongsawat.\n\n"
        "Khun Yai Sompong Rattanakosin (Sirikanya Wongsawat)\n\nNok (Pimchanok Anantachai)\n\n"
        "“If you call me Miss Wongsawat on set, I will assume I am being sacked,” Wongsawat told the table.",
        people=[],
    )
    assert ("Sirikanya Wongsawat", "Khun Yai Sompong Rattanakosin") in credits_of(analysis)
    assert speakers(analysis) == [("Sirikanya Wongsawat", True)]


def test_a_press_conferences_questions_are_the_journalists_their_labels_name():
    analysis = read(
        "Itziar Agirrezabala Etxeberria created the series; Maialen Urkiola and Ane Lizarraga star.\n\n"
        "Iñaki Arregi, Itsasaldea: Maialen, you had to learn to cox a trainera. How long did that take?\n\n"
        "URKIOLA: Four months, and one capsize.\n\n"
        "Journalist, British trade press: A question for Itziar. Were you surprised it travelled so far?\n\n"
        "AGIRREZABALA: Every time.\n\n"
        "Morwenna Castellow, this newspaper: Has your mother seen it?\n\nAGIRREZABALA: Twice.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns][::2] == [
        "Iñaki Arregi",
        None,
        "Morwenna Castellow",
    ]


def test_a_gapped_credit_by_the_veteran_and_a_roles_best_line_of_the_series_after_an_aside():
    analysis = read(
        "Oh Min-jae plays the eldest son, Kang Do-hyun. His younger sister, Kang Eun-ji, is played by Baek "
        "So-ra, and the grandmother who runs all of them, Halmeoni Bok-soon, by the veteran Na Young-hee.\n\n"
        "“She hits me with her handbag,” Oh Min-jae said.\n\n"
        "Halmeoni’s best line of the series, said to Do-hyun across the wedding stove in the last episode, was "
        "painted on a bedsheet by two fans: “The tree does not care who owns it.”",
        people=[],
    )
    assert ("Na Young-hee", "Halmeoni Bok-soon") in credits_of(analysis)
    assert speakers(analysis)[-1] == ("Na Young-hee", True)


def test_a_roles_double_first_name_is_the_role_and_no_person():
    analysis = read(
        "It ends with DS Peigi Anna MacNeil – Ealasaid Chaimbeul, never better – putting her hand on the "
        "engine housing.\n\n“Nobody on this island drowns by accident,” Peigi Anna says.",
        people=[],
    )
    assert speakers(analysis) == [("Ealasaid Chaimbeul", True)]
    assert "Peigi Anna" not in analysis.introduced


def test_a_mother_and_daughter_of_one_surname_are_two_people_and_the_daughters_role_stays_hers():
    analysis = read(
        "Their teenage daughter, Fon, is played by Kanyarat Boonmee, 17. “My mum said I could do the show if I "
        "got an A,” she said.\n\n"
        "Her mother, Kanokwan Boonmee, who was sitting by the radiator, agreed. “An A,” she said.\n\n"
        "Boonmee, as Fon, said nothing for a moment.",
        people=[],
    )
    assert speakers(analysis) == [("Kanyarat Boonmee", True), ("Kanokwan Boonmee", True)]
    assert credits_of(analysis) == {("Kanyarat Boonmee", "Fon")}


def test_a_job_then_a_full_name_then_what_they_are_called_is_no_role():
    analysis = read(
        "Names on this set are short. The producer, Wanjiru Kamau-Hollis, is Jiru.\n\n"
        "“Go again,” the producer said.\n\n“Once more,” said Kamau-Hollis.",
        people=[],
    )
    assert speakers(analysis) == [("Wanjiru Kamau-Hollis", True), ("Wanjiru Kamau-Hollis", True)]
    assert not credits_of(analysis)


def test_a_first_surname_alone_is_the_person_with_two_surnames():
    analysis = read(
        "The creator, Nerea Olaizola Garmendia, grew up in Orio.\n\n"
        "“My grandmother sold fish on that quay,” Olaizola said.",
        people=[],
    )
    assert speakers(analysis) == [("Nerea Olaizola Garmendia", True)]
    assert analysis.introduced == ["Nerea Olaizola Garmendia"]


def test_what_a_he_has_been_called_since_childhood_is_his_nickname():
    analysis = read(
        "Davi Barros Ferreira is ten, and he has been Dudu since he could crawl.\n\n"
        "“I like kites,” says Dudu. “That's all.”",
        people=[],
    )
    assert speakers(analysis) == [("Davi Barros Ferreira", True)] * 2


def test_a_he_that_the_paragraph_before_kept_on_is_not_the_headlines_subject():
    analysis = read(
        "Lucas Prado Neves turns up with a kite folded under one arm. He is ten, he has been Tuca since before "
        "he could talk, and he wants it understood that the kite is his own.\n\n"
        "His father, Rogério Neves, drives a bus in Recife. He will fly over for the premiere. On a video call "
        "after his shift he said he had already bought a suit.\n\n"
        "‘I told Tuca, when you are famous, remember your father drove a bus,’ he said.",
        people=[],
        headline="‘Kites are better than school’: meet Tuca, the ten-year-old flying high in Vento",
    )
    assert speakers(analysis)[-1] == ("Rogério Neves", True)


@pytest.mark.parametrize(
    ("body", "credit"),
    [
        (
            "Dang Minh Khoa, who plays Ba Sau's nephew, the noodle seller Pham Van Tuan, is from Hue.",
            ("Dang Minh Khoa", "Pham Van Tuan"),
        ),
        (
            "Ward Four's fearsome matron, Sister Edith Crowle, is played by the Polish actress Zofia Malinowska.",
            ("Zofia Malinowska", "Sister Edith Crowle"),
        ),
        (
            "Behind the bar, for all nine series, was Toni's husband, Gorg Vella, played by Pawlu Mifsud.",
            ("Pawlu Mifsud", "Gorg Vella"),
        ),
        (
            "The theme belongs to Edna Pask, the widowed owner of the mill, who is played by Hilary Gaunt.",
            ("Hilary Gaunt", "Edna Pask"),
        ),
        (
            "Clive Rudd, the landlord, turns up with a card. Oliver Penhale, who plays him, gets the best line.",
            ("Oliver Penhale", "Clive Rudd"),
        ),
        (
            "Otar Kapanadze, then a 58-year-old baker in Croydon, plays the patriarch, Davit Lomidze.",
            ("Otar Kapanadze", "Davit Lomidze"),
        ),
        (
            "The network wanted a known face, so we cast Rosamund Tiller-Hayes to play Dr Agnes Whitlow.",
            ("Rosamund Tiller-Hayes", "Dr Agnes Whitlow"),
        ),
        (
            "The Simorgh is played, on a motion-capture stage in Ealing, by Parisa Zand, a dancer from Tabriz.",
            ("Parisa Zand", "Simorgh"),
        ),
        (
            "Her son, Alfie Hollins, is played by 19-year-old Kieran Tregothnan-Ode, in his first role.",
            ("Kieran Tregothnan-Ode", "Alfie Hollins"),
        ),
        (
            "The best actor prize went to Tomasz Wilczek for The Night Bakery, in which he is the widowed baker "
            "Jerzy Nowak.",
            ("Tomasz Wilczek", "Jerzy Nowak"),
        ),
        (
            "The harbourmaster is played by Kagawa Tetsuo, who is 80, and the Australian tuna buyer, Cal Rourke, "
            "by the Bristol-born Rupert Ellingham.",
            ("Rupert Ellingham", "Cal Rourke"),
        ),
        (
            "Koldo Etxegarai, 79, plays the old coach who agrees to train them, Patxi Aranburu, and he rows too.",
            ("Koldo Etxegarai", "Patxi Aranburu"),
        ),
        (
            "The eldest, Vesna Horvat, is played by Nives Babić, the youngest, Lucija Horvat, by Tena Jurić, and "
            "the old neighbour, Barba Ante, by the veteran Zdravko Kovač.",
            ("Zdravko Kovač", "Barba Ante"),
        ),
        (
            "The heist crew's youngest member, the safecracker's nephew Luca, is Ha-joon Whitford-Ahn in his "
            "first film.",
            ("Ha-joon Whitford-Ahn", "Luca"),
        ),
        (
            "The Reverend Alan Timms, the vicar who is nominally in charge, is played in Britain by Neville Frome, "
            "and in Germany voiced by Jürgen Grosz, a large, gentle man.",
            ("Jürgen Grosz", "Reverend Alan Timms"),
        ),
        (
            "Its grandmother, Babcia Halina, is played by Małgorzata Zmuda, 77, a veteran of the stage; her son, "
            "the home’s exhausted manager, Piotr Nowak, by Bartłomiej “Bartek” Sikora; and the rest.",
            ("Bartłomiej Sikora", "Piotr Nowak"),
        ),
        (
            "The inspector is played by Ada Kok, who lives in Zoutendijk, in a white house at the end of the road, "
            "and the warden’s ambitious deputy, Hendrik Vos, by Daniël Smit.",
            ("Daniël Smit", "Hendrik Vos"),
        ),
        (
            "The herder is played by Ganbold Bat, a real herder, and his daughter-in-law, Altantsetseg, by his own "
            "daughter, Ganboldyn Saruul, whose first name is Saruul.",
            ("Ganboldyn Saruul", "Altantsetseg"),
        ),
        (
            "The father is played by Zdeněk Hrubý, and the English buyer who arrives in the second act with a "
            "chequebook and a very small car, Mr Ashby, by Crispin Lowther.",
            ("Crispin Lowther", "Mr Ashby"),
        ),
        (
            "The television version adds Mehmet Demir, a Turkish Cypriot whose family grazed goats on the land, and "
            "gives him to Hasan Yilmaz, who is superb.",
            ("Hasan Yilmaz", "Mehmet Demir"),
        ),
        (
            "Ìjàpá is performed and voiced by Oluwaseun Ade, whom everybody calls Seun. Mrs Prickle, the hedgehog, "
            "is performed by Morag Strachan.",
            ("Oluwaseun Ade", "Ìjàpá"),
        ),
        (
            "The newcomers are Min-jun Seo, who will play a Daegu fish broker called Pyo Dong-il, and Ana Reis.",
            ("Min-jun Seo", "Pyo Dong-il"),
        ),
        (
            "It arrives in May on Channel Slate, in which Rhodri Lewis also appears, as the village doctor, "
            "Dr Ifan Morgan.",
            ("Rhodri Lewis", "Dr Ifan Morgan"),
        ),
        (
            "His niece, Mei Ling Goh, who has grown up in Perth and comes home for a wedding, is played by the "
            "Singaporean-Australian actress Rachel Tan.",
            ("Rachel Tan", "Mei Ling Goh"),
        ),
        (
            "Lolo Ben – lolo is what Filipinos call a grandfather – is played by Ernesto Dizon, who is 79.",
            ("Ernesto Dizon", "Lolo Ben"),
        ),
        (
            "It is about a widow called Parvin Khanum. The wall is mended by Parvin Khanum's granddaughter, Shirin, "
            "played by Yasaman Farahani.",
            ("Yasaman Farahani", "Shirin"),
        ),
        (
            "It stars Nerea Etxeberria as the youngest of the rope-makers, Miren Agirre, and Jon Ugarte as her son.",
            ("Nerea Etxeberria", "Miren Agirre"),
        ),
        (
            "Jordi Bosch Ferrer plays the old man at the centre of the tower, Avi Pep – avi means grandfather – and "
            "Laia Roig plays his niece.",
            ("Jordi Bosch Ferrer", "Avi Pep"),
        ),
        (
            "The driver was played by Jannie Botha, and Giles Fenwick-Hart's hapless English fugitive, Roddy Pymm, "
            "remains the best thing he has done.",
            ("Giles Fenwick-Hart", "Roddy Pymm"),
        ),
        (
            "Nikos Andreou plays the father, Petros Savva; Eleni Andreou is his daughter, Chloe; Irini Pappa is "
            "Chloe's English fiancé's mother, Mrs Judith Lowe; and Kostas Demou is Lefteris, the rival baker.",
            ("Eleni Andreou", "Chloe"),
        ),
        (
            "Nikos Andreou plays the father, Petros Savva; Eleni Andreou is his daughter, Chloe; and Tom Hale is "
            "Chloe's English fiancé, Gideon Lowe.",
            ("Tom Hale", "Gideon Lowe"),
        ),
        (
            "Ade's Welsh husband, Gethin, is brought to life by Rhodri Pugh-Evans, who nearly steals the show.",
            ("Rhodri Pugh-Evans", "Gethin"),
        ),
        ("Their lodger, Marguerite, is embodied by Colette Ravanel-Sy.", ("Colette Ravanel-Sy", "Marguerite")),
        (
            "His grandmother, Yetunde, is Folake Adeyemi-Hart; the rest of the cast are new.",
            ("Folake Adeyemi-Hart", "Yetunde"),
        ),
        (
            "Her nephew, Tunde, a 19-year-old with a moped and no plan, is the newcomer Bayo Okonkwo-Reid.",
            ("Bayo Okonkwo-Reid", "Tunde"),
        ),
        (
            "Their daughter, Amara, who has been sent to Lagos for the summer, is Chioma Eze-Lindqvist.",
            ("Chioma Eze-Lindqvist", "Amara"),
        ),
        (
            "Round the table sat the family: Hemi Walker, 81, as the grandfather, Koro Tipene; and Ana Rewi, 17, "
            "as her cousin Mere.",
            ("Hemi Walker", "Koro Tipene"),
        ),
        ("Round the table sat Ana Rewi, 17, as her cousin Mere, and the crew.", ("Ana Rewi", "Mere")),
        (
            "Behind the screen stands Phạm Quốc Bảo, who has performed Ông Rùa, Grandfather Turtle, since 2019.",
            ("Phạm Quốc Bảo", "Ông Rùa"),
        ),
        (
            "The series follows Sigrún Hallsdóttir, a Tromsø harbour pilot played by Ása Bergsdóttir.",
            ("Ása Bergsdóttir", "Sigrún Hallsdóttir"),
        ),
        (
            "The story follows Maeve Quill, a ferry cook played by the Cape Verdean-Irish actor Lúcia Tavares-Byrne.",
            ("Lúcia Tavares-Byrne", "Maeve Quill"),
        ),
        (
            "Priya Ratnam plays the daughter, Kumari Perera, and Giles Fawcett is the estate agent in the hills, "
            "Mr Nigel Ashby.",
            ("Giles Fawcett", "Mr Nigel Ashby"),
        ),
        (
            "The neighbour who will not stop singing, Anahit, is Lilit Sargsyan, 16, from Vanadzor.",
            ("Lilit Sargsyan", "Anahit"),
        ),
        (
            "In the original, Mabel Quince, retired midwife, part-time sleuth and the scourge of the parish of Lower "
            "Addle, is played by Rosamund Tilley-Ward.",
            ("Rosamund Tilley-Ward", "Mabel Quince"),
        ),
        (
            "At the head of the family is Mama Adjoa – Efua Sarpong, at her fiercest – whose son Yaw runs the "
            "Leeds shop, in the steady hands of Kobby Asante-Reid.",
            ("Kobby Asante-Reid", "Yaw"),
        ),
        (
            "The village busybody, Morag Baird, was in the front pew as ever, in the person of Ishbel Nkemelu-Ross.",
            ("Ishbel Nkemelu-Ross", "Morag Baird"),
        ),
        ("The Scottish landlord, Huw Pryce, is Gareth Lloyd-Mensah.", ("Gareth Lloyd-Mensah", "Huw Pryce")),
        (
            "Mi-ja's son, Park Jun-ho, a ferryman who has never learned to swim, is Seo Min-gyu, last seen as a "
            "detective.",
            ("Seo Min-gyu", "Park Jun-ho"),
        ),
        (
            "Jonas Vaitkus, the father, is played by Rimas Dapkus; and their son, Tomas Vaitkus, who has come home "
            "from Leeds to sell the farm, by Lukas Dapkus-Hale.",
            ("Lukas Dapkus-Hale", "Tomas Vaitkus"),
        ),
        (
            "The host is the bride's uncle, Davit Kapanadze, known to the whole family as Dato, and he is voiced "
            "by Levan Gelashvili.",
            ("Levan Gelashvili", "Davit Kapanadze"),
        ),
        (
            "The old man is Ramalingam, known to everybody as Appa, father, and he is played by the veteran Tamil "
            "stage actor P. R. Sundaram.",
            ("P. R. Sundaram", "Ramalingam"),
        ),
        (
            "In the first episode the farmer Stavros Melas – Petros Andreadis-Kerr, in the role that made him "
            "famous – turns down the buyer.",
            ("Petros Andreadis-Kerr", "Stavros Melas"),
        ),
        (
            "At the head of the family is Mama Comfort Owusu – Akosua Bempong-Hale, at her most regal – whose "
            "daughter runs the shop.",
            ("Akosua Bempong-Hale", "Mama Comfort Owusu"),
        ),
        (
            "The landlady, Nagi Chie, is played by Okada Mariko, 63; her son, Nagi Ren, by the 17-year-old newcomer "
            "Sato Haruki.",
            ("Sato Haruki", "Nagi Ren"),
        ),
        (
            "The fourth is the English actor Rupert Thwaite-Cole, who joined the West End transfer as Clive, a banker "
            "who cannot use chopsticks.",
            ("Rupert Thwaite-Cole", "Clive"),
        ),
        (
            "The patriarch is played by Arun Basu; his widowed sister, whom the whole household calls Mashima, "
            "mother's sister, is Sutapa Ghosh-Rae.",
            ("Sutapa Ghosh-Rae", "Mashima"),
        ),
    ],
)
def test_credits_written_with_a_description_an_aside_or_a_gap(body, credit):
    assert credit in credits_of(read(body, people=[]))


def test_known_for_a_show_in_which_she_played_is_no_credit_for_a_place():
    analysis = read(
        "Sunniva Aaberg-Quaye will play Hester Fane. Aaberg-Quaye, who trained in Oslo, is best known in Europe "
        "for the crime series Fjordlys, in which she played the harbour detective Ingeborg Vik.",
        people=[],
    )
    assert ("Sunniva Aaberg-Quaye", "Ingeborg Vik") in credits_of(analysis)
    assert not any(person == "Europe" for person, _ in credits_of(analysis))


def test_narration_after_a_transcript_names_a_speaker_by_her_label_after_a_phrase_of_where():
    analysis = read(
        "For forty years Amina Farah Jama ran the cab office. We talked at the desk.\n\n"
        "JOE: Why did you agree to the film?\n\n"
        "AMINA: Because nobody asked before.\n\n"
        "JOE: And the radio?\n\n"
        "AMINA: It stays in my kitchen.\n\n"
        "Downstairs, on the way out, Amina stopped at the bakery. She would not let me pay.\n\n"
        "‘I drove the whole city home,’ she said.",
        people=[],
    )
    assert len(analysis.qa_turns) == 4
    assert speakers(analysis)[-1] == ("Amina Farah Jama", True)


@pytest.mark.parametrize(
    "lead_in",
    [
        "The series' director, Beata Lorinc, collected the award for him and read out a message he had sent that "
        "afternoon:",
        "The series' director, Beata Lorinc, collected the award and read out a letter from Tamas Halmi:",
    ],
)
def test_a_message_read_out_is_the_senders_words(lead_in):
    analysis = read(
        "The actor Tamas Halmi, who plays the ferryman, could not attend because he is filming in Szeged. "
        f"{lead_in} “I am on a boat in the rain. Please give the statue to Beata.”",
        people=[],
    )
    assert speakers(analysis) == [("Tamas Halmi", True)]


def test_a_committees_numbered_questions_are_the_chairs_and_the_members():
    analysis = read(
        "The committee is chaired by Dame Winifred Askew.\n\n"
        "Q101 Chair: Ms Lisowska, what happened?\n\n"
        "Agata Lisowska: We were cancelled by email.\n\n"
        "Q102 Rhodri Pennant: What number would have saved it?\n\n"
        "Agata Lisowska: Nobody told us.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        "Winifred Askew",
        "Agata Lisowska",
        "Rhodri Pennant",
        "Agata Lisowska",
    ]


def test_partial_quotes_after_a_long_aside_and_a_second_in_the_same_sentence_are_the_subjects():
    analysis = read(
        "Teodor Brennan, who joined the channel from a streaming service in the spring of last year, said the "
        "channel remained “proud of every frame” of the series and was “not closing the door” on its writer.",
        people=[],
    )
    assert speakers(analysis) == [("Teodor Brennan", True)] * 2


def test_a_surname_opened_by_a_particle_is_the_person():
    analysis = read(
        "The union's general secretary, Siobhán Nic Giolla Phádraig, was on the picket line.\n\n"
        "Nic Giolla Phádraig, who began her career as a painter, said the union had “no quarrel with the actors”.",
        people=[],
    )
    assert speakers(analysis) == [("Siobhán Nic Giolla Phádraig", True)]


def test_a_readers_question_first_and_the_reader_who_says_who_she_is():
    analysis = read(
        "Moderated by Tamsin Orde\n\n"
        "Callboard_Tamsin: Welcome. Let's start.\n\n"
        "Tomoko Arai: Thank you.\n\n"
        "Hullfoodie: Was the tuna real? My husband says it was rubber.\n\n"
        "Tomoko Arai: It was real.\n\n"
        "MarthaQ: Hello from Leeds! I’m Martha Quigley and I teach Japanese. Who wrote the theme?\n\n"
        "Tomoko Arai: A friend.\n\n"
        "MarthaQ: And will there be a soundtrack?\n\n"
        "Tomoko Arai: Yes.",
        people=[],
    )
    turns = [(turn.text[:12], turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns]
    assert ("Was the tuna", "Hullfoodie") in turns
    assert ("Hello from L", "Martha Quigley") in turns
    assert ("And will the", "Martha Quigley") in turns


def test_an_english_name_and_a_family_name_are_the_person_with_a_chinese_given_name_too():
    analysis = read(
        "The café's owner is played by Stella Wong Mei-ling. Her son, Kevin Chan Ka-ho, directed the series.\n\n"
        "STELLA WONG: Every Sunday since 1966.\n\n"
        "INTERVIEWER: And the collar?\n\n"
        "STELLA WONG: It was crooked.\n\n"
        "‘It was not crooked,’ Chan said.",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.label == "STELLA WONG"] == [
        "Stella Wong Mei-ling"
    ] * 2
    assert speakers(analysis)[-1] == ("Kevin Chan Ka-ho", True)


def test_the_subject_who_opens_the_sentence_is_she_over_a_woman_named_later_in_it():
    analysis = read(
        "Vivian Ho Suet-man is very brave. “Up to a point,” she admits.\n\n"
        "Jaycee Tam, the stunt double, is on the roof. Tam, who has doubled for Vivian since the first series, "
        "shrugs at the word. “It’s a roof,” she says.",
        people=[],
    )
    assert speakers(analysis) == [("Vivian Ho Suet-man", True), ("Jaycee Tam", True)]


def test_a_nationality_is_no_speaker_and_the_line_stays_with_whoever_said_it():
    analysis = read(
        "The colonel is played by Ambrose Tilling in Britain; in Germany he is voiced by Bernd Kuhn, who played "
        "every cough for us at the microphone, and then the line the German fan club has printed on its "
        "membership cards: “Diese Marmelade ist eine Beleidigung.”",
        people=[],
    )
    assert speakers(analysis) == [("Bernd Kuhn", True)]


def test_a_burmese_honorific_is_no_part_of_the_name():
    analysis = read(
        "The director arrived with her mother, Daw Khin Mya Win, on her arm.\n\n"
        "“I expect it to be too long,” Daw Khin Mya Win said.",
        people=[],
    )
    assert speakers(analysis) == [("Khin Mya Win", True)]


def test_two_first_names_share_a_surname_with_a_particle():
    analysis = read(
        "Hennie and Gert-Jan van Dam have run the guest house since 2004.\n\n"
        "“The birdwatchers were very quiet,” Hennie said.",
        people=[],
    )
    assert speakers(analysis) == [("Hennie van Dam", True)]


def test_her_most_quoted_line_is_hers():
    analysis = read(
        "Roos Kuipers is played by Marijke de Haan.\n\n"
        "Her most-quoted line in the series, spoken to her father on the dike, is on a tea towel in the café: "
        "“Water always finds the weakest house.”",
        people=[],
    )
    assert speakers(analysis) == [("Marijke de Haan", True)]


def test_roles_and_actors_listed_with_semicolons_after_played_by():
    analysis = read(
        "The navigator, Mahina Kale, is played by Leilani Kamaka; her brother and captain, Sam Kale, by Kainoa "
        "Pele; and the grandfather who taught them both, Papa Ioane, by Moses Kealoha.",
        people=[],
    )
    assert {("Kainoa Pele", "Sam Kale"), ("Moses Kealoha", "Papa Ioane")} <= credits_of(analysis)


def test_a_nickname_with_a_title_of_affection_to_generations():
    analysis = read(
        "Pualani Kahale, 67, has navigated canoes for forty years. She is Aunty Pua to three generations of "
        "sailors.\n\n“Both of them are right,” Aunty Pua said.",
        people=[],
    )
    assert speakers(analysis) == [("Pualani Kahale", True)]


def test_a_whos_who_names_a_role_on_one_line_and_played_by_on_the_next():
    analysis = read(
        "THE FAMILY\n\nNermin Hanım Karaca\n\nPlayed by Sevim Altın\n\nThe widow who runs the house.\n\n"
        "Selim Karaca\n\nPlayed by Kerem Ayhan\n\nHer eldest son, a shipping lawyer.",
        people=[],
    )
    assert credits_of(analysis) == {("Sevim Altın", "Nermin Hanım Karaca"), ("Kerem Ayhan", "Selim Karaca")}


def test_an_actors_real_daughter_is_no_role_of_his():
    analysis = read(
        "Selim's daughter is nineteen. She is played by Kerem Ayhan’s real daughter, Ece, who was cast after an "
        "audition her father could not attend.",
        people=[],
    )
    assert not any(person == "Kerem Ayhan" for person, _ in credits_of(analysis))


def test_a_foreign_police_title_is_part_of_the_roles_full_name():
    analysis = read(
        "Inspecteur Roos Kuipers arrives in the village in the first episode.\n\n"
        "Roos Kuipers is played by Marijke de Haan, who grew up nearby.",
        people=[],
    )
    assert credits_of(analysis) == {("Marijke de Haan", "Inspecteur Roos Kuipers")}


def test_the_novelist_is_whoever_the_article_says_wrote_the_novel():
    analysis = read(
        "The film of Harvest Night, Simran Gill's novel about a family party, has found its bride.\n\n"
        "Harleen Sandhu, 27, will play Rupinder, the eldest daughter. The novelist, who is adapting her own "
        "book, has described Rupinder as a woman who “would rather set fire to the bonfire than sit next to it”.",
        people=[],
    )
    assert speakers(analysis) == [("Simran Gill", True)]


def test_a_role_described_in_its_whos_who_entry_speaks_through_the_entrys_actor():
    analysis = read(
        "Cemil Bey\n\nPlayed by Haluk Erdem\n\n"
        "The family’s lawyer, who has loved Nermin since 1979, says so only once: ‘I have kept your secrets for "
        "forty years.’\n\nGülizar\n\nPlayed by Fadime Koç\n\nThe housekeeper, who says eleven words an episode.",
        people=[],
    )
    assert speakers(analysis) == [("Haluk Erdem", True)]


def test_a_he_carried_back_to_a_series_creator_teaches_nobody_a_gender():
    analysis = read(
        "The series was created and written by Nakata Yumi.\n\n"
        "It stars Oshima Rie as the detective. She has never been fishing.\n\n"
        "Its most-quoted line comes when the detective finds the clock under the harbourmaster's floor and tells "
        "him: ‘You hid it from the future.’\n\n‘The future was going to sell it,’ he replies.\n\n"
        "Nakata Yumi answered an email within the hour. ‘The detective smiles once a series,’ she wrote.",
        people=[],
    )
    assert speakers(analysis)[-1] == ("Nakata Yumi", True)


def test_initials_of_a_vietnamese_given_name_label_its_owner():
    analysis = read(
        "The captain is played by Trần Thị Thu Hà, who goes by Thu Hà; her partner by Phạm Quốc Bảo.\n\n"
        "MF: Welcome to the show.\n\nTH: Thank you. I am not a captain.\n\nQB: Nor am I.",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns][1:] == ["Trần Thị Thu Hà", "Phạm Quốc Bảo"]


def test_she_began_after_a_quote_is_its_cue():
    analysis = read(
        "The creator of the series, Anahit Sargsyan, gave this year's Northgate Lecture in Manchester.\n\n"
        "“When I started writing the series, my mother told me not to put the family in it,” Sargsyan began.",
        people=[],
    )
    assert speakers(analysis) == [("Anahit Sargsyan", True)]


def test_a_session_chaired_by_the_director_of_a_school_is_chaired_by_the_person_named_after():
    analysis = read(
        "The lecture was chaired by the director of the Northgate Film School, Hilary Orme.\n\n"
        "Chair: Thank you. We have twenty minutes for questions.\n\n"
        "Anahit: Then I listen.\n\nChair: And the tree?\n\nAnahit: It never fruits.",
        people=[],
    )
    assert analysis.qa_turns[0].speaker_name == "Hilary Orme"


def test_a_panels_list_heading_a_fans_description_and_a_surnames_nickname_since_childhood():
    analysis = read(
        "ON THE PANEL: Maria Lourdes Ramos-Cruz (Cora) and Rodrigo Villa (Iggy).\n\n"
        "Ramos-Cruz has been Lulu since she was a baby.\n\n"
        "The session was moderated by the radio presenter Ruby Ashcroft-Kay.\n\n"
        "Moderator: Let's go straight to the queue.\n\n"
        "Fan in a manananggal costume: Hi. This is for Lulu. Was that your real hair?\n\n"
        "Lulu: It was my real hair.\n\n"
        "Moderator: Next question.",
        people=[],
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        "Ruby Ashcroft-Kay",
        "audience member",
        "Maria Lourdes Ramos-Cruz",
        "Ruby Ashcroft-Kay",
    ]


def test_a_relative_in_the_story_before_a_parenthesis_is_the_role():
    analysis = read(
        "The keeper, Hallgrímur Sigurðsson, played by Egill Þórsson, lives in the lighthouse with his daughter, "
        "Katla Hallgrímsdóttir (Ragnheiður Jónsdóttir). Then the mail boat brings an English ornithologist, "
        "Dr Peter Ansty (Simon Dray).\n\nIcelanders mostly have no family names: Hallgrímur is the son of "
        "Sigurður, so Sigurðsson, and his daughter is Hallgrímsdóttir.\n\n"
        "Ragnheiður is better still. Katla is 19 and desperate to leave.\n\n"
        "Dray has the hardest job, because Ansty is the one character we are not supposed to understand.\n\n"
        "A storm cuts the island off. Ansty goes missing. Katla finds his notebook. When Ansty finally comes back, "
        "Katla has burned it, and Ansty laughs.",
        people=[],
    )
    assert {("Ragnheiður Jónsdóttir", "Katla Hallgrímsdóttir"), ("Simon Dray", "Dr Peter Ansty")} <= credits_of(
        analysis
    )


def test_a_where_are_they_now_entry_gives_the_name_then_and_the_name_now_of_one_person():
    analysis = read(
        "MILDA\n\nThen: played by Rūta Kazlauskė, aged 11\n\nNow: Rūta Petrienė, 41, vet, Kaunas\n\n"
        "Milda was the farmer's niece. “Only the goat would recognise both of us,” Kazlauskė said.\n\n"
        "NIPPER\n\nThen: played by Liam Carden, aged 10\n\nNow: Father Liam Carden, parish priest\n\n"
        "“One of the altar servers found the videos,” he said.",
        people=[],
    )
    assert speakers(analysis) == [("Rūta Petrienė", True), ("Liam Carden", True)]


def test_a_surname_label_that_opens_with_its_particle_is_a_turn():
    analysis = read(
        "Owain ap Rhys has read every book in the series aloud. We met him in the studio.\n\n"
        "Bramley: How long did it take?\n\nap Rhys: Nine days, and two of them were the dog's.\n\n"
        "Bramley: Which voice was hardest?\n\nap Rhys: The narrator's. He has no accent to hide behind.",
        people=[],
        headline="Owain ap Rhys on the long read, by Tessa Bramley",
    )
    assert [(turn.role, turn.speaker_name) for turn in analysis.qa_turns][1::2] == [("answer", "Owain ap Rhys")] * 2


def test_a_forums_prefixed_usernames_are_the_guests_accounts_and_the_readers_who_ask():
    analysis = read(
        "Mirela Dobrescu, the writer behind the ferry drama, answered readers' questions on Sunday.\n\n"
        "She posted as u/MirelaD_writes; the other usernames are readers'.\n\n"
        "u/portside: Hi Mirela! Was the ferry real?\n\n"
        "u/MirelaD_writes: Completely real. Hello to everyone in Constanța.\n\n"
        "u/deckhand_99: The last scene broke me. I am still not over it.\n\n"
        "u/MirelaD_writes: I am sorry. Who asked you? Nobody. Good.\n\n"
        "u/GullWatcher: Hello from Tulcea! I'm Ilinca Popa and I count birds. Who advised you on the gulls?\n\n"
        "u/MirelaD_writes: Ilinca, thank you: a man from the delta.",
        people=[],
    )
    assert [(turn.role, turn.speaker_name) for turn in analysis.qa_turns] == [
        ("question", None),
        ("answer", "Mirela Dobrescu"),
        ("question", None),
        ("answer", "Mirela Dobrescu"),
        ("question", "Ilinca Popa"),
        ("answer", "Mirela Dobrescu"),
    ]


def test_a_person_described_as_the_writer_behind_a_show_is_no_show():
    analysis = read(
        "The ferry drama ended last week.\n\n"
        "Mirela Dobrescu, the writer behind the drama, answered questions all evening.\n\n"
        "“Nobody expected the gulls,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("Mirela Dobrescu", True)]


def test_a_she_after_an_unnamed_spokeswoman_in_her_paragraph_is_nobody_named():
    analysis = read(
        "Wren Adair-Cole, 71, plays the harbourmaster. “I have never been happier,” Adair-Cole said.\n\n"
        "Asked what the second series would cost, a spokeswoman for the channel declined to say. "
        "“It would spoil the surprise,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("Wren Adair-Cole", True), (None, False)]


@pytest.mark.parametrize(
    "introduction",
    [
        "Mateus Ferraz Lobo, a ferry mechanic from Santos, goes by Teco, and",
        "Mateus Ferraz Lobo, a ferry mechanic from Santos, has been Teco since he could walk, and",
        "Mateus Ferraz Lobo is a ferry mechanic from Santos. He goes by Teco, and",
    ],
)
def test_a_nickname_given_after_a_description_or_by_goes_by_is_the_same_person(introduction):
    analysis = read(
        f"{introduction} he brought a thermos to every episode.\n\n"
        "“My grandmother's recipe,” Teco told the camera. “Do not ask for it.”",
        people=[],
    )
    assert speakers(analysis) == [("Mateus Ferraz Lobo", True)] * 2


def test_the_judge_is_the_one_of_the_listed_judges_named_last():
    analysis = read(
        "The judges, as ever, were the chef Bruno Castellane, who has no patience, and the food writer "
        "Imogen Tallis-Reid, who never finishes a plate.\n\n"
        "Tallis-Reid ate every crumb, and the camera cut to the presenter, Dougie Marr, who gasped. "
        "“I have never done that before,” the judge said.",
        people=[],
    )
    assert speakers(analysis) == [("Imogen Tallis-Reid", True)]


def test_a_job_set_beside_a_cue_names_its_holder_after_a_job_of_its_own():
    analysis = read(
        "Noor Haddad baked all night, so the second critic, the food writer Imogen Tallis-Reid, described her cake "
        "as “more a building than a bake”.",
        people=[],
    )
    assert speakers(analysis) == [("Imogen Tallis-Reid", True)]


def test_a_name_written_family_name_first_is_the_same_person():
    analysis = read(
        "Zsófia Haraszti has coached fencing in Leeds since 1991.\n\n"
        "In Hungary the family name comes first, so at home she was Haraszti Zsófia.\n\n"
        "“The sabre was my idea,” Zsófia said.",
        people=[],
    )
    assert speakers(analysis) == [("Zsófia Haraszti", True)]


def test_a_name_somebody_calls_her_by_is_nobody_new():
    analysis = read(
        "Zsófia Haraszti has coached fencing in Leeds since 1991. The documentary calls her Mrs Zsófia Pell "
        "throughout, after her late husband.\n\n"
        "“I kept my own name,” Zsófia said.",
        people=[],
    )
    assert speakers(analysis) == [("Zsófia Haraszti", True)]


@pytest.mark.parametrize(
    ("between", "lead_in"),
    [
        ("", "Her letter, which she asked us to print in full, reads:"),
        (
            "Kit Ambrose, its director, stands by his film. Ruth Ambrose, his wife, produced it.\n\n",
            "Her letter, which Haraszti asked us to print in full, reads:",
        ),
    ],
)
def test_her_letter_reads_gives_the_letter_below_to_her(between, lead_in):
    analysis = read(
        "Zsófia Haraszti, 74, has coached fencing in Leeds since 1991, and she has written to us about the "
        f"documentary.\n\n{between}{lead_in}\n\n"
        "“The film is kind, but it is not true. I never fenced for Hungary.”\n\n"
        "Mo Adair, its editor, stands by her film. “We made it colder,” Adair said.",
        people=[],
    )
    assert speakers(analysis) == [("Zsófia Haraszti", True), ("Mo Adair", True)]


def test_someone_who_gives_only_a_first_name_is_nobody_the_article_names():
    analysis = read(
        "Tobias Quaye-Linden has played the lead since the first night.\n\n"
        "The stage-door keeper, a man of about seventy who would give his name only as Sid, has seen it all. "
        "“Every night it's like this,” he said.",
        people=[],
    )
    assert speakers(analysis) == [(None, False)]


def test_an_understudy_is_no_role_of_the_actor_who_usually_plays_the_part():
    analysis = read(
        "Saturday's Kwame, the eldest son, was not Obinna Eze, who usually plays him, but his understudy, "
        "Tobi Adeyemi-Hart, 23, who has now gone on eleven times.",
        people=[],
    )
    assert ("Obinna Eze", "Tobi Adeyemi-Hart") not in credits_of(analysis)


def test_a_mama_title_is_a_woman_and_a_quote_that_opens_on_someone_is_not_theirs():
    analysis = read(
        "Everybody calls the matriarch Mama Kwame, and she is played by Adaeze Okafor.\n\n"
        "Saturday's Kwame was not Obinna Eze, who usually plays him, but his understudy, Tobi Adeyemi-Hart, "
        "23. He came out looking dazed.\n\n"
        "“Obinna had a sore throat at six,” he said. “At twenty to seven I was Kwame.”",
        people=[],
    )
    assert speakers(analysis) == [("Tobi Adeyemi-Hart", True)] * 2


def test_a_london_district_is_nobody():
    analysis = read(
        "The comedy has reached its 200th West End performance.\n\n“Nobody expected it,” he said.",
        people=[],
    )
    assert speakers(analysis)[0][0] is None


def test_in_a_paragraph_about_nicknames_a_full_name_is_the_one_word_it_is():
    analysis = read(
        "A word on names. Most Thais have a nickname for life: Kanokwan Sriwong is Fon, which means rain, and "
        "the director, Pichit Rattanakul, is Golf, because his father liked the game.\n\n"
        "“We shot it in one night,” Golf said. “Fon cried on every take.”\n\n"
        "“I did,” Fon said.",
        people=[],
    )
    assert speakers(analysis) == [("Pichit Rattanakul", True)] * 2 + [("Kanokwan Sriwong", True)]


def test_a_person_at_a_company_is_who_speaks_not_the_company():
    analysis = read(
        "The title changed because, Ruth Abernethy at Lantern Subtitles tells me, “nobody buys a ticket for a "
        "film called Wall”.",
        people=[],
    )
    assert speakers(analysis) == [("Ruth Abernethy", True)]


def test_she_after_my_mother_in_her_paragraph_is_the_writers_mother_named_earlier():
    analysis = read(
        "I ring my mother, Farideh Amini, for a second opinion. “Leave them,” she says.\n\n"
        "The ending is mended by the granddaughter, Shirin, played by Yasaman Tehrani, who does it herself.\n\n"
        "The distributor sends flowers, which my mother immediately rearranges. “Chrysanthemums are for "
        "funerals,” she says.",
        people=[],
    )
    assert speakers(analysis) == [("Farideh Amini", True)] * 2


def test_don_before_a_given_name_is_the_person_of_that_given_name_and_a_granddaughter_is_a_woman():
    analysis = read(
        "Best actor went to Wilber Huamán Ccori, 68, a farmer from near Cusco. To his neighbours he is "
        "Don Wilber. He accepted the prize through his granddaughter, Yesenia Huamán Quispe, who translated.\n\n"
        "“My whole village is watching,” he said.",
        people=[],
    )
    assert speakers(analysis) == [("Wilber Huamán Ccori", True)]


def test_any_verb_before_a_name_that_ends_the_sentence_is_a_cue():
    analysis = read(
        "Fiona Lusted created the show. Maria Fontoura starred in it.\n\n"
        "‘Nobody has ever asked for it back,’ Fontoura says.\n\n‘Nobody would dare,’ murmurs Lusted.",
        people=[],
    )
    assert speakers(analysis) == [("Maria Fontoura", True), ("Fiona Lusted", True)]


def test_a_quote_that_speaks_of_someone_in_a_later_clause_is_not_theirs():
    analysis = read(
        "Kofi Mensah-Reid, 31, took over the lead in March. His co-star, Bilal Haddad, had the flu.\n\n"
        "“We rehearsed it for a week, and Bilal learned every line of mine,” he said.",
        people=[],
    )
    assert speakers(analysis) == [("Kofi Mensah-Reid", True)]


def test_a_ratings_tables_rows_are_no_cast_list():
    analysis = read(
        "The week's top ten:\n\n1. Night Shift – Channel Mardale – 6.02m\n\n2. Bargain Barns – Copperleaf – 5.90m",
        people=[],
    )
    assert credits_of(analysis) == set()


def test_his_last_line_comma_before_the_quote_is_his_not_the_one_he_speaks_to():
    analysis = read(
        "Kwame Asante-Bell, who played the landlord Papa Kofi in all nine series, has died. In the final "
        "episode, Papa Kofi hands the keys to his grandson, Kobby Mensah, and walks out into the snow. His last "
        "line, “A house is only bricks, Kobby,” was voted the best in British sitcom.",
        people=[],
    )
    assert speakers(analysis) == [("Kwame Asante-Bell", True)]


def test_a_relative_after_an_actors_possessive_is_no_role():
    analysis = read(
        "Dalia Rimkienė's daughter, Austėja Rimkaitė, is sixteen and already in the business.",
        people=[],
    )
    assert credits_of(analysis) == set()


def test_a_brother_and_sister_named_after_their_two_words_and_an_elder_by_given_name():
    analysis = read(
        "The film was directed by a brother and sister, Hendrik du Plessis and Marike du Plessis, and dressed by "
        "their mother, Elsabé du Plessis-Malan. The engine driver was played by the late Jannie van Wyk. The "
        "South African comedy became a hit.\n\n"
        "Hendrik begins by explaining that they had the crane for a day. “We used it for four minutes,” he says.\n\n"
        "On set she was Tannie Elsabé to everybody. “It was good fabric,” says Tannie Elsabé.",
        people=[],
    )
    assert speakers(analysis) == [("Hendrik du Plessis", True), ("Elsabé du Plessis-Malan", True)]


def test_a_name_that_reports_something_else_after_a_quote_is_no_cue_for_it():
    analysis = read(
        "Giles Fenwick-Hart's hapless English fugitive, Roddy Pymm, remains the best thing he has done. Marike "
        "du Plessis directed it.\n\n"
        "In the dining-car scene, Roddy asks the waiter, “Is it always this hot?”, and Marike admits that "
        "Fenwick-Hart really was that hot.",
        people=[],
    )
    assert speakers(analysis) == [("Giles Fenwick-Hart", True)]


def test_a_phone_ins_caller_label_with_a_place_is_the_caller_the_host_named():
    analysis = read(
        "Harpreet Gill presents the phone-in.\n\n"
        "HARPREET: Gurdev Singh is on the line from Smethwick. Gurdev, you're on air.\n\n"
        "GURDEV IN SMETHWICK: I drove a cab for thirty years. How did you get the voice right?\n\n"
        "HARPREET: Good question. Next, Linda in Mansfield.\n\n"
        "LINDA IN MANSFIELD: Hiya. My husband loves it.",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns][1] == "Gurdev Singh"


def test_a_shared_surname_alone_is_the_one_of_them_who_has_spoken_so_far():
    analysis = read(
        "Matthieu Le Gall plays the weaver Étienne Roux.\n\n"
        "Dr Anne-Sophie Le Gall, who teaches labour history, is the older sister of the actor who plays Étienne. "
        "“I told him not to do it,” she says.\n\n"
        "“That is the one line I would put in an exam,” says Le Gall.",
        people=[],
    )
    assert speakers(analysis) == [("Anne-Sophie Le Gall", True)] * 2


def test_a_lead_in_that_turns_to_someone_else_goes_on_with_the_last_speaker():
    analysis = read(
        "Daw Khin Mya Aye walked to the stage slowly.\n\n"
        "“I am seventy-four years old,” she said. “I would like to thank my daughter.\n\n"
        "“I would like to thank the river.”\n\n"
        "Then, to the orchestra, which had lifted its bows: “I am finished. You may play.”",
        people=[],
    )
    assert [name for name, _ in speakers(analysis)] == ["Khin Mya Aye"] * 3


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("„", "“"), ("„", "”"), ("«", "»"), ("« ", " »"), ("»", "«")],
    ids=["german", "german-with-an-english-close", "french", "french-spaced", "danish"],
)
def test_quotes_in_german_french_or_danish_marks_are_found_and_given(opening, closing):
    analysis = read(
        "Wiebke Sandhagen has voiced the harbour master for six seasons.\n\n"
        f"{opening}The fog is the hardest part,{closing} she says. {opening}It has no mouth to match.{closing}",
        people=[],
    )
    assert [quote.text for quote in analysis.quotes] == ["The fog is the hardest part,", "It has no mouth to match."]
    assert speakers(analysis) == [("Wiebke Sandhagen", True)] * 2


def test_quote_marks_are_read_in_place_so_the_paragraph_keeps_its_own():
    body = "„Noch einmal,“ says Wiebke Sandhagen."
    analysis = read(body, people=[])
    assert analysis.paragraphs == [body]
    assert analysis.quotes[0].text == "Noch einmal,"


@pytest.mark.parametrize(
    ("introduced", "later"),
    [
        ("Weyzero Almaz Derese", "Derese"),
        ("Datuk Rosli bin Kassim", "Datuk Rosli"),
        ("Encik Hafiz bin Omar", "Encik Hafiz"),
        ("Der Garegin Hovsepian", "Hovsepian"),
        ("Cikgu Salmah binti Idris", "Cikgu Salmah"),
    ],
)
def test_a_form_of_address_before_a_full_name_is_not_part_of_it(introduced, later):
    analysis = read(
        f"{introduced} opened the village hall for the crew.\n\n“The roof leaks only when it rains,” said {later}.",
        people=[],
    )
    name = introduced.split(" ", 1)[1]
    assert speakers(analysis) == [(name, True)]


def test_an_ethiopian_form_of_address_goes_with_the_given_name_not_a_daughters_second_name():
    analysis = read(
        "Bereket Wolde plays the café owner, and his daughter Saba Bereket plays his niece.\n\n"
        "Ato Bereket, reading a newspaper, did not look up. “The coffee is the real star,” he said.",
        people=[],
    )
    assert speakers(analysis) == [("Bereket Wolde", True)]


def test_his_father_is_the_one_of_his_family_name_when_both_carry_a_generation_suffix():
    analysis = read(
        "Dionisio Lacson Jr. plays the son; his real father, Dionisio Lacson Sr., plays the grandfather.\n\n"
        "“We both answer to Dionisio,” said Lacson Jr.\n\n"
        "“I answer first,” said his father, who is 71.",
        people=[],
    )
    assert speakers(analysis) == [("Dionisio Lacson Jr.", True), ("Dionisio Lacson Sr.", True)]


@pytest.mark.parametrize(
    "name",
    ["Ma. Luisa Dimaculangan", "Ts. Oyunbileg", "Md. Anisur Rahman", "Mohd. Faizal bin Ahmad"],
)
def test_an_abbreviated_given_name_or_a_two_letter_initial_is_part_of_the_name(name):
    analysis = read(f"{name} wrote the pilot in a week.\n\n“I had a deadline and a kettle,” she said.", people=[])
    assert speakers(analysis) == [(name, True)]


def test_an_initialled_name_is_not_the_father_the_article_says_the_initial_stands_for():
    analysis = read(
        "P. Kalaiselvi directed the film. The P in P. Kalaiselvi is for her father, Pandiyan, a tailor.\n\n"
        "“He taught me to measure twice,” said Kalaiselvi.",
        people=[],
    )
    assert speakers(analysis) == [("P. Kalaiselvi", True)]


def test_a_relative_named_twice_over_is_no_credit():
    analysis = read("Her son, Tom, is Tom Ashby, a carpenter from Leek.", people=[])
    assert ("Tom Ashby", "Tom") not in credits_of(analysis)


def test_a_script_read_aloud_in_single_marks_is_quoted_in_an_article_that_quotes_in_double_ones():
    analysis = read(
        "Hemi Walker plays the grandfather. “I read the script in one night,” Walker said. “Then again. Then "
        "a third time,” he added. “My wife read it too.”\n\n"
        "At the read-through, Walker begins. ‘Wake me when the bread is done.’\n\n"
        "The series is nicknamed ‘the kitchen one’ by the crew, and the hall is called ‘Te Aroha’.",
        people=[],
    )
    assert [quote.text for quote in analysis.quotes] == [
        "I read the script in one night,",
        "Then again. Then a third time,",
        "My wife read it too.",
        "Wake me when the bread is done.",
    ]
    assert speakers(analysis) == [("Hemi Walker", True)] * 4


def test_how_a_name_is_shortened_is_no_credit():
    analysis = read(
        "People are called by the last of their names: so Lê Văn Tâm is Tâm, and Võ Thị Ngọc Lan is Ngọc Lan.",
        people=[],
    )
    assert ("Võ Thị Ngọc Lan", "Ngọc Lan") not in credits_of(analysis)


def test_a_people_written_with_its_nationality_is_nobody():
    analysis = read(
        "K. R. Selvam took his father's name as a surname, as many British Tamils do.\n\n"
        "At a Q&A, speaking in Tamil with the director translating, he explained that his mother drew one "
        "every day. “I watched her from the doorstep for sixty years,” he said.",
        people=[],
    )
    assert "British Tamils" not in analysis.introduced
    assert speakers(analysis) == [("K. R. Selvam", True)]


def test_a_key_to_a_transcripts_labels_names_who_each_label_is():
    analysis = read(
        "Everyone here goes by a nickname. For the record: QUINHO is Joaquim Teles Barbosa, who wrote the "
        "series; NANDA is Fernanda Rocha Lemos, who played the daughter; and LULA is Luísa Prado Amaral, "
        "the producer.\n\n"
        "QUINHO: I wrote it in a week.\n\n"
        "NANDA: He wrote it in a year.\n\n"
        "LULA: I paid for the year.",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Joaquim Teles Barbosa",
        "Fernanda Rocha Lemos",
        "Luísa Prado Amaral",
    ]


def test_after_a_paragraph_on_how_twins_are_named_each_full_name_is_what_it_is_named():
    analysis = read(
        "In Yoruba families, twins are named for the order in which they arrive.\n\n"
        "So Adunni Adeyemi, born at 2.10am, is Taiwo, and Morenike Adeyemi, born at 2.25am, is Kehinde.\n\n"
        "TAIWO: I was first.\n\n"
        "KEHINDE: I let her be first.",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == ["Adunni Adeyemi", "Morenike Adeyemi"]
    assert not analysis.credits


@pytest.mark.parametrize(
    "introduction",
    [
        "The woman on the ledge is Kanokporn Saelim, 31, the stunt double for the lead, and everybody on the set "
        "calls her Ploy.",
        "The woman on the ledge is Kanokporn Saelim, 31, who has been jumping off roofs since she was sixteen "
        "and is called Ploy by everybody.",
    ],
)
def test_a_nickname_everybody_calls_her_or_she_is_called_by_everybody_is_hers(introduction):
    analysis = read(
        f"{introduction}\n\nThe lead is Dararat Wongsa. “I only run,” Dararat said.\n\n"
        "Ploy does the jump. She did it nine times before lunch. “The trick is not to look,” she said.",
        people=[],
    )
    assert speakers(analysis)[-1] == ("Kanokporn Saelim", True)


@pytest.mark.parametrize("people", [[], [{"key": "levan-gelashvili", "name": "Levan Gelashvili"}]])
def test_a_roles_nickname_speaks_for_the_actor_who_plays_the_role(people):
    analysis = read(
        "The host is the bride's uncle, Davit Kapanadze, known to the whole family as Dato, and he is voiced by "
        "Levan Gelashvili.\n\n“No,” says Dato.",
        people=people,
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Levan Gelashvili"]


def test_a_transcript_label_with_how_the_words_arrived_is_no_credit():
    analysis = read(
        "HOST: We have a message from your on-screen mother. Zsuzsa Kertész, everybody.\n\n"
        "ZSUZSA (VOICE NOTE): Hello from Pécs. She ate all the cake.\n\n"
        "HOST: Thank you, Zsuzsa.",
        people=[],
    )
    assert not analysis.credits


def test_a_turkish_form_of_address_after_a_given_name_is_that_person():
    analysis = read(
        "Nurhan Aksoy, who owns the tea garden, is 71.\n\n"
        "“Forty years I have said no to television,” says Nurhan Hanım.",
        people=[],
    )
    assert speakers(analysis) == [("Nurhan Aksoy", True)]


def test_the_chair_of_a_panel_written_up_under_her_byline_asks_as_chair():
    analysis = read(
        "Chaired and written up by Tamsin Okoro-Blake\n\n"
        "The cast of the voyaging drama took questions at the festival.\n\n"
        "CHAIR: Let's start with the ship. Is it real?\n\n"
        "TALIA WENDT: Half of it is.\n\n"
        "CHAIR: Which half?\n\n"
        "TALIA WENDT: The half that floats.",
        people=[],
    )
    assert [turn.speaker_written for turn in analysis.qa_turns] == ["Tamsin Okoro-Blake", "Talia Wendt"] * 2


def test_narration_after_a_transcript_quoting_in_guillemets_is_the_writers_again():
    analysis = read(
        "Ramzi Khoury and his son Elie Khoury were interviewed at the kitchen table.\n\n"
        "Q: Whose idea was the film?\n\n"
        "RAMZI KHOURY: His. I said no twice.\n\n"
        "Q: And the third time?\n\n"
        "RAMZI KHOURY: I was hungry.\n\n"
        "Nour Khoury, who had been listening from the next room, disagreed. «They have argued for thirty years,» "
        "she said. «Now they are paid for it.»",
        people=[],
    )
    assert [quote.text for quote in analysis.quotes] == [
        "They have argued for thirty years,",
        "Now they are paid for it.",
    ]
    assert speakers(analysis) == [("Nour Khoury", True)] * 2


def test_a_list_of_first_names_and_what_their_owners_are_called_gives_nicknames():
    analysis = read(
        "The judges are Bartłomiej Wrona and Agnieszka Sowa, and the finalists Katarzyna Lis and Grzegorz Kos.\n\n"
        "Nobody here is called by the name on their passport: Katarzyna is Kasia, Grzegorz is Grzesiek, and "
        "Bartłomiej is Bartek.\n\n"
        "“The stew needs four days,” says Bartek. “It has had four hours.”\n\n"
        "“Then it will be a four-hour stew,” says Kasia.",
        people=[],
    )
    assert [name for name, _ in speakers(analysis)] == ["Bartłomiej Wrona", "Bartłomiej Wrona", "Katarzyna Lis"]


def test_a_nickname_after_a_plain_description_is_the_persons():
    analysis = read(
        "The first judge is Radomir Wrona, chef-owner of a restaurant in Kraków that nobody can book, known to "
        "everyone in the barn as Radek.\n\n“Four hours is not enough,” Radek says.",
        people=[],
    )
    assert speakers(analysis) == [("Radomir Wrona", True)]


def test_a_short_name_at_a_sentences_end_is_not_run_into_the_next_sentence():
    analysis = read(
        "It stars Simran Kaur Gill, who plays the family's eldest daughter, Jas. Her father, Harpal Singh Gill, "
        "plays her uncle.\n\n“It was his idea,” said Ma. Then she laughed.",
        people=[],
    )
    assert ("Simran Kaur Gill", "Jas") in credits_of(analysis)
    assert not any("Then" in (name or "") for name, _ in speakers(analysis))


def test_a_parent_called_by_the_eldest_childs_name_is_a_nickname_not_someone_new():
    analysis = read(
        "Many Arab parents are known by the name of their eldest son, Abu, father of, and Umm, mother of: so "
        "Elias Haddad is Abu Samir to his whole street, and his wife, Rima Haddad, is Umm Samir.\n\n"
        "“They have argued for forty years,” said Umm Samir.",
        people=[],
    )
    assert "Umm Samir" not in analysis.introduced
    assert not analysis.credits
    assert speakers(analysis) == [("Rima Haddad", True)]


def test_a_balinese_name_keeps_the_i_that_opens_it():
    analysis = read(
        "Her father is played by I Nyoman Sukadana, a gamelan teacher.\n\n“I am her father on set,” said Sukadana.",
        people=[],
    )
    assert speakers(analysis) == [("I Nyoman Sukadana", True)]


def test_a_role_known_by_a_nickname_then_is_an_actor_is_a_credit_and_the_nickname_speaks_for_her():
    analysis = read(
        "For newcomers: Kamala Rajaratnam, known to the whole street as Kamala Aunty, is Tharshini Yogarajah, "
        "who has played her since the first episode.\n\n"
        "We open at dawn with Kamala Aunty inspecting the hall. ‘Marigolds,’ she says. ‘In my day we had "
        "jasmine.’",
        people=[],
    )
    assert ("Tharshini Yogarajah", "Kamala Rajaratnam") in credits_of(analysis)
    assert speakers(analysis) == [("Tharshini Yogarajah", True)] * 2


def test_a_sign_language_is_nobody():
    analysis = read(
        "Akosua Mensah-Bright learned to sign before she could talk.\n\n"
        "Ghanaian Sign Language grew out of American Sign Language, and British Sign Language did not, so "
        "Mensah-Bright interprets between two sign languages at once, which she describes as ‘like translating "
        "Twi into Scottish’.",
        people=[],
    )
    assert "Ghanaian Sign Language" not in analysis.introduced
    assert all(name != "Ghanaian Sign Language" for name, _ in speakers(analysis))


def test_a_name_only_the_headline_writes_in_full_is_the_person_its_surname_stands_for():
    analysis = read(
        "Q: Where did you meet?\n\nBeltrán: At the market.\n\n"
        "Afterwards Beltrán lit a cigarette. “I have given these up,” she said.",
        people=[],
        headline="Salt and silence: Jimena Beltrán Choque on her first feature",
    )
    assert speakers(analysis) == [("Jimena Beltrán Choque", True)]
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Jimena Beltrán Choque"]


def test_a_headline_slogan_or_place_is_nobody_even_when_its_last_word_recurs():
    analysis = read(
        "The jury of the Lago Verde Film Festival met on Monday. Its president, Odile Kerven, spoke first.\n\n"
        "“We will argue like a family,” Kerven said.",
        people=[],
        headline="Lago Verde jury promises to argue as Odile Kerven takes the chair",
    )
    assert "Lago Verde" not in analysis.introduced
    analysis = read(
        "Know the cast before you go. You should see it twice.\n\n“Twice at least,” said Ottilie Brandt.",
        people=[],
        headline="Things You Should Know About Harbour Lights",
    )
    assert analysis.introduced == ["Ottilie Brandt"]


def test_a_credit_after_and_is_its_own_and_a_veteran_from_a_named_place_is_the_actor():
    analysis = read(
        "It follows Wayta, who inherits her grandmother's salt pans. Her grandmother, Mama Sebastiana, is the "
        "Cusco stage veteran Eustaquia Huallpa Ríos, and the neighbour she feuds with, Don Leoncio, is played "
        "by Marcelino Ttito Sánchez.",
        people=[],
    )
    assert credits_of(analysis) == {
        ("Eustaquia Huallpa Ríos", "Mama Sebastiana"),
        ("Marcelino Ttito Sánchez", "Don Leoncio"),
    }


def test_a_pronoun_after_he_and_a_name_is_the_first_pronouns_not_the_names():
    analysis = read(
        "Inés Roca plays the daughter; she is nineteen. Tomás Ferrer plays the neighbour.\n\n"
        "Asked whether he and Roca had become friends, he paused. “We are friends now,” he said.\n\n"
        "Later Roca was asked too. “He is my friend,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("Tomás Ferrer", True), ("Inés Roca", True)]


def test_the_actress_is_someone_the_article_casts_not_the_crew_member_named_beside_her():
    analysis = read(
        "The head of make-up is Nkechi Adebayo-Rhys, and she mixed the blue herself. The matriarch is played by "
        "Folake Adesanya-Bright as Mama Ayo.\n\n"
        "Adesanya-Bright is first into the chair. There is a faint blue line under her eye, where, Adebayo-Rhys "
        "explains, the dye never came out. “It is not in the script,” the actress says.",
        people=[],
    )
    assert speakers(analysis) == [("Folake Adesanya-Bright", True)]


def test_a_relative_named_without_a_comma_then_described_is_a_credit():
    analysis = read(
        "The matriarch is played by Ronke Alade; her son Bayo, the dreamer who wants to sell to Lagos boutiques, "
        "is Segun Fashola-Reid; and his wife, Kemi, who keeps the books, is Amaka Obi.",
        people=[],
    )
    assert ("Segun Fashola-Reid", "Bayo") in credits_of(analysis)
    analysis = read(
        "For newcomers: Pushpa Nathan, known to the whole street and most of the country as Pushpa Aunty, is "
        "Vasuki Ramesh, who has played her since the first episode.",
        people=[],
    )
    assert credits_of(analysis) == {("Vasuki Ramesh", "Pushpa Nathan")}


def test_words_written_in_his_hand_are_his_and_the_word_before_them_is_nobody():
    analysis = read(
        "Tunde Okafor runs the trailer. Okafor has the post printed and pinned above the mirror. Underneath "
        "it, in his handwriting: “Never again.”",
        people=[],
    )
    assert speakers(analysis) == [("Tunde Okafor", True)]


def test_an_actor_is_the_described_role_set_off_by_a_comma_after_an_aside_about_the_actor():
    analysis = read(
        "Gethin Lloyd-Osei, whose mother is from Accra and whose father is from Bala, is the youngest quarryman, "
        "Wil Bach. And the Derry actress Orla Keane-Doherty is the English schoolteacher, Miss Haverley, whom "
        "the town refuses to like. Ffion Parry is the director, Nia.",
        people=[],
    )
    assert credits_of(analysis) == {("Gethin Lloyd-Osei", "Wil Bach"), ("Orla Keane-Doherty", "Miss Haverley")}


def test_a_name_first_written_as_the_credits_render_it_gives_way_to_the_name_the_article_uses():
    analysis = read(
        "The original credits list everyone family name first, so the star appears as Kertész Ilona; this "
        "review turns the names round.\n\nThe widow, Terézia Szalay, is played by Ilona Kertész.\n\n"
        "“Forty-one,” Kertész says on the last card.",
        people=[],
    )
    assert credits_of(analysis) == {("Ilona Kertész", "Terézia Szalay")}
    assert analysis.introduced == ["Ilona Kertész"]
    assert speakers(analysis) == [("Ilona Kertész", True)]


def test_a_puppet_worked_by_its_puppeteer_is_a_credit():
    analysis = read(
        "Pöllö argues with Herra Hirvi, a moose too tall to be seen. Herra Hirvi is worked by Veikko Rautio.",
        people=[],
    )
    assert credits_of(analysis) == {("Veikko Rautio", "Herra Hirvi")}


def test_a_gapped_credit_whose_role_is_described_after_its_name():
    analysis = read(
        "Its heroine, the seamstress Glória, was played by Thaís Moura Lima; its hero, the lorry driver Jorge, by "
        "Rafael Couto Brandão; and its villain, Dona Zuleide, the landlady who owns half the street and wants "
        "the other half, by Aparecida Fontes, then 58.",
        people=[],
    )
    assert ("Aparecida Fontes", "Dona Zuleide") in credits_of(analysis)


def test_someone_who_asked_him_is_not_the_he_who_answers():
    analysis = read(
        "The host is Roseline Blaise. Round one was all Jean-Wesner Dorval. He took the first category, and when "
        "Blaise asked him how, he shrugged. “Fifteen years in a taxi,” he said.\n\n"
        "Blaise put her cards down. “Forgive me,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("Jean-Wesner Dorval", True), ("Roseline Blaise", True)]


def test_an_actor_who_shares_her_roles_first_name_keeps_her_patronymic_to_herself():
    analysis = read(
        "The neighbour, also called Halyna, is played by Halyna Stepanenko.\n\n"
        "In Ukrainian, politeness joins a first name to a patronymic, so on set Halyna Stepanenko was Halyna "
        "Ivanivna to everybody under sixty.",
        people=[],
    )
    assert credits_of(analysis) == {("Halyna Stepanenko", "Halyna")}
    analysis = read(
        "The neighbour, Halyna, is played by Oksana Stepanenko. By the last episode Halyna Petrenko has sold the farm.",
        people=[],
    )
    assert credits_of(analysis) == {("Oksana Stepanenko", "Halyna Petrenko")}


def test_a_full_name_and_the_same_name_without_its_middle_are_one_person_by_the_shorter():
    analysis = read(
        "It was created by Mariam bint Khalid Al Mansoori, who read every entry herself. Her name runs from her "
        "given name through bint, daughter of, and her father's name to the family name; professionally she is "
        "Mariam Al Mansoori.\n\n“We expected space battles,” Al Mansoori said.",
        people=[],
    )
    assert analysis.introduced == ["Mariam Al Mansoori"]
    assert speakers(analysis) == [("Mariam Al Mansoori", True)]


def test_a_title_in_a_prize_list_with_its_maker_in_brackets_is_no_credit():
    analysis = read(
        "The prizes in full: Golden Amphora, The Grape Pressers (Levan Mchedlishvili); best performance, Ousmane "
        "Faye, Low Tide; special mention, The Loom at Night (Dildora Yusupova).\n\n"
        "In the film, The Doctor (Ama Serwaa Boateng) and Jassim (Omar Al Shamsi) are stuck in a lift.",
        people=[],
    )
    assert credits_of(analysis) == {("Ama Serwaa Boateng", "Doctor"), ("Omar Al Shamsi", "Jassim")}


def test_a_judge_styled_her_honour_is_the_judge_and_counsel_for_someone_speaks_for_themselves():
    analysis = read(
        "Stavros Makris, 63, lost his claim against his sister, Maria Makri.\n\n"
        "Handing down judgment, Her Honour Judge Miriam Okafor-Lyle said he was “a genuinely funny man”.\n\n"
        "Rupert Kingsley-Ade KC, for Mr Makris, had argued that his client had been “written out of his own "
        "family's story”. Anjali Desai KC, for Ms Makri and the production company, Hartfield Dene Productions, "
        "said the claim had arrived “one revival too late”.\n\n"
        "The production company, Hartfield Dene Productions, said it was “pleased with the judgment”. Honor "
        "Kilbane, who plays the sister, said she was “relieved, and a little hungry”.",
        people=[],
    )
    assert speakers(analysis) == [
        ("Miriam Okafor-Lyle", True),
        ("Rupert Kingsley-Ade", True),
        ("Anjali Desai", True),
        (None, False),
        ("Honor Kilbane", True),
    ]


def test_the_surnames_of_a_nicknamed_full_name_are_that_person_not_someone_new():
    analysis = read(
        'The town\'s priest, Father Tadeo, is played by Ignacio "Nacho" Pizarro Lagos.\n\n'
        "Pizarro Lagos said playing a priest had caused problems at home. “My mother asks me to bless things,” "
        "he said.",
        people=[],
    )
    assert "Pizarro Lagos" not in analysis.introduced
    assert speakers(analysis) == [("Ignacio Pizarro Lagos", True)]


def test_someone_who_introduced_himself_only_by_a_first_name_is_nobody_the_article_names():
    analysis = read(
        "Josefina de la Fuente Aravena plays the engineer.\n\n"
        "The panel was chaired by a bookseller who introduced himself only as Dev. “Nobody may ask about the "
        "tunnel,” he said.\n\n"
        "De la Fuente Aravena, asked about the accents, laughed. “In Sheffield she sounds very calm,” she said.",
        people=[],
    )
    assert speakers(analysis) == [(None, False), ("Josefina de la Fuente Aravena", True)]


def test_a_forum_thread_answered_by_the_creators_handle_with_burmese_names_and_short_answers():
    analysis = read(
        "Here are the best answers Nandar Hlaing gave the show's fans, with the questions that prompted them.\n\n"
        "The landlady, Daw Khin Khin, is played by May Thet Htar. The schoolmaster U Ba Chit is Aung Kyaw Moe; "
        "the student lodger Ko Zaw is Pyae Sone Min; and the landlady's mother is played by a newcomer.\n\n"
        "u/thirtyseventhstreet: What came first, the house, the landlady or the umbrella?\n\n"
        "NandarH_official: The house. My grandmother ran one like it for twenty years and I grew up on its "
        "stairs.\n\n"
        "u/londonburmesekitchen: Who took the umbrella?\n\n"
        "NandarH_official: Ko Zaw.\n\n"
        "May Thet Htar later posted a photograph of her own umbrella with a caption of one line: “Not mine. Ask "
        "Nandar.”",
        people=[],
    )
    assert [(turn.role, turn.speaker_name) for turn in analysis.qa_turns] == [
        ("question", None),
        ("answer", "Nandar Hlaing"),
        ("question", None),
        ("answer", "Nandar Hlaing"),
    ]
    assert ("May Thet Htar", "Daw Khin Khin") in credits_of(analysis)
    assert ("Pyae Sone Min", "Ko Zaw") in credits_of(analysis)
    assert "Ask Nandar" not in analysis.introduced


def test_what_the_crew_call_someone_after_her_surname_is_no_one_new_and_no_role():
    analysis = read(
        "The firm's owner, Nesrin Hanım, is played by Elif Şahin-Brookes. The stunts are Derya Kocabaş's.\n\n"
        "On set Kocabaş is Derya Abla, big sister, to her team, and the younger crew call Şahin-Brookes Elif "
        "Hanım.\n\n"
        "Şahin-Brookes had never sat on a motorcycle when she was cast. “Derya taught me in a car park,” she says.",
        people=[],
    )
    assert "Şahin-Brookes Elif Hanım" not in analysis.introduced and "Derya Abla" not in analysis.introduced
    assert speakers(analysis) == [("Elif Şahin-Brookes", True)]


def test_a_list_of_roles_each_with_its_voice_and_a_language_word_is_no_part_of_a_role():
    analysis = read(
        "Haru lives with her grandfather, Genzō, and a fox spirit, Kogitsune.\n\n"
        "In the original, Haru is voiced by Ōtsuka Mei, Genzō by the veteran Kanda Tetsuo and Kogitsune by "
        "Ōtsuka Ren. In the English version Haru is voiced by Dana Okonjo-Price.\n\n"
        "In Japanese Haru calls her grandfather ojii-chan.",
        people=[],
    )
    assert credits_of(analysis) == {
        ("Ōtsuka Mei", "Haru"),
        ("Kanda Tetsuo", "Genzō"),
        ("Ōtsuka Ren", "Kogitsune"),
        ("Dana Okonjo-Price", "Haru"),
    }


def test_credits_in_a_round_up_of_casting_directors_and_a_soaps_longest_serving_regulars():
    analysis = read(
        "Joost Visser cast The Lock Keeper's Daughter, whose title role, Anneke, went to Femke de Vries. Michelle "
        "Tan cast Paper Lanterns, the Penang family saga whose matriarch, Madam Khoo, is played by Lim Bee Hoon. "
        "And Simran Kaur cast The Number 9, which made a star of Amrit Kaur Dhillon as the driver Big Parminder.\n\n"
        "The regulars were Parveen Malik of the corner shop, played by Nasreen Akhtar; and Granny MacAulay, "
        "played by Mòrag NicLeòid.\n\n"
        "Its inspector, Marta Lewandowska, is played by Katarzyna Wrona; her sergeant, and eventually rather more "
        "than that, Piotr Zieliński, by Tomasz Wrona, who has been married to her for years; and the harbourmaster "
        "Edmund Kowal, the episode's chief suspect, by the British actor Rupert Ashenden-Moss.",
        people=[],
    )
    assert credits_of(analysis) == {
        ("Femke de Vries", "Anneke"),
        ("Lim Bee Hoon", "Madam Khoo"),
        ("Amrit Kaur Dhillon", "Big Parminder"),
        ("Nasreen Akhtar", "Parveen Malik"),
        ("Mòrag NicLeòid", "Granny MacAulay"),
        ("Katarzyna Wrona", "Marta Lewandowska"),
        ("Tomasz Wrona", "Piotr Zieliński"),
        ("Rupert Ashenden-Moss", "Edmund Kowal"),
    }


def test_mrs_and_a_shared_surname_is_the_one_the_paragraph_has_just_named_in_full():
    analysis = read(
        "Shoshana Adler, 29, is a doctoral student.\n\n"
        "Shoshana made cheese blintzes, with her grandmother, Ruth Adler, 91, watching from the bench. Asked how "
        "they looked, Mrs Adler said only: “Too thick. She knows.”\n\n"
        "Milagros Buenaventura has written a reply to the film.\n\n"
        "Her late husband, Rodel Buenaventura Sr., is played by Jerome Pangan. The man who plays him, Mrs "
        "Buenaventura writes, “stands exactly like him”.",
        people=[],
    )
    assert speakers(analysis)[0] == ("Ruth Adler", True)
    assert speakers(analysis)[1] != ("Rodel Buenaventura Sr.", True)


def test_podcast_hosts_known_by_nicknames_label_their_turns_and_a_name_may_end_in_my():
    analysis = read(
        "The podcast is recorded by two friends: Mohsen Tavakoli-Reid, a radio producer who has been Mo since "
        "primary school; and Charlotte Dunmore-Achebe, who teaches music in Leyton and is Lottie on the podcast "
        "and everywhere else. Their guest was Phạm Thu Hà.\n\n"
        "The ticket girl who wants to be a singer, Hương, is played by the newcomer Vi Thảo My.\n\n"
        "Mo: How did you find the song?\n\n"
        "Hà: In a drawer in Huế, under a tablecloth, in a box of my aunt's letters.\n\n"
        "Lottie: Why not re-record it with a new singer, then?",
        people=[],
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Mohsen Tavakoli-Reid",
        "Phạm Thu Hà",
        "Charlotte Dunmore-Achebe",
    ]
    assert credits_of(analysis) == {("Vi Thảo My", "Hương")}


def test_a_cast_list_that_drops_its_is_an_actor_who_was_her_son_and_a_title_is_no_actor():
    analysis = read(
        "Qin Shuyao is the accountant, Lady Wen; Bai Zhixuan the magistrate, Lu Heng; and the maid, Xiaotao, is "
        "Yan Ke'er.\n\n"
        "The grandmother, Kamakshi Paati, was played by Kalyani Venkatesan. Prakash Raghavan was her son Balu, "
        "who keeps the accounts and loses them.\n\n"
        "The third reader on The Jade Abacus was Achieng Otieno, a teacher in Kisumu. “If my cat leaves the room, "
        "the line is too long,” Otieno says.",
        people=[],
    )
    assert credits_of(analysis) == {
        ("Qin Shuyao", "Lady Wen"),
        ("Bai Zhixuan", "Lu Heng"),
        ("Yan Ke'er", "Xiaotao"),
        ("Kalyani Venkatesan", "Kamakshi Paati"),
        ("Prakash Raghavan", "Balu"),
    }
    assert speakers(analysis) == [("Achieng Otieno", True)]


def test_an_actor_who_would_be_back_as_a_role_or_best_known_for_other_work_will_play_one():
    analysis = read(
        "At eleven, the second post confirmed that Bagus Pramudya Santoso would be back as the driver, Pak "
        "Darto, who was at the wheel when the bus left the bridge.\n\n"
        "At five, a new passenger: Kevin Wijaya, best known for romantic comedies, will play Koh Aming, a man in "
        "a grey suit.",
        people=[],
    )
    assert credits_of(analysis) == {("Bagus Pramudya Santoso", "Pak Darto"), ("Kevin Wijaya", "Koh Aming")}


def test_the_young_rosa_at_the_start_of_a_sentence_is_a_real_person_played_younger():
    analysis = read(
        "Rosa Higa Tokashiki has written a memoir.\n\n"
        "The book is being made into a drama. The young Rosa is played by Valeria Shimabukuro, 17.\n\n"
        "“The lime does everything,” Rosa Higa Tokashiki says.",
        people=[],
    )
    assert "Rosa Higa Tokashiki" in analysis.introduced
    assert speakers(analysis) == [("Rosa Higa Tokashiki", True)]


def test_a_title_in_which_someone_played_a_role_called_something_is_nobody():
    cast = article_cast(
        ["Head", "In one short film, The Tide Tables, he played a lighthouse keeper called Dic."], build_directory([])
    )
    assert cast.introduced == {}


def test_a_full_name_with_a_middle_name_after_the_name_without_it_is_the_same_person():
    analysis = read(
        "Rosa Higa Tokashiki opens every episode with a lime. Her full name, the book explains, is Rosa Kiyomi "
        "Higa Tokashiki.\n\n“The lime does everything,” Higa says.",
        people=[],
    )
    assert analysis.introduced == ["Rosa Higa Tokashiki"]
    assert speakers(analysis) == [("Rosa Higa Tokashiki", True)]


def test_a_form_of_address_before_a_nickname_is_the_person_it_shortens():
    analysis = read(
        "Guadalupe Ortiz de Montellano directs the Spanish dub. To the actors she is Lupita, the usual short form "
        "of Guadalupe, and to the youngest of them she is Doña Lupita.\n\n"
        "Małgorzata Wójcik-Lis reads the trailers. She is Gosia, the ordinary short form of Małgorzata, and Pani "
        "Gosia to the engineers.\n\n“The booth is a confessional,” Doña Lupita says.\n\n"
        "“Honey is for singers,” Pani Gosia says.",
        people=[],
    )
    assert analysis.introduced == ["Guadalupe Ortiz de Montellano", "Małgorzata Wójcik-Lis"]
    assert speakers(analysis) == [("Guadalupe Ortiz de Montellano", True), ("Małgorzata Wójcik-Lis", True)]


def test_a_transcript_label_of_a_form_of_address_and_a_nickname_written_later_in_a_full_name():
    analysis = read(
        "The winners sat down with Khun Ploy. Fah is voiced by Chanakarn “Ploy” Srisawat.\n\n"
        "Q: Is that your real voice?\n\nKHUN PLOY: It is my real voice, only happier.",
        people=[],
    )
    assert [(turn.role, turn.speaker_name) for turn in analysis.qa_turns] == [
        ("question", None),
        ("answer", "Chanakarn Srisawat"),
    ]


def test_the_spanish_don_before_a_given_name_and_two_surnames_is_no_part_of_the_name():
    analysis = read(
        "The landlord, Mr Gotobed, is voiced by Don Efraín Villalobos Peña, who is 81.\n\n"
        "“I have been the voice of eleven landlords,” Don Efraín Villalobos Peña said.",
        people=[],
    )
    assert speakers(analysis) == [("Efraín Villalobos Peña", True)]
    assert credits_of(analysis) == {("Efraín Villalobos Peña", "Mr Gotobed")}
    analysis = read("“I came for the fish,” Don Rafferty said.", people=[])
    assert speakers(analysis) == [("Don Rafferty", True)]


def test_the_kalenjin_arap_is_part_of_the_surname():
    analysis = read(
        "She hands over to Kiprotich arap Sang, who has played Professor Kiboko since 2021.\n\n"
        "“I watched her every afternoon in Eldoret,” Kiprotich arap Sang said.",
        people=[],
    )
    assert speakers(analysis) == [("Kiprotich arap Sang", True)]
    assert credits_of(analysis) == {("Kiprotich arap Sang", "Professor Kiboko")}


def test_a_son_called_og_is_never_the_father_whose_name_he_carries():
    father = {
        "key": "sean-mac-carthaigh",
        "name": "Seán Mac Carthaigh",
        "credits": [{"work": WORK, "character": None}],
    }
    analysis = read(
        "The line was written by Seán Óg Mac Carthaigh, son of the show's creator, Seán Mac Carthaigh, who died "
        "in 2014. “My father wrote her first line,” he said.",
        people=[father],
    )
    assert speakers(analysis) == [("Seán Óg Mac Carthaigh", True)]
    cast = article_cast(
        ["Head", "Seán Óg Mac Carthaigh wrote the line. Years ago Seán Mac Carthaigh wrote the first."],
        build_directory([]),
    )
    assert sorted(cast.introduced.values()) == ["Seán Mac Carthaigh", "Seán Óg Mac Carthaigh"]


def test_someone_the_transcript_answers_as_may_ask_a_question_of_their_own():
    analysis = read(
        "Wanjiru Kamau-Mutua shares her desk with Twiga, a giraffe puppet worked by the puppeteer Baraka "
        "Njoroge, who asked that Twiga's answers be printed as Twiga's.\n\n"
        "Q: Do you remember the first programme?\n\nWANJIRU: I wore yellow.\n\n"
        "TWIGA: She wore yellow and I wore a scarf.\n\nQ: Twiga, anything else?\n\n"
        "TWIGA: Can I ask one? Why did nobody ever give me a chair?\n\nWANJIRU: Because you have no knees.",
        people=[],
        headline="Interview by Halima Abdi-Mwangi",
    )
    twiga = [(turn.role, turn.speaker_name) for turn in analysis.qa_turns if turn.label == "TWIGA"]
    assert {name for _, name in twiga} == {"Baraka Njoroge"} and len(twiga) == 2


def test_askers_the_introduction_names_are_not_the_byline():
    text = (
        "Kaew Prommin\n\nBy Pimchanok Ruangsri-Hale\n\n"
        "The three winners, Mint, Bank and a twelve-year-old called Fern, sat down with Chanakarn Srisawat.\n\n"
        "MINT: Is Fah's voice your real voice?\n\nCHANAKARN: Yes.\n\nBANK: Why is the frog blue?\n\n"
        "CHANAKARN: Because she is sad.\n\nFERN: Can Fah sing?\n\nCHANAKARN: Not yet."
    )
    byline = {"key": "pimchanok-ruangsri-hale", "name": "Pimchanok Ruangsri-Hale"}
    analysis = analyse(text, build_directory([byline]))
    assert [(turn.role, turn.speaker_name) for turn in analysis.qa_turns if turn.role == "question"] == [
        ("question", None),
        ("question", None),
        ("question", None),
    ]
    one = text.replace("The three winners, Mint, Bank and a twelve-year-old called Fern,", "Mint").replace(
        "BANK:", "MINT:"
    )
    one = one.replace("FERN:", "MINT:")
    analysis = analyse(one, build_directory([byline]))
    asked = {turn.speaker_name for turn in analysis.qa_turns if turn.role == "question"}
    assert asked == {"Pimchanok Ruangsri-Hale"}  # one label the introduction names may be the outlet's or hers


def test_a_programme_named_after_a_puppet_is_not_the_puppet_role():
    analysis = read(
        "Wanjiru Kamau-Mutua has presented Twiga Time since 1999. She shares her desk with Twiga, a giraffe "
        "puppet, who is worked from underneath the desk by the puppeteer Baraka Njoroge.",
        people=[],
        headline="After twenty-six years, the face of Twiga Time says goodbye",
    )
    assert credits_of(analysis) == {("Baraka Njoroge", "Twiga")}


def test_a_role_described_at_length_and_who_was_played_by_an_actor():
    analysis = read(
        "The second room belongs to the matriarch, Banoo Touran, who runs the weaving house and most of the "
        "street, and who was played in all three series by Homa Tabrizi-Rahnama. On the wall is her line: "
        "“A carpet is not a price,” Touran says.",
        people=[],
    )
    assert credits_of(analysis) == {("Homa Tabrizi-Rahnama", "Banoo Touran")}
    assert speakers(analysis) == [("Homa Tabrizi-Rahnama", True)]


def test_a_relative_of_the_man_last_named_as_the_sentence_subject_is_the_she_who_speaks():
    analysis = read(
        "The costumes were designed by Shirin Ebrahimzadeh. Her younger brother, Dariush Ebrahimzadeh, played the "
        "apprentice.\n\nThe curator, Golnar Sepehri-Vance, says it works. “People cry,” she said.\n\n"
        "“Nobody knew,” Dariush Ebrahimzadeh said.\n\n"
        "His sister was less sentimental. “He is giving me too much credit,” she said.",
        people=[],
    )
    assert speakers(analysis) == [
        ("Golnar Sepehri-Vance", True),
        ("Dariush Ebrahimzadeh", True),
        ("Shirin Ebrahimzadeh", True),
    ]


def test_whoever_something_was_designed_by_is_the_designer():
    analysis = read(
        "The costumes were designed by Shirin Ebrahimzadeh. The curator, Golnar Sepehri-Vance, hung them.\n\n"
        "The designer admits it. “The last series is about a woman who carries too much,” she said.",
        people=[],
    )
    assert speakers(analysis) == [("Shirin Ebrahimzadeh", True)]


def test_mrs_and_a_shared_surname_is_the_woman_the_paragraph_before_named_in_full():
    analysis = read(
        "The prize went to Adaeze Obiechina for Nkwọ Day.\n\n"
        "Obiechina thanked her mother, Nneka Obiechina, who stood up in the balcony. She waved.\n\n"
        "“I told her to stand up straight,” Mrs Obiechina said afterwards.",
        people=[],
    )
    assert speakers(analysis) == [("Nneka Obiechina", True)]


def test_an_actor_described_at_length_who_was_the_detective_role():
    analysis = read(
        "Marijke van der Schaaf, a veteran of twenty years of Dutch television who was the detective Inge "
        "Veenstra in the long-running Harbour Squad, had never met him.",
        people=[],
    )
    assert credits_of(analysis) == {("Marijke van der Schaaf", "Inge Veenstra")}


def test_she_is_with_an_aside_the_voice_of_a_role_and_remembered_as_another():
    analysis = read(
        "Małgorzata Wójcik-Lis reads trailers. She is also, to a generation of Polish children, the voice of "
        "Jeżyk, the hedgehog postman in the cartoon Forest Post. Older viewers still remember her as the night "
        "nurse, Halina, in the hospital soap Ward Seven.",
        people=[],
    )
    assert credits_of(analysis) == {("Małgorzata Wójcik-Lis", "Jeżyk"), ("Małgorzata Wójcik-Lis", "Halina")}


def test_joined_the_programme_in_a_year_as_a_described_role():
    analysis = read(
        "His daughter, Aoife Ní Shúilleabháin, joined the programme in 2009 as Christy's niece, Gráinne, "
        "which means she calls her father Uncle Christy.",
        people=[],
    )
    assert ("Aoife Ní Shúilleabháin", "Gráinne") in credits_of(analysis)


def test_another_fathers_name_in_the_middle_is_another_person():
    namesake = {
        "key": "yevgenia-petrovna-sokolova",
        "name": "Yevgenia Petrovna Sokolova",
        "credits": [{"work": WORK, "character": "Anna Petrovna Korsakova"}],
    }
    analysis = read(
        "At its centre is Yevgenia Pavlovna Sokolova, who plays the widow Anna Petrovna Korsakova.\n\n"
        "To call her Yevgenia Pavlovna is respect, the translator says.\n\n"
        "“In Riga they bring flowers,” Sokolova said.",
        people=[namesake],
    )
    assert speakers(analysis) == [("Yevgenia Pavlovna Sokolova", True)]
    assert credits_of(analysis) == {("Yevgenia Pavlovna Sokolova", "Anna Petrovna Korsakova")}
    initialled = read(
        "Yevgenia P. Sokolova signed programmes.\n\n“In Riga they bring flowers,” Sokolova said.",
        people=[namesake],
    )
    assert [quote.speaker_key for quote in initialled.quotes] == ["yevgenia-petrovna-sokolova"]


def test_someone_who_gave_only_a_first_name_or_a_title_and_surname_is_nobody_the_article_names():
    analysis = read(
        "Yevgenia Pavlovna Sokolova plays the widow.\n\n"
        "Near the front was a drama student who gave her name only as Priya. “I don't speak Russian,” she said.\n\n"
        "In the queue, a woman who would say only that she was Mrs Halloran waved. “She is wonderful,” she said.",
        people=[],
    )
    assert speakers(analysis) == [(None, False), (None, False)]


def test_namesakes_after_other_are_nobody_in_particular():
    analysis = read(
        "The head of the laboratory, Giorgos K. Antoniou, uses his middle initial to tell himself apart from the "
        "several other Giorgos Antonious in the Athens telephone directory. “We have restored worse,” he said.",
        people=[],
    )
    assert speakers(analysis) == [("Giorgos K. Antoniou", True)]


def test_a_list_of_lines_names_each_role_and_its_actor_after_a_dash():
    analysis = read(
        "1. “Teh tarik is not a drink. It is a negotiation.” — Ravi (Suresh Manickam), series one, episode one\n\n"
        "2. “You owe forty-two ringgit.” — Rosnah binti Harun as Mak Timah, series three",
        people=[],
    )
    assert speakers(analysis) == [("Suresh Manickam", True), ("Rosnah binti Harun", True)]


def test_an_interpreter_label_is_the_interpreter_the_introduction_names():
    analysis = read(
        "The festival's director, Ilaria Bernasconi-Ruch, moderated. Lê Phương Thảo, the festival's Vietnamese "
        "interpreter, sat at the end of the table.\n\n"
        "MODERATOR: Did you row the ferry yourself?\n\nTRẦN MINH KHOA: (through the interpreter) Every stroke.\n\n"
        "INTERPRETER: He would also like me to say that he is seventy-three.\n\nMODERATOR: Thank you.",
        people=[],
    )
    turns = [(turn.label, turn.speaker_name) for turn in analysis.qa_turns]
    assert ("INTERPRETER", "Lê Phương Thảo") in turns and len(turns) == 4


def test_where_someone_is_from_before_a_full_name_is_no_part_of_it():
    analysis = read(
        "The track pairs the director with her cinematographer, the Basque Iñaki Etxeberria Goikoetxea.\n\n"
        "“It is two hundred years old,” Iñaki said.",
        people=[{"key": "inaki-etxeberria-garmendia", "name": "Iñaki Etxeberria Garmendia"}],
    )
    assert speakers(analysis) == [("Iñaki Etxeberria Goikoetxea", True)]


def test_an_awards_list_credits_the_role_each_winner_won_for():
    analysis = read(
        "Best actor: Radim Vondráček, for the brewer Tonda Kratochvíl in The Hop Garden. He read from his phone.\n\n"
        "Best documentary: Ana Ruiz, for the documentary Ice in Berlin.",
        people=[],
    )
    assert credits_of(analysis) == {("Radim Vondráček", "Tonda Kratochvíl")}


def test_an_actor_with_an_aside_who_was_a_one_word_role_in_a_named_work():
    analysis = read(
        "The award was presented by Jiří Horáček, 81, who was the miller Vávra in The Mill at Sázava fifty years "
        "ago.\n\nThe stationmaster is played by Ōnishi Kenta, who is 61 and who was, for most of the 1990s, the "
        "detective Sakaki in the police series Midnight Precinct 7.\n\n"
        "Hagop Kasapyan, an Armenian actor from Kurtuluş, is the apprentice, Artin.",
        people=[],
    )
    assert {("Jiří Horáček", "Vávra"), ("Ōnishi Kenta", "Sakaki"), ("Hagop Kasapyan", "Artin")} <= credits_of(analysis)
    assert ("Ada Obi", "Mara") not in credits_of(read("Ada Obi was the director Mara.", people=[]))


def test_an_age_in_words_between_an_actor_and_as_the_role():
    analysis = read(
        "Newcomer Bethlehem Girma, seventeen, as Etenesh's daughter, Hirut, came with her grandmother.", people=[]
    )
    assert credits_of(analysis) == {("Bethlehem Girma", "Hirut")}


def test_a_role_of_another_show_in_the_database_does_not_unmake_a_full_name():
    namesake_role = {
        "key": "kwabena-asante-darkwa",
        "name": "Kwabena Asante-Darkwa",
        "credits": [{"work": "Kejetia Market", "character": "Uncle Fiifi"}],
    }
    text = (
        "Quiz night\n\nKnow Your Ghana is presented by Fiifi Quansah, a Fante from Cape Coast.\n\n"
        "“What is the capital of the Bono East Region?” Quansah asked."
    )
    analysis = analyse(text, build_directory([namesake_role]))  # a show Callboard has never seen: no works
    assert speakers(analysis) == [("Fiifi Quansah", True)]


def test_the_gaelic_bean_before_a_name_is_a_role():
    cast = article_cast(
        ["Head", "Meanwhile, Bean Eàirdsidh is still the best thing on Sunday-night television."],
        build_directory([]),
    )
    assert cast.introduced == {}


def test_a_group_chat_of_at_handles_with_times_and_replies():
    analysis = read(
        "Its creator is Siyabonga Mahlangu-Fischer. Nomathemba Dlamini plays the grandmother.\n\n"
        "Their handles: @siya_writes is Mahlangu-Fischer and @themba_d is Dlamini. Our reporter, Anathi Gqola, "
        "asked the questions as @anathi_herald.\n\n"
        "[20:01] @anathi_herald: Where did the kraal come from?\n\n"
        "[20:02] @siya_writes: My grandfather's homestead outside Mthatha.\n\n"
        "[20:03] @themba_d, replying to @siya_writes: And his grandmother's temper.\n\n"
        "[20:09] @mam_zodwa: Who added me to this group?\n\n"
        "[20:10] @siya_writes: Sorry Mama, wrong Zodwa.\n\n"
        "[20:11] @anathi_herald: Will there be a third season?",
        people=[],
    )
    assert [(turn.label, turn.speaker_name) for turn in analysis.qa_turns] == [
        ("anathi_herald", "Anathi Gqola"),
        ("siya_writes", "Siyabonga Mahlangu-Fischer"),
        ("themba_d", "Nomathemba Dlamini"),
        ("mam_zodwa", None),
        ("siya_writes", "Siyabonga Mahlangu-Fischer"),
        ("anathi_herald", "Anathi Gqola"),
    ]


def test_questions_the_introduction_says_are_someone_elses_are_theirs():
    text = (
        "Dombra Street, twenty-five years on\n\nIntroduced by Madina Abilkairova-Stone\n\n"
        "Its documentary is directed by Arman Kassymov, who interviewed the cast in the old flat. The questions "
        "below are his, asked off camera.\n\nYerlan Zhumabekuly played the trader.\n\n"
        "Q (off camera): What do you remember about the first day?\n\nZHUMABEKULY: The cold.\n\n"
        "Q: And the second?\n\nZHUMABEKULY: Colder."
    )
    analysis = analyse(text, build_directory([]))
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "question"] == [
        "Arman Kassymov",
        "Arman Kassymov",
    ]


def test_counsel_for_a_party_cross_examines_and_alhaji_is_an_honorific():
    text = (
        "The tribunal\n\nOn Thursday the showrunner, Oluwaseun Adebayo-Cole, gave evidence for the company and was "
        "cross-examined by counsel for Ms Eze-Lawson, Chidinma Okeke-Bassey. The exchange went as follows.\n\n"
        "Q: Who wrote the first episode?\n\nA: I did. With help.\n\nQ: Whose help?\n\nA: Everybody's.\n\n"
        "Later the chair questioned the managing director, Alhaji Sani Danjuma Bello, who financed it.\n\n"
        "CHAIR: Did you read the treatment?\n\nALHAJI BELLO: I read the budget.\n\n"
        "CHAIR: And the treatment?\n\nALHAJI BELLO: The budget was the treatment."
    )
    analysis = analyse(text, build_directory([]))
    turns = [(turn.label, turn.speaker_name) for turn in analysis.qa_turns]
    assert turns[:4] == [
        ("Q", "Chidinma Okeke-Bassey"),
        ("A", "Oluwaseun Adebayo-Cole"),
        ("Q", "Chidinma Okeke-Bassey"),
        ("A", "Oluwaseun Adebayo-Cole"),
    ]
    assert {name for label, name in turns if label == "ALHAJI BELLO"} == {"Sani Danjuma Bello"}


def credits_in(text: str) -> set[tuple[str, str]]:
    return {(credit.person, credit.character) for credit in analyse(text, build_directory([])).credits}


def test_a_moderator_in_the_byline_asks_the_bold_questions():
    text = (
        "Four actors and a pot of tea\n\nModerated by Rosalind Ekwueme-Ward\n\n"
        "Around the table: Tamar Ben-Haim, who plays the midwife Orly in The Night Clinic; and Jonas Vikström, "
        "the ferryman Lasse in Archipelago.\n\n**What scared you most this year?**\n\nTamar: The babies.\n\n"
        "Jonas: The weather.\n\n**And who gets thanked first?**\n\nTamar: My mother.\n\nJonas: The boat."
    )
    analysis = analyse(text, build_directory([]))
    assert analysis.bylines == ["Rosalind Ekwueme-Ward"]
    assert [turn.speaker_written for turn in analysis.qa_turns if turn.role == "question"] == [
        "Rosalind Ekwueme-Ward",
        "Rosalind Ekwueme-Ward",
    ]
    # a cast list's later item with its role in apposition and its own work
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Tamar Ben-Haim", "Orly"),
        ("Jonas Vikström", "Lasse"),
    }


def test_a_moderators_own_username_is_theirs_and_no_other_readers():
    text = (
        "Live: the cast of Saltwater answer your questions\n\nModerated by Perpetua Lindqvist-Obi\n\n"
        "Ines Carvalho-Mbeki plays the lighthouse keeper, Dora. The moderator posted as Herald_Perpetua.\n\n"
        "Herald_Perpetua: Welcome, Ines. Ready?\n\nInes Carvalho-Mbeki: As I will ever be.\n\n"
        "Gullwatcher: Did you learn to swim for it?\n\nInes Carvalho-Mbeki: I learned to float.\n\n"
        "Herald_Perpetua: Last one: will there be a second series?\n\nInes Carvalho-Mbeki: Ask the sea."
    )
    analysis = analyse(text, build_directory([]))
    assert [(turn.label, turn.speaker_written) for turn in analysis.qa_turns if turn.role == "question"] == [
        ("Herald_Perpetua", "Perpetua Lindqvist-Obi"),
        ("Gullwatcher", "Gullwatcher"),
        ("Herald_Perpetua", "Perpetua Lindqvist-Obi"),
    ]


def test_a_nickname_known_by_and_a_whom_clause_that_is_someone_elses_he():
    text = (
        "The reunion\n\nBy Orawan Teeraphat\n\n"
        "Its host is Chaiwat Boonmee, known to the whole country by his nickname, Tui. Almost everyone goes by a "
        "nickname here.\n\nSupaporn Wongsa, who is Nok, and Prasit Kaewmanee, who is Golf, were the couple. "
        "Golf read an apology to Nok, whom he had voted off in week two, while the audience waited.\n\n"
        "“Nok, stand up,” Tui said. Nok stood. “I forgive him,” she said."
    )
    assert speakers(analyse(text, build_directory([]))) == [("Chaiwat Boonmee", True), ("Supaporn Wongsa", True)]


def test_more_cast_list_forms():
    # an aside that opens with "whose", a relative set off by a comma, "has since been cast as" after a nickname,
    # and "is currently" before a role's full name
    assert credits_in(
        "Casting news\n\nBy Ann Verhoeven\n\n"
        "Ravi Doekhie, whose parents came to Leiden from Paramaribo in 1979, will play the lock keeper, Gerrit "
        "Smid. The Frisian actress Baukje Wiersma is his youngest daughter, Sytske, and the Flemish actor Pieter "
        "Claeys plays the mayor, Burgemeester Wauters.\n\n"
        "Hamid Karimi-Zand, 68, is currently Haj Rahim, the butcher of the bazaar. Nasrin Tehrani plays Haj "
        "Rahim's son, Kaveh, who wants to leave."
    ) == {
        ("Ravi Doekhie", "Gerrit Smid"),
        ("Baukje Wiersma", "Sytske"),
        ("Pieter Claeys", "Burgemeester Wauters"),
        ("Hamid Karimi-Zand", "Haj Rahim"),
        ("Nasrin Tehrani", "Kaveh"),
    }
    assert credits_in(
        "The reunion\n\nBy Orawan Teeraphat\n\nThe show uses nicknames only.\n\n"
        "Kanya Srisuk, who is Fon, won the season. Fon, who has since been cast as the maid Ploy in The Teak "
        "House, a lakorn on the same channel, said she had learned to act on the boat."
    ) == {("Kanya Srisuk", "Ploy")}


def test_an_obituary_names_her_by_her_full_name_and_her_roles_by_her_pronoun():
    text = (
        "Mercedes Olivares, the landlady of Calle Luna, dies at 90\n\nBy Tomás Ferrer Quintana\n\n"
        "Amparo Lucía Olivares Bermúdez, known to three generations of viewers as Amparo Olivares, "
        "died on Sunday at home in Valencia.\n\n"
        "She was best known as Pura, the landlady in Calle Luna, which ran for eleven years. Her first film "
        "role, in 1958, was the maid Remedios in The Orange Grove.\n\n"
        "She said she had based Pura on an aunt who kept a boarding house in Puerto de Sagunto. “My aunt "
        "counted the sugar,” she said. “I counted the laughs.”"
    )
    analysis = analyse(text, build_directory([]))
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Amparo Lucía Olivares Bermúdez", "Pura"),
        ("Amparo Lucía Olivares Bermúdez", "Remedios"),
    }
    assert {quote.speaker_name for quote in analysis.quotes} == {"Amparo Lucía Olivares Bermúdez"}
    assert "Puerto de Sagunto" not in analysis.introduced  # a place, written only after "in"


def test_a_possessive_role_after_a_sentence_about_someone_else_is_not_a_titles():
    # "Her first role" after a sentence whose subject is "She": hers, never "Tobacco Sorters" of a title
    assert credits_in(
        "Obituary\n\nBy Ana Ruiz Soto\n\nCelia Montaner Ibarra died on Monday. She was 88.\n\n"
        "She was best known for The Tobacco Sorters of Pinar, which ran for nine seasons. Her first role, in "
        "1962, was the servant Dominga in The Sugar Clock."
    ) == {("Celia Montaner Ibarra", "Dominga")}


def test_spanish_question_and_answer_letters():
    text = (
        "In two languages: Tere Villalba on The Weavers of Luque\n\nInterview by Graciela Benítez Mora\n\n"
        "Teresa Villalba Cáceres, whom Paraguay knows as Tere Villalba, plays the weaver, Ña Rosa. Osvaldo Duarte "
        "Insfrán plays her rival. Questions are marked P and answers R, and Duarte's answers R (Duarte).\n\n"
        "P: How long did it take to learn?\n\nR: Three months.\n\nP: Don Osvaldo, is that true?\n\n"
        "R (Duarte): It is true.\n\nR: He was there.\n\n"
        "After the interview Villalba had the last word. “Write that I am seventy,” she said."
    )
    analysis = analyse(text, build_directory([]))
    assert [(turn.label, turn.role, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns] == [
        ("P", "question", "Graciela Benítez Mora"),
        ("R", "answer", "Teresa Villalba Cáceres"),
        ("P", "question", "Graciela Benítez Mora"),
        ("R", "answer", "Osvaldo Duarte Insfrán"),
        ("R", "answer", "Teresa Villalba Cáceres"),
    ]
    assert speakers(analysis) == [("Teresa Villalba Cáceres", True)]


def test_a_name_in_two_orders_is_one_person_and_no_role():
    text = (
        "Corrections\n\nBy Réka Mészáros-Bell\n\n"
        "Hungarians put the family name first. The director, who is credited on screen as Fekete-Borsos Ádám, "
        "appears in this newspaper as Ádám Fekete-Borsos.\n\n"
        "“I have never said that,” Fekete-Borsos told us."
    )
    analysis = analyse(text, build_directory([]))
    assert analysis.credits == []
    assert speakers(analysis) == [("Ádám Fekete-Borsos", True)]


def test_a_role_set_off_in_brackets_by_what_it_is_and_a_malaysian_daughter_of():
    analysis = analyse(
        "The auction\n\nBy Petra Lind\n\n"
        "Lot 12. A tin whistle. Gunnar Þórsson Blöndal (the cooper, Bensi) kept it after the second series. "
        "Isla (the ever-reliable Morag Dunbar-Keith) never touched it.\n\n"
        "The writers are Nurul Ain binti Zakaria and Priya a/p Ramasamy. Priya replied at midnight: “Let it be "
        "the aunt.”",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Gunnar Þórsson Blöndal", "Bensi"),
        ("Morag Dunbar-Keith", "Isla"),
    }
    assert speakers(analysis) == [("Priya a/p Ramasamy", True)]


def test_a_language_is_nobody_and_a_story_centred_on_a_role_still_credits_it():
    analysis = analyse(
        "Dubbing diary: a week putting The Spice Road into Brazilian Portuguese\n\nBy Rafael Nunes Lima\n\n"
        "The Spice Road centres on Amara, who keeps a spice stall in the old market, played by Selam Tesfaye "
        "Bekele.\n\n"
        "Our translator, Dawit Haile Mariam, had warned me. “Selam sends back every comma,” he said.",
        build_directory([]),
    )
    assert "Brazilian Portuguese" not in analysis.introduced
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Selam Tesfaye Bekele", "Amara")}
    assert speakers(analysis) == [("Dawit Haile Mariam", True)]


def test_a_given_name_after_a_form_of_address_is_no_family_name():
    assert credits_in(
        "Costumes\n\nBy Mai Lê\n\nWorn by Đỗ Thu Trang, who plays Bà Tư's daughter, Hoa.\n\n"
        "Elpida Mavrou plays the widow Kyra Despo, and Stelios Karras plays Despo's son, Yannis."
    ) == {("Đỗ Thu Trang", "Hoa"), ("Elpida Mavrou", "Kyra Despo"), ("Stelios Karras", "Yannis")}


def test_whom_a_role_tells_is_not_who_speaks_and_a_coordinated_subject_is():
    analysis = analyse(
        "Live: the finale\n\nBy Rhys Evans-Pappas\n\n"
        "Elpida Mavrou plays the widow Kyra Despo, and Stelios Karras plays her son, Yannis.\n\n"
        "The first line of the night goes to Despo, who tells Yannis: “You may sell the land.”\n\n"
        "Later Yannis signs, sees Despo at the window and adds, “Unless you stop me.”",
        build_directory([]),
    )
    assert speakers(analysis) == [("Elpida Mavrou", True), ("Stelios Karras", True)]


def test_a_sentence_ending_in_a_colon_after_a_quote_leads_the_next_quote_in():
    analysis = analyse(
        "The clip\n\nBy Ana Cruz\n\nRodel Santos and Marites Lagman-Cruz play rivals.\n\n"
        "Santos posted a reply on Tuesday. “Somebody cut my line again,” he wrote. “Next time I will say it "
        "faster.” Lagman-Cruz answered beneath it: “Unless you ask nicely.”",
        build_directory([]),
    )
    assert speakers(analysis) == [("Rodel Santos", True), ("Rodel Santos", True), ("Marites Lagman-Cruz", True)]


def test_a_table_read_reads_parts():
    assert credits_in(
        "The table read\n\nBy Ffion Hughes\n\n"
        "Reading the part of the baker, Hooyo Sahra, was Faadumo Cali Warsame, who has played on the stage in "
        "Hargeisa for thirty years. Her screen son, Guuleed, was read by Osman Jama-Pryce. The British actor "
        "Sian Morgan-Bell read the part of a nurse, Bethan."
    ) == {
        ("Faadumo Cali Warsame", "Hooyo Sahra"),
        ("Osman Jama-Pryce", "Guuleed"),
        ("Sian Morgan-Bell", "Bethan"),
    }


def test_a_question_opening_with_its_verb_does_not_lengthen_a_role():
    analysis = analyse(
        "The junket\n\nInterview by Ani Petrosyan\n\n"
        "Lusine Grigoryan plays the grandmother, Tatik Siran, and Aram Ter-Avetisyan plays her grandson, Davit.\n\n"
        "Q: Will Tatik Siran see another harvest?\n\nA: Ask the writers.\n\nQ: And Davit?\n\nA: He will.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Lusine Grigoryan", "Tatik Siran"),
        ("Aram Ter-Avetisyan", "Davit"),
    }


def test_german_question_and_answer_letters():
    text = (
        "Im Gespräch: Katharina Vogt-Reinholz on The Ferry at Lindau\n\nInterview by Jonas Albers-Kim\n\n"
        "Katharina Vogt-Reinholz plays the ferry captain. Questions are marked F and answers A.\n\n"
        "F: How cold was the lake?\n\nA: Colder than the script.\n\nF: And the boat?\n\nA: Older than me."
    )
    analysis = analyse(text, build_directory([]))
    assert [(turn.label, turn.role, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns] == [
        ("F", "question", "Jonas Albers-Kim"),
        ("A", "answer", "Katharina Vogt-Reinholz"),
        ("F", "question", "Jonas Albers-Kim"),
        ("A", "answer", "Katharina Vogt-Reinholz"),
    ]


def test_a_batak_daughter_of_and_a_new_sentence_that_leads_the_next_quote_in():
    analysis = analyse(
        "Episode review\n\nReviewed by Ayu Lestari\n\n"
        "Rosmaida boru Sinaga plays the grandmother, Ompung Rugun, and Tigor Sitompul plays her son-in-law, Amang "
        "Polin.\n\n"
        "Sinaga plays the reveal with terrifying calm. “A cloth takes a year,” Ompung Rugun tells him. “I started "
        "yours the day you sold the boat.” Sitompul says nothing for a long time and then, very quietly, “Then "
        "finish it.”",
        build_directory([]),
    )
    assert speakers(analysis) == [
        ("Rosmaida boru Sinaga", True),
        ("Rosmaida boru Sinaga", True),
        ("Tigor Sitompul", True),
    ]


def test_the_shows_role_and_a_screen_relative_in_apposition():
    assert credits_in(
        "Strike\n\nBy Njeri Kamau\n\n"
        "Otieno read out a message from Akinyi Wanjiru Odhiambo, the show's conductor-turned-owner Mama Tabu, who is "
        "filming in Mombasa. Her guest was Mert Can Yıldız, her screen grandson, Deniz."
    ) == {("Akinyi Wanjiru Odhiambo", "Mama Tabu"), ("Mert Can Yıldız", "Deniz")}
    assert credits_in("Talk\n\nBy Njeri Kamau\n\nAmina Yusuf Farah, the show's creator Halima, spoke first.") == set()


def test_an_archive_interviews_bylines_and_a_role_her_granddaughter_plays_later():
    text = (
        "From the archive, 1971: Tamar Gelashvili on The Orchard Road\n\n"
        "Interview by Levan Abashidze (1971). Afterword by Nana Kvaratskhelia-Shaw.\n\n"
        "Tamar Gelashvili is twenty-six, and she has made three films. In The Orchard Road, directed by Giorgi "
        "Dadiani, she plays Eteri, the "
        "head of a picking brigade.\n\nQ: What do you know about apples?\n\nA: How to eat them.\n\n"
        "Q: And the director?\n\nA: He shouts.\n\nAFTERWORD\n\n"
        "Her granddaughter, Ketevan Gelashvili-Ross, is playing Eteri in a stage version this winter.\n\n"
        "Abashidze, the reporter, is eighty and still writes a column. By telephone he remembered only the weather. "
        "“It rained for a week,” he said."
    )
    analysis = analyse(text, build_directory([]))
    assert analysis.bylines == ["Levan Abashidze", "Nana Kvaratskhelia-Shaw"]
    assert {turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns if turn.role == "question"} == {
        "Levan Abashidze"
    }
    assert speakers(analysis) == [("Levan Abashidze", True)]
    # a role a pronoun plays stays theirs when someone else is named in it later, in another production
    assert credits_in(
        "My year in the orchard\n\nBy Tamar Gelashvili\n\n"
        "In The Orchard Road, directed by Giorgi Dadiani, I play Eteri, the head of a picking brigade.\n\n"
        "This winter my granddaughter, Ketevan Gelashvili-Ross, is playing Eteri in a stage version."
    ) == {("Tamar Gelashvili", "Eteri"), ("Ketevan Gelashvili-Ross", "Eteri")}


def test_a_name_in_another_language_is_the_same_person():
    analysis = analyse(
        "Our day on the set\n\nBy the pupils of Primary 6\n\n"
        "Seanmhair Mòrag is played by Mairead NicAoidh. On English programmes she is called Margaret MacKay. The "
        "otter is voiced by Ruairidh MacDhòmhnaill, who is Roderick MacDonald in English.\n\n"
        "MEETING SEANMHAIR MÒRAG\n\n"
        "Mairead said we could call her Mairead. She said, “Everyone else does.” Ruairidh said the storm was fun. "
        "“I only had to shout,” he said.\n\n"
        "Text: Eilidh Rose Campbell\n\nMap: Iain Ross Morrison",
        build_directory([]),
    )
    assert speakers(analysis) == [("Mairead NicAoidh", True), ("Ruairidh MacDhòmhnaill", True)]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Mairead NicAoidh", "Seanmhair Mòrag")
    }


def test_a_caption_in_family_name_order_and_prose_in_english_order():
    analysis = analyse(
        "The cast photograph\n\nBy Orsolya Kerekes-Byrne\n\n"
        "Back row, from left: Vida Gergő (Laci), Ferenczy-Tóth Ilona (Teréz néni), Szabó Réka (Panni).\n\n"
        "The caption above is printed the way the broadcaster sent it, family name first. In the text below, "
        "names are given in English order, so Szabó Réka is Réka Szabó, as readers of this paper expect.\n\n"
        "Réka Szabó, who plays the eldest daughter, is at the end of the row because she asked to be. “The end of "
        "the row is the only place where nobody comforts you,” she said, and laughed about it for a minute.\n\n"
        "Gergő Vida stands on a crate at the back, and he would like everybody to know that it does not show in "
        "the picture at all. “I am the tallest man in the picture,” he said, as the photographer packed up.",
        build_directory([]),
    )
    assert speakers(analysis) == [("Réka Szabó", True), ("Gergő Vida", True)]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Gergő Vida", "Laci"),
        ("Ferenczy-Tóth Ilona", "Teréz néni"),  # written in the caption's order only
        ("Réka Szabó", "Panni"),
    }


def test_faroese_farm_names_and_a_full_named_actor_beside_a_described_role():
    analysis = analyse(
        "Storm stops the shoot\n\nBy Heðin Joensen\n\n"
        "The film stars Marita Jákupsdóttir as Ragnhild and Jóannes á Heygum as her father, Gutti.\n\n"
        "Á Heygum, who is 71, said the storm was not the worst he had seen. “In 1988 it took my roof,” he said.",
        build_directory([]),
    )
    assert speakers(analysis) == [("Jóannes á Heygum", True)]
    assert credits_in(
        "Queue report\n\nBy Sigrid Vang\n\nSigning on Saturday: Ánte Niillas Gaup (the reindeer herder Piera) and "
        "Halvard Nilsen (Sergeant Bakke)."
    ) == {("Ánte Niillas Gaup", "Piera"), ("Halvard Nilsen", "Sergeant Bakke")}


def test_a_second_role_after_and_and_a_directors_aside_before_she():
    assert credits_in(
        "Obituary\n\nBy Mele Tuilagi\n\nSione Faleolo Aumua has died. He played Uncle Sefo in The Corner Shop. He "
        "also played the fisherman Pita in the film Tide Line, and the grandfather, Tavita, in the children's "
        "series Crab Club."
    ) == {("Sione Faleolo Aumua", "Uncle Sefo"), ("Sione Faleolo Aumua", "Pita"), ("Sione Faleolo Aumua", "Tavita")}
    analysis = analyse(
        "From the archive: Tamar Gelashvili on The Orchard Road\n\nBy Levan Abashidze\n\n"
        "Tamar Gelashvili is twenty-six. In The Orchard Road, directed by Giorgi Dadiani, she plays Eteri, the "
        "head of a picking brigade.\n\nAbashidze, the reporter, is eighty. By telephone he remembered only the "
        "weather. “It rained for a week,” he said.",
        build_directory([{"key": "levan-abashidze", "name": "Levan Abashidze"}]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Tamar Gelashvili", "Eteri")}
    # a byline the database knows is read as one of the article's people as well
    assert [quote.speaker_key for quote in analysis.quotes] == ["levan-abashidze"]


def test_a_memoir_in_single_marks_that_switches_to_double_ones():
    analysis = analyse(
        "Falling for a living\n\nBy Cheung Wai-man\n\n"
        "I doubled for Gigi Tam Yuk-ling in 1998. The action director was Kelvin Lau Chi-wai, whom everybody called "
        "Master Lau.\n\n"
        '"The pigeons go first, then you," he told me. "If the pigeons do not fly, you do not jump."\n\n'
        "On the third day Gigi climbed the nine floors with two cups of tea. 'You are doing all my falling,' she "
        "said. 'The least I can do is your drinking.'\n\nI said, 'Then give me more pigeons.'",
        build_directory([]),
    )
    assert [quote.text for quote in analysis.quotes][:2] == [
        "The pigeons go first, then you,",
        "If the pigeons do not fly, you do not jump.",
    ]
    assert speakers(analysis)[:2] == [("Kelvin Lau Chi-wai", True), ("Kelvin Lau Chi-wai", True)]


def test_a_title_with_a_small_word_a_titled_role_and_a_nickname_in_straight_marks():
    analysis = analyse(
        "The Minibus to Spanish Town, season four\n\nReviewed by Nadine Lindo-Barrett\n\n"
        "The Minibus to Spanish Town stars Keisha-Ann Morrison as the conductor, Precious. Horace Gayle-McKenzie is "
        "Mr Bartholomew, the passenger who has not paid since season one, and Ernesto 'Tito' Quilapán plays the "
        "driver, Chato.\n\nThe Minibus to Spanish Town by Clive Ebanks-Reid is on Wednesdays.\n\n"
        "Tito said the route was real. “I drove it for thirty years,” he said.",
        build_directory([]),
    )
    assert "Spanish Town" not in analysis.introduced
    assert "Clive Ebanks-Reid" not in {credit.person for credit in analysis.credits}
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Keisha-Ann Morrison", "Precious"),
        ("Horace Gayle-McKenzie", "Mr Bartholomew"),
        ("Ernesto Quilapán", "Chato"),
    }
    assert speakers(analysis) == [("Ernesto Quilapán", True)]


def test_a_readers_answer_signed_with_a_town_and_a_show_that_says_nothing():
    analysis = analyse(
        "My favourite scene\n\nBy Miren Arregi\n\n"
        "The drama's writer is Adama Coulibaly-Sy.\n\n"
        "2. The storm match\n\n"
        "“They played on while the sea came over the harbour wall.” Amaia Zabala Ortiz, Bilbao\n\n"
        "After the show Coulibaly-Sy said the answers had moved him. “Half of them came from my aunt,” he said.",
        build_directory([]),
    )
    assert speakers(analysis) == [("Amaia Zabala Ortiz", True), ("Adama Coulibaly-Sy", True)]
    assert (
        credits_in(
            "Ratings\n\nBy Leila Karimi\n\n1. The Saffron Pickers of Torbat (Simaye Khorasan) 6.2m\n\n"
            "2. Night Bazaar (Simaye Tehran) 4.1m"
        )
        == set()
    )


def test_a_second_credit_line_in_a_byline_is_a_writers_not_a_photographers():
    def bylines(line: str) -> list[str]:
        return analyse(f"From the archive\n\n{line}\n\nThe interview ran in 1974.", build_directory([])).bylines

    assert bylines("Interview by Zurab Kipiani (1974). Afterword by Nana Shaw.") == ["Zurab Kipiani", "Nana Shaw"]
    assert bylines("Interview by Zurab Kipiani (1974). Photographs by Ana Ruiz.") == ["Zurab Kipiani"]


def test_a_logs_label_and_who_fills_it_and_a_note_of_whole_sentences_in_brackets():
    analysis = analyse(
        "Dubbing day\n\nIn Hungary Mirela is voiced by Zsófia Kertai. The dubbing director is Lenke Bodrogi-Fás.\n\n"
        'Take 2. Direction, Bodrogi-Fás: "Slower. She is reading a will."\n\n'
        "The translator, Ábel Szendrei, changes a word.\n\n"
        'Take 5. Direction: "Keep that one."\n\n'
        '[Kertai told us she learns the face first. "Then the voice follows," she said.]',
        build_directory([]),
    )
    assert speakers(analysis) == [
        ("Lenke Bodrogi-Fás", True),
        ("Lenke Bodrogi-Fás", True),
        ("Zsófia Kertai", True),
    ]
    assert credits_in(
        "Dubbing day\n\nThe Notary's Widow stars Ana Vrabie as Mirela. In Hungary Mirela is voiced by Zsófia Kertai."
    ) == {("Ana Vrabie", "Mirela"), ("Zsófia Kertai", "Mirela")}


def test_a_luo_given_name_ending_in_ng_and_a_vote_share_after_a_town():
    analysis = analyse(
        "Results night\n\nBy Wangari Muthoni\n\n1. Otieno Were (Kisumu) - 40.2%\n2. Anyango Ouma (Siaya) - 31.0%\n"
        "3. Achieng' Odera (Homa Bay) - 28.8%\n\n"
        "The host, Kamau Njoroge, read the results.\n\n"
        "Odera, third again, was disappointed. “Next week I sing louder,” she said.",
        build_directory([]),
    )
    assert analysis.credits == []
    assert speakers(analysis) == [("Achieng' Odera", True)]


def test_a_cast_board_between_semicolons_an_understudy_and_dot_leaders():
    assert credits_in(
        "Stage door\n\nThe board in the foyer: Don Aurelio - Tomás Ibarguren; Pocha - Ludmila Sörensen; "
        "Beto, the barber - Damián Olazábal Prieto. (Understudy for Pocha: Romina Etchart.)"
    ) == {
        ("Tomás Ibarguren", "Don Aurelio"),
        ("Ludmila Sörensen", "Pocha"),
        ("Damián Olazábal Prieto", "Beto"),
        ("Romina Etchart", "Pocha"),
    }
    assert credits_in(
        "The old cast\n\nThe closing credits:\n\nSkipper Dirk ..... Wiebren de Jong\nLieke ..... Trijntje Bosma\n"
        "Sieds and Sytske ..... Jan and Joke Hiemstra"
    ) == {
        ("Wiebren de Jong", "Skipper Dirk"),
        ("Trijntje Bosma", "Lieke"),
        ("Jan Hiemstra", "Sieds"),
        ("Joke Hiemstra", "Sytske"),
    }
    # the same role at another age, never a fuller name for it
    assert ("Kári Einarsson", "Jón") in credits_in(
        "The radio cast\n\nJón Ásgeirsson ... Einar Þór Gunnarsson\nSigga ... Hildur Magnúsdóttir\n"
        "Young Jón ... Kári Einarsson"
    )


def test_a_label_in_capitals_with_who_holds_it_in_brackets_is_no_credit():
    text = (
        "Masterclass\n\nThe director, Ngozi Ekwueme, took questions.\n\n"
        "PUPIL (Tobenna Uzor, second year): Why black and white?\n\nEKWUEME: Because colour costs money."
    )
    assert credits_in(text) == set()
    # a label in capitals over a role it says it speaks "as" is still read
    assert credits_in(
        "Kitchen\n\nAylin Demirtaş has played Nermin Hanım for six years.\n\n"
        "AYLIN DEMIRTAŞ (as Nermin Hanım): Stir it, child.\n\nAYLIN DEMIRTAŞ: That is her voice."
    ) == {("Aylin Demirtaş", "Nermin Hanım")}


def test_a_heading_in_capitals_is_no_speaker_and_a_line_signed_with_its_episode():
    analysis = analyse(
        "The year on television\n\nBy Camilo Arbeláez\n\n"
        "Luz Dary Zuluaga Pérez as Doña Inés, The Coffee Pickers of Salento\n\n"
        "Zuluaga plays the owner of a coffee farm.\n\n"
        "BEST LINE OF THE YEAR\n"
        '"We do not pick coffee. We pick patience." Doña Inés, episode six.',
        build_directory([]),
    )
    assert speakers(analysis) == [("Luz Dary Zuluaga Pérez", True)]


def test_she_who_asked_not_to_be_named_is_nobody_not_the_nearest_name():
    analysis = analyse(
        "Thirty years on\n\nBy Anke Visser\n\n"
        "Pieter Bakker, the show's lighthouse keeper, died in 2009. His widow, who asked not to be named, still "
        'has his coat. "He wore it to the shops," she said.',
        build_directory([{"key": "pieter-bakker", "name": "Pieter Bakker"}]),
    )
    assert speakers(analysis) == [(None, False)]


def test_irish_names_with_the_letter_before_a_capital_and_a_grandmother_in_a_cast_list():
    analysis = analyse(
        "Lesson notes\n\nPeadar Mac Giolla Bhríde plays the ferryman Colm, and Sorcha Nic an tSionnaigh plays his "
        "wife, Máire.\n\nThe director is Tomás Ó hAodha.\n\n"
        'Sorcha asked, "Which harbour is this?"\n\n"Let the oars answer," Ó hAodha said.',
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Peadar Mac Giolla Bhríde", "Colm"),
        ("Sorcha Nic an tSionnaigh", "Máire"),
    }
    assert speakers(analysis) == [("Sorcha Nic an tSionnaigh", True), ("Tomás Ó hAodha", True)]
    assert credits_in(
        "Continuity\n\nGrandfather Matvei — Pyotr Ilyich Voronov\nLiza — Darya Kuznetsova-Ross\n\n"
        "Voronov wore the coat."
    ) == {("Pyotr Ilyich Voronov", "Grandfather Matvei"), ("Darya Kuznetsova-Ross", "Liza")}


@pytest.mark.parametrize("role", ["Doña Lucía", "Padre Anselmo", "Kapetan Stelios", "Oom Koos", "Tannie Sarie"])
def test_a_spanish_greek_or_afrikaans_title_marks_the_role_in_a_parenthesis(role):
    assert credits_in(f"Panel\n\nOn the panel: Adriana Vidal ({role}) and Tomás Ferrer, the writer.") == {
        ("Adriana Vidal", role)
    }


def test_long_spanish_names_a_nickname_after_two_given_names_and_a_list_that_ends_with_its_role_first():
    analysis = analyse(
        "Thirty years on\n\nBy Itzel Ramírez\n\n"
        "On the panel: María de las Mercedes Olvera Quiroz (Doña Trini), known to all as Meche; "
        "Juan Pablo “Juanpa” Ibarra Solís, who played the carpenter Chucho; and, as the cook Lupita who heard "
        "everything, Rosa Itzel Cano Medina, whose surname is her mother's.\n\n"
        "Olvera Quiroz arrived late. “Trini would have been later,” she said.\n\n"
        "Ibarra Solís stayed to sign. “I still have the saw,” he said.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("María de las Mercedes Olvera Quiroz", "Doña Trini"),
        ("Juan Pablo Ibarra Solís", "Chucho"),
        ("Rosa Itzel Cano Medina", "Lupita"),
    }
    assert speakers(analysis) == [
        ("María de las Mercedes Olvera Quiroz", True),
        ("Juan Pablo Ibarra Solís", True),
    ]


def test_a_call_sheets_initials_a_first_list_item_with_is_a_nickname_before_a_particle_and_two_casts():
    assert credits_in(
        "Rehearsal report\n\nDoña Amaia, the widow, is played on Mondays and Fridays by Nerea Olano Iriarte and "
        "on the other nights by her understudy, Ane Goikoetxea Ruiz. Her son, Kepa, is Unai Mendizabal Etxebarria."
        "\n\nCalled: A. Goikoetxea Ruiz (Amaia), U. Mendizabal Etxebarria (Kepa)"
    ) == {
        ("Nerea Olano Iriarte", "Doña Amaia"),
        ("Ane Goikoetxea Ruiz", "Doña Amaia"),
        ("Unai Mendizabal Etxebarria", "Kepa"),
    }
    assert credits_in(
        "Live thread\n\nLights down. Giorgos Pappas is Kapetan Stelios; Eleni Vlachou is his sister, Kyra Froso."
    ) == {("Giorgos Pappas", "Kapetan Stelios"), ("Eleni Vlachou", "Kyra Froso")}
    assert credits_in(
        'Poll\n\nOom Sarel, the old farmer, is played by Hendrik "Hennie" van der Merwe-Louw, who has voiced him '
        "since 2001. Captain Brand will still be played by Pieter Swanepoel."
    ) == {("Hendrik van der Merwe-Louw", "Oom Sarel"), ("Pieter Swanepoel", "Captain Brand")}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The director is Amaia Zubiri Garro. Sarel Botha plays Oom Gert.\n\n"
            "Director's note, verbatim: “Light the face, not the hat.”",
            "Amaia Zubiri Garro",
        ),
        (
            "Sarel Botha plays Oom Gert. Nina Botha plays his son.\n\n"
            "On Monday a mining company offered to buy the farm, and Gert told his son: “I sell nothing.”",
            "Sarel Botha",
        ),
        (
            "Her grandfather, whom the family calls Áhkká, Northern Sámi for grandmother, is Inga-Marja Sara. Nils "
            "Gaup plays Biret.\n\nÁhkká, kneeling in the snow, telling Biret, “Count the herd twice.”",
            "Inga-Marja Sara",
        ),
        (
            "The award went to Kim Da-eun. She thanked the director, Seo Ji-ho, for the rain scenes. “My mother is "
            "watching,” she said.",
            "Kim Da-eun",
        ),
    ],
)
def test_who_speaks_a_job_a_second_clause_a_teller_and_not_whom_she_thanked(text, speaker):
    assert speakers(analyse(f"Minutes and notes\n\n{text}", build_directory([]))) == [(speaker, True)]


def test_a_readers_question_signed_in_brackets_a_call_sheets_notes_and_labels_that_are_no_ones():
    analysis = analyse(
        "Your questions\n\nBy Aigerim Sultanova\n\nNow, your questions.\n\n"
        "Q: Why did the host change his name? (Yerlan Dosov, Aktobe)\n\nA: He went back to the Kazakh form.\n\n"
        "Q: Who chose the winner's song? (Asel Nurova, Taraz)\n\nA: The winner did.",
        build_directory([]),
    )
    assert [(turn.role, turn.speaker_written) for turn in analysis.qa_turns] == [
        ("question", "Yerlan Dosov"),
        ("answer", "Aigerim Sultanova"),
        ("question", "Asel Nurova"),
        ("answer", "Aigerim Sultanova"),
    ]
    sheet = analyse(
        "Call sheet\n\nThe call sheet carries margin notes by the director, Rami Haddad.\n\n"
        "ROLE: SAMIR, 40s, the baker\n\n10.00 Elie Sfeir. Note: “Too young. Call back.”\n\n"
        "ROLE: NADA, 20s, his niece\n\n11.00 Maya Aoun. Note: “Yes.”\n\n"
        "ACTION: Rami to decide by Friday.\n\nACTION: wardrobe to fit Maya.",
        build_directory([]),
    )
    assert sheet.qa_turns == []
    assert [(quote.text, quote.speaker_name) for quote in sheet.quotes] == [
        ("Too young. Call back.", "Rami Haddad"),
        ("Yes.", "Rami Haddad"),
    ]


def test_a_musicals_line_sung_by_a_role_shows_that_roles_speak():
    analysis = analyse(
        "Our club review\n\nOn Saturday our club watched The Basket Weavers of Taytay, a musical about a family that "
        "weaves baskets. Lolo Ben, the old weaver, is played by Andres Dizon Manalo. His daughter Rosa is played by "
        "Liza Marquez-Tan, and the rival weaver, Mang Lando, by Paolo Reyes Cruz.\n\n"
        "The opening number is the best one. Lolo Ben stands on a chair and sings “Every basket needs a hand, every "
        "hand needs a song” while the whole cast weaves around him.\n\n"
        "Our favourite scene was Rosa telling her father, “Nobody buys baskets now.” Mang Lando is a very good "
        "villain. When he says “Weave faster, old man. The market does not wait,” half of our row booed.",
        build_directory([]),
    )
    assert speakers(analysis) == [
        ("Andres Dizon Manalo", True),
        ("Liza Marquez-Tan", True),
        ("Paolo Reyes Cruz", True),
    ]


def test_a_show_reports_and_a_whiteboards_headings_in_capitals_are_nobodys_labels():
    analysis = analyse(
        "Show report\n\nThe stage manager, Ewa Nowicka-Baran, writes a report after every show.\n\n"
        "CAST CHANGES: Jan Kos (Feliks) off. Understudy Piotr Lis on as Feliks.\n\n"
        "INCIDENTS: Lis covered a stuck flat with the line „Even the door is tired tonight”.\n\n"
        "NOTES FOR DIRECTOR: Lis asks to keep the line. He says: „Then fix the door.”\n\n"
        "GENERAL: a quiet house.\n\nS2 ARC: Feliks leaves / Ola stays\n\nEP 6: no dialogue",
        build_directory([]),
    )
    assert analysis.qa_turns == []
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Even the door is tired tonight", "Piotr Lis"),
        ("Then fix the door.", "Piotr Lis"),
    ]


def test_a_whiteboards_numbered_headings_are_not_a_transcripts_labels():
    analysis = analyse(
        "The whiteboard\n\nInterview by Ragna Sif Jónsdóttir\n\nThe showrunner is Hekla Björnsdóttir.\n\n"
        "THE WHITEBOARD\nS2 ARC: the count is lost / the count is found\n"
        'EP 8: the last line - "I lost the count. I kept the birds." <- KEEP\n\n'
        "JÓNSDÓTTIR: Who wrote the last line?\n\nBJÖRNSDÓTTIR: I did.\n\n"
        "JÓNSDÓTTIR: Will it stay?\n\nBJÖRNSDÓTTIR: It stays.",
        build_directory([]),
    )
    assert [turn.label for turn in analysis.qa_turns] == ["JÓNSDÓTTIR", "BJÖRNSDÓTTIR", "JÓNSDÓTTIR", "BJÖRNSDÓTTIR"]
    assert [quote.text for quote in analysis.quotes] == ["I lost the count. I kept the birds."]


def test_a_bulletins_replies_and_a_jurys_citations_are_no_labels_and_their_writer_speaks():
    bulletin = analyse(
        "Complaints\n\nBy Liv Haugen\n\nCOMPLAINT 1 - Mumbling (40 complaints)\nViewers could not hear Per.\n"
        'REPLY: "We have heard you," Siri Bakke wrote. "The sound is remixed."\n\n'
        "COMPLAINT 2 - Fog\nViewers disliked the fog.\n"
        'REPLY, from the effects supervisor, Ola Nygård: "The fog will behave."',
        build_directory([]),
    )
    assert bulletin.qa_turns == []
    assert [quote.speaker_name for quote in bulletin.quotes] == ["Siri Bakke", "Siri Bakke", "Ola Nygård"]
    shortlist = analyse(
        "Shortlist\n\nThe citations were written by the jury's chair, Professor Nimali Fonseka.\n\n"
        "Dilshan Perera, for Harbour Nights, as the ferryman Banda.\n"
        'Citation: "Quiet and exact."\n\n'
        "Ruwani Silva, for The Tea Estate, as the clerk Soma.\n"
        'Citation: "A performance of great stillness."',
        build_directory([]),
    )
    assert shortlist.qa_turns == []
    assert [quote.speaker_name for quote in shortlist.quotes] == ["Nimali Fonseka", "Nimali Fonseka"]
    assert {(credit.person, credit.character) for credit in shortlist.credits} == {
        ("Dilshan Perera", "Banda"),
        ("Ruwani Silva", "Soma"),
    }


def test_a_programmes_biographies_under_their_roles_and_twins_by_first_name():
    assert credits_in(
        "Meet the company\n\nKWAME - Yaw Osei-Bonsu\n\nYaw trained in Kumasi.\n\n"
        "AUNTIE EFUA - Akosua Mensah\n\nAkosua came home from London.\n\nTHE TWINS - Kojo and Kofi Boateng\n\n"
        "The brothers play the twins Atta Panyin (Kojo) and Atta Kakra (Kofi).\n\nTHE ELDER - Kwesi Appiah"
    ) == {
        ("Yaw Osei-Bonsu", "Kwame"),
        ("Akosua Mensah", "Auntie Efua"),
        ("Kojo Boateng", "Atta Panyin"),
        ("Kofi Boateng", "Atta Kakra"),
    }


def test_azerbaijani_dutch_and_czech_name_forms_and_a_question_owned_before_a_dash():
    analysis = analyse(
        "Client news\n\nBy Nigar Məmmədova\n\n"
        "Aynur Tofiq qızı Həsənova opens in the Baku musical Tar as the music teacher Gülşən xanım. “Eight weeks of "
        "tar,” she said.\n\nZdeněk „Zdenda“ Kratochvíl, who plays the surgeon Jan, rang at midnight: „I look "
        "ninety.“\n\nSem van ’t Hof plays Joris. Van ’t Hof was unrepentant: “I was guessing.”\n\n"
        "The quizmaster was Henk Bosma. Bosma’s first question - “Who fell in the canal?” - was answered at once.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Aynur Tofiq qızı Həsənova", "Gülşən xanım"),
        ("Zdeněk Kratochvíl", "Jan"),
        ("Sem van ’t Hof", "Joris"),
    }
    assert speakers(analysis) == [
        ("Aynur Tofiq qızı Həsənova", True),
        ("Zdeněk Kratochvíl", True),
        ("Sem van ’t Hof", True),
        ("Henk Bosma", True),
    ]


def test_uzbek_names_a_title_before_a_name_and_who_asks_and_answers():
    analysis = analyse(
        "Chapter 3: Drama\n\nEdited by Malika Anvar qizi\n\n"
        "The flagship was Choyxona, a serial about a teahouse. The owner, Saodat, was played by Feruza Alisher qizi "
        "Nazarova; Jasur Bahrom oʻgʻli Toshmatov played her brother, Anvar.\n\n"
        '"Drama is what we are for," said the Director-General, Rustam Karimovich Aliyev.\n\n'
        '"The budget is smaller than the teahouse," said the Head of Drama, Zarina Botirovna Saidova.\n\n'
        "The report's editor, Malika Anvar qizi, asks; Zarina Botirovna Saidova, head of drama, answers.\n\n"
        "Q: Why a teahouse?\n\nA: Because everyone in Tashkent has sat in one.\n\n"
        "Q: What comes next?\n\nA: A comedy, if the Board allows it.\n\n"
        'Nazarova won best actress. "I accept this for Saodat," she said.',
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Feruza Alisher qizi Nazarova", "Saodat"),
        ("Jasur Bahrom oʻgʻli Toshmatov", "Anvar"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Rustam Karimovich Aliyev",
        "Zarina Botirovna Saidova",
        "Feruza Alisher qizi Nazarova",
    ]
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Malika Anvar qizi",
        "Zarina Botirovna Saidova",
        "Malika Anvar qizi",
        "Zarina Botirovna Saidova",
    ]


def test_a_notices_statement_from_a_named_person_and_a_titles_translation():
    analysis = analyse(
        "Schedule change\n\nBy Pua Kealamakia\n\n"
        "HALE PAʻI MOVES\n"
        'A statement from Keala Mahoe-Ching, head of programming: "We are sorry, and we will make it up to you."\n\n'
        "Hale Paʻi (The Press) follows a family of printers. The grandmother is played by Lani Kahale-Wong.\n\n"
        "Hale Paʻi airs on Moana TV on Sundays.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Keala Mahoe-Ching"]
    assert {(credit.person, credit.character) for credit in analysis.credits} == set()
    assert credits_in(
        "New series\n\nSiku Qaqortoq (White Ice), Nuuk TV’s crime series, ended in March. Its heroine, Naja, was "
        "played by Ivalo Olsen-Berthelsen.\n\nMeanwhile Kaffi Stova (Coffee House), the Faroese comedy streaming on "
        "Kringvarp, is set in a café. Rúni Poulsen plays the barista, Jógvan.\n\nKaayal Ravu (Lagoon Nights), the "
        "Malayalam thriller streaming on Kadal Plus, is set on a houseboat. Meera Iyer-Nair plays the detective, Latha."
    ) == {("Ivalo Olsen-Berthelsen", "Naja"), ("Rúni Poulsen", "Jógvan"), ("Meera Iyer-Nair", "Latha")}
    assert credits_in(
        "Mailbag\n\nNyumba ya Babu Juma (At Grandpa Juma's House) goes out on weekday mornings. Babu Juma is played "
        "by Hamisi Omari Salim."
    ) == {("Hamisi Omari Salim", "Babu Juma")}


def test_a_khmer_address_a_directors_film_and_a_costume_designers_note():
    diary = analyse(
        "Diary\n\nBy Sok Chanthy\n\n"
        "Tuk Tonle (River Water), Chea Sovann's film about a ferry, wrapped in May. The ferryman is played by Mao "
        "Vuthy; on set he was Lok Vuthy, lok being the word for an older man.\n\n"
        'DAY 2. Lok Vuthy met me at the jetty: "The river does not wait for anybody."\n\n'
        'DAY 30. Wrap. The director\'s speech was short. "Thank you to the river, which was paid nothing."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in diary.quotes] == ["Mao Vuthy", "Chea Sovann"]
    lookbook = analyse(
        "Lookbook\n\nText by Ani Petrosyan\n\n"
        "Vardavar, a musical about a summer festival, opens in June. Its costumes are by Siranush "
        "Abovyan-Grigoryan.\n\n"
        "LOOK 1. THE FATHER, MHER\n"
        'Worn by Gurgen Harutyunyan. Grey suit. Designer\'s note: "He should look as if he has slept in it."\n\n'
        "LOOK 2. THE DAUGHTER, LUSINE\n"
        "Worn by Ani Sargsyan-Manukyan. Blue cotton, no jewellery.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in lookbook.quotes] == ["Siranush Abovyan-Grigoryan"]
    assert {(credit.person, credit.character) for credit in lookbook.credits} == {
        ("Gurgen Harutyunyan", "Mher"),
        ("Ani Sargsyan-Manukyan", "Lusine"),
    }


def test_a_roles_label_asks_a_question_for_its_actor():
    analysis = analyse(
        "Mailbag\n\nTranscribed by Wanjiku Mwangi\n\n"
        "Babu Juma is played by Hamisi Omari Salim; Kasuku, the parrot, is voiced by Amina Wairimu Kamau.\n\n"
        "BABU JUMA: Good morning, children. Kasuku, who wrote to us this week?\n\n"
        "KASUKU: A girl called Neema, and she wants to know why I talk so much.\n\n"
        "BABU JUMA: And what did you tell her?\n\nKASUKU: That somebody has to.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Hamisi Omari Salim",
        "Amina Wairimu Kamau",
        "Hamisi Omari Salim",
        "Amina Wairimu Kamau",
    ]


def test_a_maghrebi_family_name_a_roles_line_and_an_answer_reported_by_someone_else():
    analysis = analyse(
        "Opening week\n\nBy Rim Haddad\n\n"
        "Bent El Bahr follows a fisherman's daughter, Aicha, played by Ines Ben Youssef, and her cousin Karim, "
        "played by Mehdi Ben Hadj Salem.\n\n"
        'Ben Hadj Salem said only that he was "glad to be home".\n\n'
        'Aicha\'s line "The sea keeps what it wants" got applause on Friday.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Mehdi Ben Hadj Salem", "Ines Ben Youssef"]
    answered = analyse(
        "Opening week\n\nBy Rim Haddad\n\nThe sisters are played by Ines Ben Youssef and Sonia Mabrouk.\n\n"
        'One pupil asked Ms Ben Youssef at the stage door whether Aicha was "the bad one". Her answer, as the usher '
        'reported it: "Nobody is the villain. Everybody is tired."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in answered.quotes][-1] == "Ines Ben Youssef"


def test_initials_under_a_quote_name_who_signs_with_them():
    analysis = analyse(
        "From the log\n\nBy Jordi Puig\n\n"
        "The play stars Laia Serra Vidal and Oriol Camps-Ferrer. The log is kept by the house manager, Joan Carles "
        "Roig-Soler, who signs it Q. R.\n\n"
        'SUN 12. Dark. "Best week since I started. Order more programmes." Q. R.\n\n'
        '[margin, another hand: "Agreed, and more chairs." O. C.-F.]',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Joan Carles Roig-Soler", "Oriol Camps-Ferrer"]


def test_a_job_as_a_label_and_a_question_answered_by_someone():
    report = analyse(
        "Continuity report\n\nIntroduction by Han Ji-woo\n\n"
        "Salt Road is Park Min-seo's film about a salt farm. The director is Park, and the lead is Choi Eun-ha.\n\n"
        'T3. NG. Wind machine stopped. Director to crew: "Nobody moves until the wind comes back."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in report.quotes] == ["Park Min-seo"]
    letters = analyse(
        "Your letters\n\nEdited by Rosa Mamani\n\n"
        "The middle sister, Lucía, was played by Wayra Condori Ticona.\n\n"
        "Dr. Hugo Ramos Vela asked why Lucía went back. Dr. Ramos's question was answered by Condori Ticona herself, "
        "on Instagram: "
        '"Lucía goes back because she is braver than me."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in letters.quotes] == ["Wayra Condori Ticona"]


def test_a_shorter_name_in_a_heading_keeps_the_full_name_and_a_line_on_her_line():
    analysis = analyse(
        "Cue sheet\n\nInterview by Anjali Menon\n\n"
        "Kaayal (Lagoon) is a Malayalam thriller. Sreeja Raghavan-Pillai plays the detective, Inspector Latha, and "
        "Joseph Mathew Kurian the boat's owner, Kuttan. The music supervisor is Annamma Varghese Thomas.\n\n"
        "CUE SHEET (music supervisor: Annamma Thomas)\n"
        '2M02 "Nocturne" (3:10). Score. Under Latha\'s scene with Kuttan, ending on her line '
        '"You rowed back alone."\n\n'
        'Thomas, reached separately, disagreed. "I wanted less music, not none," she said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Sreeja Raghavan-Pillai", "Annamma Varghese Thomas"]


def test_a_cast_lists_first_item_with_its_role_first_and_a_name_someone_goes_by():
    assert credits_in(
        "Opening night\n\nThe play opened on Thursday. Marta, the eldest, is Mireia Soler i Bosch; Clara "
        "Puig-Ferran is Elena; and the youngest, Nina, is played by Aina Roca Valls."
    ) == {("Mireia Soler i Bosch", "Marta"), ("Clara Puig-Ferran", "Elena"), ("Aina Roca Valls", "Nina")}
    analysis = analyse(
        "Diary\n\nBy Chan Dara\n\nDAY 15. Bong Sreyneang from the kitchen, whose full name is Keo Sreyneang, caught me "
        'skipping lunch. Her verdict, delivered with a spoon: "Eat, or the camera will know."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Keo Sreyneang"]


def test_a_boards_inks_a_logs_common_words_and_initials_with_particles():
    board = analyse(
        "The board\n\nTranscribed by Meron Haile\n\nOn the board, Tigist Alemu Bekele writes in red, the staff writer "
        "Yonas Desta Girma in blue.\n\n"
        'Card 1. A blackout. Red: "Candles only, it is 1998."\n'
        'Card 2. The letter. Blue: "Whose letter is it? DECIDE." Red, underneath: "Her father\'s. Decided."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in board.quotes] == [
        "Tigist Alemu Bekele",
        "Yonas Desta Girma",
        "Tigist Alemu Bekele",
    ]
    log = analyse(
        "ADR log\n\nBy Katrín Jónsdóttir\n\nGunnar Helgason plays the skipper, and the line he had to record again "
        "was the last in the film.\n\n"
        'Loop 2/01. Gunnar. Line: "The sea keeps what it is given."',
        build_directory([]),
    )
    assert [quote.speaker_written for quote in log.quotes] != ["Line"]
    inventory = analyse(
        "Inventory\n\nBy Aoife Ní Bhriain\n\nThe shop's owner is played by Pádraig Ó Súilleabháin and his "
        "daughter by Máire Nic Gearailt. The inventory has a column where the actors may write.\n\n"
        'Item 1. Fiddles. Actors\' column: "Only the red one is in tune, and only just." (P. Ó S.)\n'
        'Item 2. Kettle. Actors\' column: "I have made two hundred cups of pretend tea." (M. Nic G.)',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in inventory.quotes] == ["Pádraig Ó Súilleabháin", "Máire Nic Gearailt"]


def test_a_job_owners_notes_a_chair_in_brackets_and_a_mixers_note():
    sheet = analyse(
        "Sign-in sheet\n\nBy Ngozi Eze\n\nThe casting director Adaeze Okonkwo-Bello keeps every sheet.\n\n"
        "DAY 1. (Right-hand column: casting director's notes.)\n\n"
        '9.10 Emeka Nwosu. Reading for: Obi. Note: "Too polished for Obi. Bring back for the lawyer."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in sheet.quotes] == ["Adaeze Okonkwo-Bello"]
    minutes = analyse(
        "Jury minutes\n\nMinutes taken by Baran Kaya\n\n"
        "Present: Prof. Ayla Demir-Yılmaz (chair), Emre Şahin, Kerem Tekin.\n\n"
        'Item 3. Tekin argued for the comedy: "It is the only film here that made anybody laugh." The chair: '
        '"Laughing is not a category, Kerem."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in minutes.quotes] == ["Kerem Tekin", "Ayla Demir-Yılmaz"]
    log = analyse(
        "ADR log\n\nBy Katrín Jónsdóttir\n\nThe two days at the studio were run by the mixer Björn Ólafsson.\n\n"
        'Loop 6/04. Breaths only. Mixer\'s note: "Sixteen breaths. Ask the union if that counts as a line."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in log.quotes] == ["Björn Ólafsson"]


def test_signed_quotations_line_after_line_are_quotes_and_not_a_transcript():
    analysis = analyse(
        "Tributes\n\nBy Eleni Papadaki\n\nThe actor Giorgos Manolakis has died at 80.\n\n"
        'Sofia Karagianni, who played his wife: "He improvised half his lines, and the writers kept them."\n\n'
        'Nikos Dimitriou, the head writer: "We wrote that he enters, and he did the rest."\n\n'
        'Anna Manolaki: "My father was the loudest neighbour on television and the quietest at home."',
        build_directory([]),
    )
    assert analysis.qa_turns == []
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Sofia Karagianni",
        "Nikos Dimitriou",
        "Anna Manolaki",
    ]


def test_a_reply_is_whoever_was_asked_or_told_and_a_most_quoted_line():
    analysis = analyse(
        "Review\n\nBy Mere Parata\n\nThe station owner, Fairlie, is played by Angus Drummond, and the cook, Ngaio, "
        "by Hine Te Rangi.\n\n"
        '"I have never paid a woman by the fleece," he tells Ngaio. Her reply gets the biggest laugh of the night '
        'from the Wellington audience: "Then it is time you started, Mr Fairlie."\n\n'
        "In my fifth email to Hine Te Rangi I asked, as politely as I could, whether she had seen the film. "
        'Her reply, in full: "No."\n\n'
        "Fairlie's most quoted line from the first act, shouted across the yard at a crowd of shearers who have "
        "refused to start work until the rain stops, has become a chant at real shearing competitions in Wairarapa: "
        '"Wool is wool and rain is rain!"',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Angus Drummond",
        "Hine Te Rangi",
        "Hine Te Rangi",
        "Angus Drummond",
    ]


def test_narration_quoting_someone_after_a_transcript_ends_it():
    analysis = analyse(
        "Show notes\n\nBy Lan Phạm\n\nThe host Đỗ Minh Anh talks to the writer Nguyễn Thu Hà.\n\n"
        "ĐỖ MINH ANH: Will there be a season three?\n\nNGUYỄN THU HÀ: Ask the producer. She hung up on me.\n\n"
        'After recording, Nguyễn Thu Hà sent us a message: "Tell the listeners the tree is fine, it was fibreglass."'
        "\n\nThe producer, Trần Văn Long, told about the call, laughed. "
        '"She did not hang up. The line dropped, and I let it."',
        build_directory([]),
    )
    assert len(analysis.qa_turns) == 2
    assert [quote.speaker_name for quote in analysis.quotes] == ["Nguyễn Thu Hà", "Trần Văn Long"]
    laughed = analyse(
        "Show notes\n\nBy Lan Phạm\n\nThe host Đỗ Minh Anh talks to the writer Nguyễn Thu Hà.\n\n"
        "ĐỖ MINH ANH: Will there be a season three?\n\nNGUYỄN THU HÀ: Ask the producer. She hung up on me.\n\n"
        'The producer, Trần Văn Long, told about the call, laughed. "She did not hang up. The line dropped."',
        build_directory([]),
    )
    assert len(laughed.qa_turns) == 2
    assert [quote.speaker_name for quote in laughed.quotes] == ["Trần Văn Long"]


def test_a_capitalised_word_after_the_is_no_speaker_even_when_it_is_a_surname():
    analysis = analyse(
        "Six scenes\n\nBy Tom Hale\n\nThe neighbour is played by Rhys English; Leila, the daughter, by Yasmin "
        "Amiri.\n\nFour: Mr Hale learns tarof\n\n"
        "Tarof is explained to the English neighbour by Leila in a single breath: "
        '"You offer three times, they refuse three times, and then you both know."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Yasmin Amiri"]


def test_georgian_and_kurdish_forms_of_address_and_a_name_known_to_everyone():
    analysis = analyse(
        "Read-through\n\nBy Ana Beridze\n\nThe director, Tamar Kobakhidze, is Kalbatono Tamar to the cast, and "
        "the oldest actor, Davit Gogoladze, who plays the tram conductor, is Batono Davit to everybody.\n\n"
        '10.12. Batono Davit stops reading: "He would never call the tap the tap."\n\n'
        '10.41. Kalbatono Tamar: "That tap has more character than half of us. Keep it."\n\n'
        "The story editor, Cabdi Xasan Jaamac, is known to everyone as Cabdi Dheere, tall Cabdi.\n\n"
        'Cabdi Dheere: "The cake falls over. Not a joke. A sign."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Davit Gogoladze",
        "Tamar Kobakhidze",
        "Cabdi Xasan Jaamac",
    ]
    green_room = analyse(
        "Green room log\n\nBy Rêbaz Omar\n\nIn Kurdistan people are called by their own name, with Kak for a man "
        "and Xan after the name for a woman. The guests were Berivan Dilshad Aziz and Kawa Hêmin Mustafa.\n\n"
        '18.40 Berivan Xan arrives with her own kettle. "Your tea is a crime," she tells me.\n\n'
        '18.50 Kak Kawa wants to know where the salt came from. "It got into my boots," he says.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in green_room.quotes] == ["Berivan Dilshad Aziz", "Kawa Hêmin Mustafa"]


def test_a_casting_listings_cast_lines_and_a_job_before_what_someone_is_called():
    assert credits_in(
        "Casting call\n\nBy Sina Lealaiauloto\n\nTHE LISTING\n\n"
        "LELEI, the eldest sister. Fifties. Practical.\nCast: Tina Aiono-Faleolo.\n\n"
        "SIENI, the youngest. Twenties. Must climb a tree.\nCast: Mele Fuimaono-Tuala."
    ) == {("Tina Aiono-Faleolo", "Lelei"), ("Mele Fuimaono-Tuala", "Sieni")}
    analysis = analyse(
        "Screening\n\nBy Bold Erdene\n\nMongolian names put the father's name first. The cinematographer, "
        "Dashdorjiin Bat-Erdene, is Bat-Erdene, and the horse-breeder is played by Erdenebatyn Saruul.\n\n"
        'Asked how many crew there were, Bat-Erdene said: "Fewer than fingers, most days."',
        build_directory([]),
    )
    assert "Dashdorjiin Bat-Erdene" in analysis.introduced
    assert [quote.speaker_name for quote in analysis.quotes] == ["Dashdorjiin Bat-Erdene"]


def test_notes_in_someones_handwriting_a_directors_biro_and_an_emails_headers():
    notes = analyse(
        "The adviser's notes\n\nBy Emeka Okoro\n\nIts technical adviser is Adaora Chinwe Obi-Eze. The series is "
        "directed by Obinna Udeh.\n\nTHE NOTES\nEach note is in Obi-Eze's handwriting, in green.\n\n"
        'Episode 1, scene 8. Note: "Nobody warms up with hands in pockets."\n\n'
        'Episode 3, scene 15. Note: "The coach would go quiet, not shout." Underneath, in the director\'s black '
        'biro: "Agreed. Reshoot Tuesday."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in notes.quotes] == ["Adaora Chinwe Obi-Eze"] * 2 + ["Obinna Udeh"]
    emails = analyse(
        "Permits\n\nBy Liisa Koskinen\n\nFrom: Eero Rantala\nTo: Sanna Niskala, Port of Oulu\nSubject: Filming in "
        "February\n\nDear Ms Niskala, we are a crew of twenty.\n\nFrom: Sanna Niskala\nTo: Eero Rantala\nSubject: RE: "
        "Filming in February\n\nDear Mr Rantala, the ship's former captain, Jari Väänänen, looks after it. His exact "
        'words were: "Not on my ship, not in February, not with actors."',
        build_directory([]),
    )
    assert emails.qa_turns == []
    assert [quote.speaker_name for quote in emails.quotes] == ["Jari Väänänen"]


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        (
            "Oral history\n\nAluth Gama (New Village) was a half-hour sitcom about two families in one house. "
            "Sriyani is played by Dilrukshi Perera.",
            {("Dilrukshi Perera", "Sriyani")},
        ),
        # before what the show is: "…, on Idel TV, follows …"
        (
            "Night shift\n\nBy Ann Lee\n\nTöngi Avtobus (Night Bus), on Idel TV, follows a driver called Marat. "
            "Renat Gabdullin plays Marat.",
            {("Renat Gabdullin", "Marat")},
        ),
    ],
)
def test_a_title_with_its_translation_before_what_the_show_is_is_no_credit(text, credits):
    assert credits_in(text) == credits


def test_a_label_filled_with_initials_is_the_one_person_the_article_names_with_them():
    analysis = analyse(
        "The fitting book\n\nBy Gwenllian Hughes\n\nThe book is kept by Iolo Prys. Dafydd Wyn Morgan "
        "tried the coat and Eirlys Rowlands the shawl.\n\n10:00 Coat, second version.\n"
        'Remark (DWM): "Too warm for August, too thin for the pit."\n\n11:00 Shawl.\n'
        'Note (IP): ER: "Keep the moth holes, they are older than me."\n\n12:00 Boots.\n'
        'Remark (XQ): "Nobody has worn these since the war."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Dafydd Wyn Morgan", "Eirlys Rowlands", None]


def test_signed_quotations_under_their_own_heading_after_a_transcript_are_quotes_not_turns():
    analysis = analyse(
        "Press notes\n\nBy Kemal Aydın\n\nDeniz Yılmaz directs; Ebru Şahin and Tarık Öztürk star.\n\n"
        "Q: Where was it shot?\nDENIZ YILMAZ: In Mardin, in the worst heat of the year.\n"
        "Q: And the cast?\nEBRU ŞAHIN: We drank a lake of tea.\n\nIN THEIR OWN WORDS\n"
        'Ebru Şahin: "I never learned to like the heat."\nTarık Öztürk: "The goats were better actors than me."',
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Deniz Yılmaz", "Ebru Şahin"]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ebru Şahin", "Tarık Öztürk"]


def test_a_forums_post_headers_sign_the_posts_below_them():
    analysis = analyse(
        "The thread\n\nBy Mele Tupou\n\nThe show's creator, Losana Vakacegu, answered fans on the official forum.\n\n"
        'Post by reef_walker_99:\n"Why did the boat sink in the last episode?"\n\n'
        'Reply by LosanaV_writes (verified creator):\n"Because boats do, and because the actor wanted a swim."\n\n'
        'Post by Epeli Naulivou (Lautoka):\n"Will the boat come back?"\n\n'
        'Losana Vakacegu\'s last post, at 2:10 a.m., read simply: "Goodnight, and mind the reef."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [
        None,
        "Losana Vakacegu",
        "Epeli Naulivou",
        "Losana Vakacegu",
    ]
    assert analysis.credits == []  # "(Lautoka)" is where the post comes from, no role


def test_a_first_person_voice_credit_and_a_she_said_after_i_told_her():
    analysis = analyse(
        "My week in the booth\n\nBy Thandiwe Moyo\n\nI voice Nala, a lioness who runs a taxi rank. Our writer is "
        "Rutendo Chikwanha.\n\nWednesday\nRutendo sat in and rewrote a line in the corridor. When I told her so she "
        'said, "Lions never apologise twice."',
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Thandiwe Moyo", "Nala")}
    assert [quote.speaker_name for quote in analysis.quotes] == ["Rutendo Chikwanha"]


def test_a_wall_label_is_the_words_of_whoever_the_article_says_wrote_it():
    analysis = analyse(
        "Review: the props show\n\nBy Ana Sousa\n\nThe exhibition quotes its cast. Filipa Rebelo Nunes and Tomás "
        "Viegas Pinto played the sisters.\n\n"
        'Filipa Rebelo Nunes\'s label hangs by the door. "I stole the spoon," it reads. "I gave it back."\n\n'
        "The boat is in the last room, where Filipa Rebelo Nunes rows away, and its label, from Tomás Viegas Pinto, is "
        'the shortest: "I could not row."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Filipa Rebelo Nunes"] * 2 + ["Tomás Viegas Pinto"]


def test_roles_left_without_their_verb_in_a_list_of_who_plays_whom():
    assert credits_in(
        "Casting\n\nThe mother, Dona Inês, is played by Rita Sampaio Brandão; her rival, Custódia, by Joana Leal; and "
        "the twins caught between them, Rui and Raul, by Duarte Amaral Cruz and Vasco Pires Lemos."
    ) == {
        ("Rita Sampaio Brandão", "Dona Inês"),
        ("Joana Leal", "Custódia"),
        ("Duarte Amaral Cruz", "Rui"),
        ("Vasco Pires Lemos", "Raul"),
    }
    assert credits_in(
        "Casting\n\nThe chief, Tulimaq, is played by Jaani Ootoova; the pilot, Ruby, by Maata Kunuk; and the team's "
        "newest member, a vet from the south called Hannah, by Leetia Qamaniq."
    ) == {("Jaani Ootoova", "Tulimaq"), ("Maata Kunuk", "Ruby"), ("Leetia Qamaniq", "Hannah")}
    assert credits_in(
        'Fittings\n\n09:00 Sibusiso "Sbu" Dube (young Mandla). Trousers.\n10:00 Ayanda Zulu (Thembi). Dress.'
    ) == {("Sibusiso Dube", "Mandla"), ("Ayanda Zulu", "Thembi")}


def test_chiefly_titles_short_forms_and_what_the_staff_call_someone():
    fijian = analyse(
        "Cast statement\n\nBy Seini Tuilagi\n\nAdi Mereani Tabua plays the matriarch, Nau Kelera; Ratu Sevanaia Koroi "
        'plays her brother, Jope.\n\nAdi Mereani said the move was unfair. "We make this for families," she said.\n\n'
        'Ratu Sevanaia was blunter. "Nobody watches at eleven."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in fijian.quotes] == ["Mereani Tabua", "Sevanaia Koroi"]
    assert {(credit.person, credit.character) for credit in fijian.credits} == {
        ("Mereani Tabua", "Nau Kelera"),
        ("Sevanaia Koroi", "Jope"),
    }
    polish = analyse(
        "On the tour\n\nBy Ewa Nowak\n\nThe guide is Agnieszka Wiśniewska, who has done it for years and is Bunia "
        "to the staff. Polish diminutives work like that: Katarzyna becomes Kasia, Tomasz becomes Tomek. Halina is "
        "played by Katarzyna Lis-Wrona; Marek by Tomasz Pietrzak.\n\nKasia likes the courtyard. Pani Kasia told me "
        'once: "They know my bucket." Tomek Pietrzak, when he heard about it: "Bunia brought forty people into my '
        'scene."\n\n'
        "VISITOR: Is the bucket real?\nBUNIA: There are two.\nVISITOR: Can we meet them?\nBUNIA: Sometimes.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in polish.quotes] == ["Katarzyna Lis-Wrona", "Tomasz Pietrzak"]
    assert [turn.speaker_name for turn in polish.qa_turns if turn.role == "answer"] == ["Agnieszka Wiśniewska"] * 2


def test_a_list_of_newcomers_under_headings_in_capitals_with_their_ages():
    analysis = analyse(
        "Five to watch\n\nBy Lan Pham\n\nVietnamese put the family name first.\n\n"
        '1. NGÔ THANH HẢI, 27, cinematographer\nHải shot the film from a canoe. "We lost a lens to the river," he '
        'said. Tô Thị Hồng laughed. "He lost two."\n\n2. ĐINH BẢO NGỌC, 20, actor\nAsked what she learned from the '
        'veteran Tô Thị Hồng, who plays her aunt, Ngọc did not hesitate: "She taught me to stand still."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ngô Thanh Hải", "Tô Thị Hồng", "Đinh Bảo Ngọc"]
    assert analysis.credits == []  # "who plays her aunt, Ngọc did not hesitate": the next clause's subject


def test_a_preface_signed_under_the_standfirst_and_at_the_end_with_its_list_of_people():
    analysis = analyse(
        "Translator's preface\n\nThe screenplay of a Faroese film is out in English. We print its preface.\n\n"
        "Sunneva Jacobsen\n\nA note for readers who have not seen the film: this preface discusses its ending.\n\n"
        "The director is Rakul Joensen, and in Tórshavn she is Rakul to everybody. The screenplay lists its people "
        "so:\n\nJÓGVAN, a fisherman, seventy (Heðin Poulsen)\nMARJUN, his granddaughter, home from Oslo (Bára "
        "Olsen)\n\nWhen I asked Rakul whether I could add a line or two for the English reader, she wrote back in "
        'one sentence: "Leave the silence alone."\n\n'
        'In the boat Jógvan tells Marjun, "The fog keeps what it likes."\n\nSunneva Jacobsen\nTórshavn, May',
        build_directory([]),
    )
    assert analysis.bylines == ["Sunneva Jacobsen"]
    assert analysis.qa_turns == []
    assert analysis.spoiler.flagged
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Heðin Poulsen", "Jógvan"),
        ("Bára Olsen", "Marjun"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Rakul Joensen", "Heðin Poulsen"]


def test_a_newsletter_answering_readers_named_with_their_towns():
    analysis = analyse(
        "Letters from the farm\n\nThe creator of a Breton drama answers readers.\n\nThe newsletter, issue 3\n"
        "From: Gwenola Le Bris\n\nKenavo, everyone. Maiwenn Cadiou plays the mother, Soazig, and Soazig's only line in "
        "that scene, \"The tide keeps its own hours,\" was Maiwenn's idea.\n\nThis week's questions come from Yann "
        "Le Gall (Quimper) and Anna Riou (Brest).\n\nYANN: Is the boat lost?\nGWENOLA: No.\nANNA: Will there be more?\n"
        'GWENOLA: Ask the sea.\n\nMaiwenn sent me a message that night, and she said I could share it: "Tell them '
        'Soazig cried in the car."\n\nKenavo,\nGwenola',
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Maiwenn Cadiou", "Soazig")}
    assert [quote.speaker_name for quote in analysis.quotes] == ["Maiwenn Cadiou", "Maiwenn Cadiou"]
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Yann Le Gall",
        "Gwenola Le Bris",
        "Anna Riou",
        "Gwenola Le Bris",
    ]


def test_a_tv_guides_picks_with_a_films_maker_and_a_comparison_before_a_quote():
    analysis = analyse(
        "Picks of the week\n\nBy Niki Pappa\n\nA note on names: an older neighbour is Kyria plus her first name.\n\n"
        "SUNDAY\nTo Kastro (The Castle), 21.00\nKyria Rinoula sells the olive press. Sofia Anagnostou told the "
        "channel she argued against it. «I said no for a month,» she said. «They said, wait.» Nikos Dimas, still "
        "Nikolakis to his co-stars, promises that Manolis will fight back.\nWith Sofia Anagnostou (Rinoula), Nikos "
        "Dimas (Manolis).\n\nWEDNESDAY\nTo Nisi (The Island), 23.40\nPetros Lazaridis's 1991 drama about a lighthouse "
        "is on too late. Maria Kosta, then nineteen, plays the keeper's niece, Anthi, and is superb. Asked what "
        "she remembered, she wrote: «Being seasick.» The director, reached in Syros, was briefer. «We were all cold.»",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Sofia Anagnostou"] * 2 + [
        "Maria Kosta",
        "Petros Lazaridis",
    ]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Sofia Anagnostou", "Rinoula"),
        ("Nikos Dimas", "Manolis"),
        ("Maria Kosta", "Anthi"),
    }


def test_a_rewatch_journal_quoting_the_commentary_and_a_characters_lines():
    analysis = analyse(
        "Rewatch journal\n\nJournal by Ana Reyes\n\nThe series follows a ferryman, Mang Berto, played by Romeo "
        '"Boy" Santos, and his daughter Lita by Joy Ramos. It was directed by Teresa dela Paz, whom the cast '
        "calls Direk Tess.\n\nEPISODE 1. Still lovely. On the commentary Direk Tess reveals that the boat, with "
        'Santo Niño painted on its bow, was her uncle\'s. "He sat in it all day so nobody would scratch it."\n\n'
        "EPISODE 4. Mang Berto's line to the passenger who won't pay, \"The river does not run on promises,\" is on "
        "every sticker in Pasig.\n\nEPISODE 6. Lita drives the last trip herself. Mang Berto sits in the passenger "
        "seat for the first time in the whole series and says nothing at all until Pasig, where he hands her a coin: "
        '"Bayad po."',
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Romeo Santos", "Mang Berto"),
        ("Joy Ramos", "Lita"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Teresa dela Paz"] + ["Romeo Santos"] * 2


def test_a_catalogue_entry_with_a_signed_statement_and_a_book_review_quoting_its_interviewees():
    catalogue = analyse(
        "Catalogue entry\n\nBy Dana Omarova, Almaty\n\nDIRECTOR'S STATEMENT\nMy aunt still keeps sheep. Saule "
        "Nurlanova, whom the crew called Saule apa, asked me on the first morning what her character thinks about. "
        'I said: "The sheep and the stove." She said: "Good. Then I know her."\nAsel Qairatqyzy\n\n'
        'ANNOUNCEMENTS (Bolat Serikov, 05:20, by the yurt)\n"Quiet on the steppe, please."',
        build_directory([]),
    )
    assert catalogue.bylines == ["Dana Omarova"]
    assert [quote.speaker_name for quote in catalogue.quotes][:2] == ["Asel Qairatqyzy", "Saule Nurlanova"]
    assert catalogue.credits == []  # "(Bolat, 05:20, by the yurt)": who read them out, and when
    review = analyse(
        "Book review\n\nBy Inga Somby\n\nThe book is by Ánne Márjá Turi. Its director is Biret Sara Eira.\n\n"
        "Turi quotes the young actor Nils Mikkel Gaup, who plays the herder's son: \"I caught the camera "
        'operator."\n\nThere is a passage on the language coach, Piera Bongo, whose job was to stop actors sounding '
        'like the news. His rule, as Turi records it: "If your grandmother laughs, say it again."\n\nThe book ends on '
        'a sentence of her own that I keep thinking about: "A series is a herd too."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in review.quotes] == ["Nils Mikkel Gaup", "Piera Bongo", "Ánne Márjá Turi"]


def test_unnamed_people_keep_their_pronouns_and_an_interview_is_its_headlines():
    street = analyse(
        "A walk\n\nBy Tom Reid\n\nLeota Fa'alogo plays the pastor. Opposite the canal, a man in a rugby shirt stops "
        "dead. 'Bro! Pastor!' he shouts, and then, more quietly: 'Sorry. Big fan.'\n\nRasa Petraitė directs. When I "
        'was a boy in Nida my grandmother kept amber on the sill, and when I asked where it came from she said, "From '
        'the sea."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in street.quotes] == [None, None, None]
    profile = analyse(
        "Child star\n\nBy Tom Reid\n\nHis mother, Ana Lopes, sits beside him with a notebook.\n\n"
        "‘We give the children both names, the mother’s first,’ she explains.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in profile.quotes] == ["Ana Lopes"]  # "the mother" inside her own words
    visit = analyse(
        "Going home\n\nBy Tom Reid\n\nI ring my mother, Grace Hale, every Sunday.\n\nThe door opens. My mother takes "
        "my coat. ‘You’re thinner,’ she says.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in visit.quotes] == ["Grace Hale"]  # the writer's mother, named before
    interview = analyse(
        "Giorgi Beridze: “At our table only the toastmaster stays sober”\n\nBy Ann Lee\n\nGiorgi Beridze directs. "
        "Lasha Tsereteli, whom every Georgian knows as Lasho, plays the groom; Georgian names have diminutives, so "
        "Lasha becomes Lasho. Lasho trained for a year. Lasho sings. Lasho cooks.\n\nQ: What is a toastmaster?\n"
        "A: The one who talks.\n\nQ: And Lasho?\nA: A son of the west.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in interview.qa_turns if turn.role == "answer"] == ["Giorgi Beridze"] * 2


def test_two_actors_play_a_pair_and_a_role_spelt_apart_from_the_actors_own_name():
    assert credits_in(
        "Top ten\n\nIsla Grant and Ama Boateng play the sisters, Jean and Effie Baxter, and they are wonderful."
    ) == {("Isla Grant", "Jean Baxter"), ("Ama Boateng", "Effie Baxter")}
    people = [{"key": "elle-sara", "name": "Elle Kristine Sara", "aliases": ["Sara"], "credits": []}]
    analysis = analyse(
        "Review\n\nBy Ann Lee\n\nElle Kristine Sara, who plays Issát's daughter, Sárá, caught the camera operator.",
        build_directory(people),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Elle Kristine Sara", "Sárá")}
    assert credits_in(
        "Y Crydd\n\nY Crydd (The Cobbler) is a Welsh-language film for S4C. Osian Rhys stars as the cobbler Ifan."
    ) == {("Osian Rhys", "Ifan")}


def test_a_relative_takes_no_family_name_where_the_article_says_it_comes_first():
    assert credits_in(
        "Five to watch\n\nVietnamese put the family name first. Lê Thu Trang plays Út Mai; Đinh Bảo Ngọc plays "
        "Út Mai's older sister, Thu."
    ) == {("Lê Thu Trang", "Út Mai"), ("Đinh Bảo Ngọc", "Thu")}


def test_a_lead_in_with_a_clause_after_the_name_is_no_transcript_label():
    analysis = analyse(
        'Tour\n\nBy Ewa Nowak\n\nTomek Pietrzak, when he heard about it: "Bunia brought forty people into my '
        'scene."\n\nVISITOR: Is the bucket real?\nBUNIA: There are two.\nVISITOR: Can we meet them?\nBUNIA: Sometimes.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Tomek Pietrzak"]
    assert [turn.label for turn in analysis.qa_turns] == ["VISITOR", "BUNIA", "VISITOR", "BUNIA"]


def test_a_reprinted_interview_asks_through_its_own_interviewer_and_its_bracketed_notes_are_quotes():
    analysis = analyse(
        "Tavita Leota rereads his first interview\n\nBy Ann Lee\n\nTavita Leota played Sione in Le Ala (1991).\n\n"
        "The interview, by Moana Faleolo, ran in the Apia Herald in 1991. Here it is, with his margin notes in "
        "square brackets.\n\nQ: Were you nervous?\nA: Never.\n[Margin: “Every single morning.”]\nQ: What next?\n"
        "A: London.\n[Margin: “Auckland, and glad of it.”]\n\nLeota laughed about it on Tuesday.",
        build_directory([]),
    )
    assert [(turn.role, turn.speaker_name) for turn in analysis.qa_turns] == [
        ("question", "Moana Faleolo"),
        ("answer", "Tavita Leota"),
    ] * 2
    assert [turn.text for turn in analysis.qa_turns if turn.role == "answer"] == ["Never.", "London."]
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Every single morning.", "Tavita Leota"),
        ("Auckland, and glad of it.", "Tavita Leota"),
    ]


def test_a_characters_line_as_something_happens_is_the_actors():
    analysis = analyse(
        "Le Ala at thirty\n\nBy Ann Lee\n\nThe old fisherman, Tama Sefo, was played by the late Ioane Pulu.\n\n"
        "Tama Sefo's line as the boat turns for home, “The reef remembers,” is still quoted in Apia.",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [("The reef remembers,", "Ioane Pulu")]


def test_a_nickname_takes_a_family_name_of_two_words_and_a_byname_after_the_given_name_is_the_same_man():
    analysis = analyse(
        "Reunion\n\nBy Ann Lee\n\nPádraig Mac Giolla and Ciarán Ó Briain were the leads. Pádraig Mac Giolla has "
        "been Paddy to everybody since school. In Carna, Ciarán is also Ciarán Sheáin, to tell him from the other "
        "Ciaráns.\n\nPaddy Mac Giolla spoke first. ‘To the kettle,’ he said.\n\nCiarán Sheáin kept it short. "
        "‘To the shop.’",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Pádraig Mac Giolla", "Ciarán Ó Briain"]


def test_as_someone_did_is_a_likeness_and_a_hyphen_list_gives_actors_and_roles():
    assert (
        credits_in(
            "Names\n\nSeán Ó Briain and Nóra Ní Dhónaill married in 1990. A married woman may take Bean Uí Bhriain, "
            "wife of Ó Briain, as Nóra did when she wed."
        )
        == set()
    )
    assert credits_in(
        "Place cards\n\nThe top table read:\n\nOrla Ní Bhriain - Síle, 1990-1998\n\nDara Mac Aodha - producer, "
        "1991-1998\n\nLiam Ó Dónaill - Peadar Beag, 1992-1998"
    ) == {("Orla Ní Bhriain", "Síle"), ("Liam Ó Dónaill", "Peadar Beag")}


def test_a_newsletters_shout_outs_are_from_whoever_sent_them_and_never_from_whom_they_are_for():
    analysis = analyse(
        "The Stall Tray\n\nBy Ann Lee\n\nChief Emeka Nwosu plays Okonkwo; Alhaja Sade Bakare plays his wife; Ada Okoro "
        "plays their daughter. The grip is Tobi Alade. A chief is always Chief, and a woman who has made the hajj "
        'is Alhaja.\n\nSHOUT-OUTS\nTo Ada Okoro and the make-up team, from the grips: "The tea saved us." — Tobi '
        'Alade, grip\nTo Ada, from Chief Nwosu: "Slow down, you make me look lazy."\n\nHeard at the monitor after '
        'take 4, from Alhaja: "Again, and for free."\n\nOkonkwo\'s line from episode 3, "A quiet market is a '
        'grave," is on mugs now.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Tobi Alade",
        "Emeka Nwosu",
        "Sade Bakare",
        "Emeka Nwosu",
    ]


def test_a_feedback_forms_fields_give_its_lines_to_the_candidate_and_initialled_notes_to_their_writer():
    analysis = analyse(
        "The forms\n\nAnca Dobre and Radu Luca show us theirs.\n\nBy Ann Lee\n\nThe director, Tudor Vasilescu, "
        "initials his notes T.V. Romanian forms put the "
        "surname first. The casting director, Maria Enache, initials hers M.E.\n\nFORM - ROUND 1\n\n"
        'Candidate: DOBRE Anca\n\nRole: Ileana. Scene 2\n\nLine as delivered: "The well is dry."\n\n'
        'Maria: Good. Callback.\n\nNote from candidate, attached: "I was tired that day."\n\n'
        'T.V.: "Cast her."\n\nFORM - ROUND 1\n\nCandidate: LUCA Radu\n\nRole: Mihai. Scene 5\n\n'
        'Line as delivered: "Sell me the hill."\n\nMaria: The dog barks.\n\nT.V.: "Keep the dog."\n\n'
        "Both were cast: Anca Dobre as Ileana and Radu Luca as Mihai.",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("The well is dry.", "Anca Dobre"),
        ("I was tired that day.", "Anca Dobre"),
        ("Cast her.", "Tudor Vasilescu"),
        ("Sell me the hill.", "Radu Luca"),
        ("Keep the dog.", "Tudor Vasilescu"),
    ]
    assert analysis.qa_turns and all(turn.speaker_name == "Maria Enache" for turn in analysis.qa_turns)
    people = article_cast(
        ["Forms", "Tudor Vasilescu initials his notes T.V. Romanian forms are long."], build_directory([])
    )
    assert [person.name for person in people.directory.people.values()] == ["Tudor Vasilescu"]


def test_a_logs_common_words_speak_for_nobody_and_a_kin_clause_gives_no_gender():
    analysis = analyse(
        "The medic's log\n\nBy Ann Lee\n\nJonas is played by Vytas Mockus. The director is Rimas Kairys. The medic "
        "is Ona Petrauskienė, her husband is Petrauskas and their son is Petrauskas too.\n\nDay 3. V. Mockus (Jonas). "
        'Splinter. Patient said: "Jonas would not get a splinter."\nDay 4. R. Kairys (director). Sunburn. Cream '
        'offered and refused. "Directors do not burn."\n\nPetrauskienė said the log is mostly the same. "A set '
        'is a village with sharp tools," she said. "Tomorrow I will be your patient."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Vytas Mockus",
        "Rimas Kairys",
        "Ona Petrauskienė",
        "Ona Petrauskienė",
    ]


def test_a_callers_label_is_the_one_its_screeners_note_names_just_before():
    analysis = analyse(
        "Phone-in\n\nBy Ann Lee\n\nTranscript edited by Hana Tesfaye.\n\nThe producer, Selam Bekele, screens the "
        "calls; the actor Dawit Alemu answers them.\n\nHOST: First caller.\n\n[SCREENER: Ato Tesfaye Mekonnen, "
        "Adama. Put him through.]\n\nTESFAYE (ADAMA): Why did she sell the stall?\n\nDAWIT: To pay the school.\n\n"
        "HOST: Next.\n\nTESFAYE (ADAMA): Thank you.",
        build_directory([]),
    )
    assert [(turn.label, turn.speaker_name) for turn in analysis.qa_turns if turn.label == "TESFAYE"] == [
        ("TESFAYE", "Tesfaye Mekonnen")
    ] * 2


def test_a_name_the_sentence_says_she_is_known_by_is_hers():
    analysis = analyse(
        "Amina Juma Hamisi in the chat\n\nBy Ann Lee\n\nAmina Juma Hamisi, who plays Bi Zena, grew up in Lamu. "
        "Like many mothers, she is known by her eldest child's name: on set she is Mama Tumaini.\n\n"
        "[21:00] Ann: Who cried first?\n[21:01] Mama Tumaini: Nobody. Twice.\n[21:02] Ann: And the finale?\n"
        "[21:03] Mama Tumaini: For a week.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Amina Juma Hamisi"] * 2


def test_a_farm_name_everyone_calls_him_by_before_a_colon_is_his():
    analysis = analyse(
        "Glossary\n\nBy Ann Lee\n\nThe ferry belongs to Mart Kask, a neighbour, and the boatman is Toomas Lepik, "
        "whom everyone on the island calls Nurme Toomas: an older man is known by his family's farm.\n\n"
        'paat - a boat. Nurme Toomas: "I have rowed more for this series than in my life."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Toomas Lepik"]


def test_bracketed_initialled_notes_and_a_surname_that_is_his_given_name_with_an_elders_word():
    analysis = analyse(
        "Trailer notes\n\nBy Ann Lee\n\nThe film is directed by Sunita Lama. Ram Prasad Khadka plays the driver, "
        "Bhai Dai; on set Khadka is Ram Dai: you call an older man dai. The trailer was cut by Bikash Tamang.\n\n"
        '00:12 The bus on the bridge. [S.L.: "No bridge, please."]\n\n00:20 Ram Prasad Khadka as Bhai Dai: '
        '"Every road ends at a cousin." [B.T.: "Kept."]',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Sunita Lama", "Ram Prasad Khadka", "Bikash Tamang"]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Ram Prasad Khadka", "Bhai Dai")}


def test_a_scripts_one_label_is_no_interview_and_an_initialled_aside_in_brackets_is_its_writers():
    analysis = analyse(
        "The announcer's script\n\nBy Ann Lee\n\nThe duty announcer is Meena Raj. Her producer, Jaya Prakash, "
        "talks in her earpiece.\n\n19:29 INTO THE SERIAL\nSCRIPT: AND NOW, THE SERIAL.\n\n20:00 OUT OF THE SERIAL\n"
        'SCRIPT: TOMORROW: THE LETTER.\n[J.P. in my earpiece: "Meena, the letter is a secret!" Too late.]\n\n'
        "21:30 END\nSCRIPT: THE NEWS FOLLOWS.",
        build_directory([]),
    )
    assert analysis.qa_turns == []
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Meena, the letter is a secret!", "Jaya Prakash")
    ]


def test_a_polls_comments_signed_with_a_spaced_hyphen_are_their_signers_and_a_first_name_alone_nobodys():
    analysis = analyse(
        "The poll\n\nBy Ann Lee\n\nKai the crab is voiced by Pua Kealoha.\n\nTHE RESULTS\n1. Kai - 40 per cent\n"
        '"He is funny." - Malia Kahale, 8, Hilo\n2. The host - 9 per cent\n"He tries hard." - Noa, 6, Kona',
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes][:1] == [("He is funny.", "Malia Kahale")]
    assert "Noa" not in [quote.speaker_written for quote in analysis.quotes]


def test_notes_in_someones_handwriting_outrank_a_standfirsts_her_notes():
    analysis = analyse(
        "Touchline notes\n\nA former player keeps the drama honest. She showed us her notes.\n\nBy Ann Lee\n\nIts "
        "adviser is Ngozi Eze-Okafor. Ada Obi plays the striker, Nkechi.\n\nTHE NOTES\nEach note is in "
        'Eze-Okafor\'s handwriting, in green.\n\nEpisode 1, scene 8. Note: "No hands in pockets."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ngozi Eze-Okafor"]


def test_a_roles_line_does_not_make_its_actor_the_one_a_shared_surname_means():
    analysis = analyse(
        "Fact check\n\nBy Ann Lee\n\nAnne Le Bihan, a historian, is the sister of Marc Le Bihan, who plays Étienne. "
        "“I told him not to do it,” she says.\n\nWhen Étienne shouts “Live working, or die fighting!” he is "
        "quoting a real flag.\n\n“That is the one line I would keep,” says Le Bihan.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Anne Le Bihan", "Marc Le Bihan", "Anne Le Bihan"]


def test_a_full_names_end_or_its_own_given_names_are_no_elders_form_of_address():
    assert credits_in(
        "Lantern Street\n\nNguyễn Thị Thu Hà plays Cô Lan. Vietnamese names end with the given name, so Nguyễn Thị "
        "Thu Hà is Thu Hà."
    ) == {("Nguyễn Thị Thu Hà", "Cô Lan")}
    assert credits_in("Kenkey\n\nNaa Dedei Quaye plays Auntie Korkor. Quaye is Naa Dedei, always both names.") == {
        ("Naa Dedei Quaye", "Auntie Korkor")
    }


def test_finnish_quotation_marks_and_a_surname_two_people_share_told_apart_by_their_titles():
    analysis = analyse(
        "Hearing\n\nBy Ann Lee\n\nAino Virta plays the detective. One committee member, Councillor Pekka Virta, is "
        "no relation, a point he made ”so that nobody thinks this is a family matter”.\n\nCHAIR: Is it you on the "
        "roof?\nMS VIRTA: It will be me.\nCOUNCILLOR VIRTA: Why this roof?\nMS VIRTA: Because the series began there."
        "\n\nAino Virta said afterwards that it was like a scene. ”I learned my lines,” she said.",
        build_directory([]),
    )
    assert [(turn.label, turn.speaker_name) for turn in analysis.qa_turns if turn.label != "CHAIR"] == [
        ("MS VIRTA", "Aino Virta"),
        ("COUNCILLOR VIRTA", "Pekka Virta"),
        ("MS VIRTA", "Aino Virta"),
    ]
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("so that nobody thinks this is a family matter", "Pekka Virta"),
        ("I learned my lines,", "Aino Virta"),
    ]


def test_usernames_that_spell_a_title_and_initials_or_two_names_run_together():
    analysis = analyse(
        "Ask him anything\n\nBy Ann Lee\n\nFaleolo Tavita Leota plays the father; Aumua Sina Tafa plays his wife. "
        'The thread opened with a fan\'s "Talofa Faleolo!" and answers from the verified accounts FaleoloTL_official '
        "and AumuaSina.\n\nreef_kid: Did you swim?\n\nFaleoloTL_official: Every day.\n\nreef_kid: And you?\n\n"
        "AumuaSina: Never.\n\nreef_kid: Really?\n\nFaleoloTL_official: She is quoting me.\n\nAumuaSina: I am.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == [
        "Faleolo Tavita Leota",
        "Aumua Sina Tafa",
        "Faleolo Tavita Leota",
        "Aumua Sina Tafa",
    ]


def test_dialogue_set_off_by_dashes_is_quoted_speech():
    analysis = analyse(
        "The booth\n\nBy Ann Lee\n\nThe session director is Szabó Judit. Kovács Péter voices the cat; he has dubbed "
        "for forty years.\n\n"
        "– Fog is the hardest thing to act – he said, when the session had finished. – You cannot see it.\n\n"
        "– The log is the only honest document here – said Szabó Judit.\n\n"
        "– Loop 14, take 2\n– Loop 15, take 6",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Fog is the hardest thing to act", "Kovács Péter"),
        ("You cannot see it.", "Kovács Péter"),
        ("The log is the only honest document here", "Szabó Judit"),
    ]


def test_a_title_and_an_initial_and_a_jobs_initials_are_labels_of_the_people_the_article_names():
    handout = analyse(
        "The handout\n\nBy Ann Lee\n\nThe teacher is Dr Ngozi Okeke-Ani. Dr Okeke-Ani let us copy the handout.\n\n"
        "DR O.: What does your character want?\nC. EZE: His land.\nDR O.: Wrong. Try again.\nC. EZE: Respect.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in handout.qa_turns if turn.label == "DR O."] == ["Ngozi Okeke-Ani"] * 2
    notes = analyse(
        "Cue to cue\n\nBy Ann Lee\n\nThe lighting designer is Rosa Mamani Flores. Her notes, and the director's "
        "answers:\n\nLD: Cue 12. Too dark?\nDIRECTOR: Leave it.\nLD: Cue 18. Follow spot?\nDIRECTOR: Only the stars.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in notes.qa_turns if turn.label == "LD"] == ["Rosa Mamani Flores"] * 2


def test_a_byname_she_has_been_since_school_is_hers():
    analysis = analyse(
        "Interview\n\nBy Ann Lee\n\nHodan Cali Nuur plays Ayaan. Nicknames are everywhere: Hodan, who is tall, has "
        "been Hodan Dheere since school. The interpreter is Ifrah Cabdi Warsame.\n\nANN: How did the part come?\n"
        "HODAN (signed): At a wedding.\nANN: Was it hard?\nHODAN (signed): Only the last scene.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.label == "HODAN"] == ["Hodan Cali Nuur"] * 2


def test_a_role_whose_name_opens_with_a_single_letter_and_a_hyphen_is_credited():
    analysis = analyse(
        "The ferry\n\nBy Ann Lee\n\nThe cook, A-Mei, is played by Qiu Jianguo, a Suzhou puppeteer making his "
        'first drama.\n\nQiu Jianguo laughed. "I burnt the rice twice," he said.',
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Qiu Jianguo", "A-Mei")]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Qiu Jianguo"]


def test_a_seniority_nickname_given_with_the_group_first_is_the_last_person_named():
    analysis = analyse(
        "The studio\n\nBy Ann Lee\n\nWu Lanfang, the lead, is twenty-four. The foley artist, Wu Hong, is also a Wu, no "
        "relation, and has worked here since 1991. To the whole station he is Lao Wu. Gu Dehai, at eighty the oldest "
        'actor in the building, is Lao Gu to everyone.\n\n"The rain needs more gravel," Lao Wu said. "No," Lao Gu '
        "said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Wu Hong", "Gu Dehai"]


def test_a_role_written_as_a_title_and_its_surname_is_the_same_credit():
    analysis = analyse(
        "Recording day\n\nBy Ann Lee\n\nGao Ming plays the captain, Tian Shoufu.\n\n"
        'SCENE 4. CAPTAIN TIAN (Gao Ming)\nCAPTAIN TIAN: "Nobody sails tonight."',
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Gao Ming", "Tian Shoufu")]


def test_a_numbered_cards_heading_names_whose_remark_is_under_it():
    analysis = analyse(
        "Fittings\n\nBy Ann Lee\n\nMatsuda Emi plays Yuki; Kondo Taro plays her brother, Ren.\n\n"
        "CARD 1 — MATSUDA Emi (Yuki). Wool coat, grey, lined for the snow scenes that Kondo Taro shoots too.\n"
        "Actor's remark: ‘Too warm for June.’\nDesigner: Noted.\n\nCARD 2 — KONDO Taro (Ren). Straw hat, as "
        "Matsuda Emi chose.\nActor’s remark: ‘I love the hat.’",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Too warm for June.", "Matsuda Emi"),
        ("I love the hat.", "Kondo Taro"),
    ]


def test_an_age_and_what_goes_with_it_between_an_actor_and_plays():
    analysis = analyse(
        "The club\n\nBy Ann Lee\n\nTamar Biton, at seventeen the youngest of the cast, plays the baker's niece, "
        "Shira. Rina Golan, forty at the time and in her second film, played Hadas.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Tamar Biton", "Shira"),
        ("Rina Golan", "Hadas"),
    ]


def test_a_nickname_after_an_apposition_closed_by_its_comma():
    analysis = analyse(
        "Frames\n\nBy Ann Lee\n\nThe director, Gerrit-Jan Hoogland, is GJ to everybody on the crew. Bram Smit plays "
        'the miller; Anouk Smit plays his wife.\n\nFrame 2. GJ on a ladder. "Bram needs a bigger hat," Bram Smit '
        'said, pointing. "No," GJ said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Bram Smit", "Gerrit-Jan Hoogland"]


def test_dialogue_set_off_by_dashes_and_ended_by_a_comma_and_its_verb():
    analysis = analyse(
        "The coast\n\nBy Ann Lee\n\nSigrid Haugen plays the keeper; Nils Ødegård coached the cast.\n\n"
        "LINE 4 — KEEPER (Sigrid Haugen)\n– Eg ser lyset.\n\n"
        "– The first week we only listened, says Nils Ødegård. – Nobody was allowed to speak.\n\n"
        "Haugen had it hardest.\n\n– I had to forget Oslo, she says.\n\n"
        "– 1961: the light is automated\n– 1962: the family leaves",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Eg ser lyset", "Sigrid Haugen"),
        ("The first week we only listened,", "Nils Ødegård"),
        ("Nobody was allowed to speak", "Nils Ødegård"),
        ("I had to forget Oslo,", "Sigrid Haugen"),
    ]


def test_who_is_someones_aunt_gives_her_gender():
    analysis = analyse(
        "Review\n\nBy Ann Lee\n\nOla Berge plays the son. It was written by Marit Berge, who is Ola Berge's aunt.\n\n"
        'Berge had the harder part. "I was twelve when she wrote it," he says.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ola Berge"]


def test_a_guest_books_entry_signed_after_it():
    analysis = analyse(
        "The guest book\n\nBy Ann Lee\n\nThe inn was run by Vesela Petrova. Todor Ivanov directed the series and "
        "Neli Ivanova, his daughter, starred. To the young crew he was Bai Todor.\n\n"
        "1 May. „The soup was the best part of the shoot.“ Signed: Todor Ivanov, director.\n\n"
        "2 May. „My father snores.“ Signed: Neli, room 3.\n\n"
        "2 May, below. „Lies.“ Signed: Bai Todor.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Todor Ivanov", "Neli Ivanova", "Todor Ivanov"]


def test_known_to_everybody_as_after_a_description_with_no_comma():
    analysis = analyse(
        "Diary\n\nBy Ann Lee\n\nThe film is directed by Tashi Dorje, a retired teacher known to all, his crew "
        'included, as Gen Tashi.\n\n"Start the reel," Gen Tashi said.\n\nOur coordinator, Karma Tsering, counted us. '
        'Four Lhamos. He has given us numbers. "Do not all come," he said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Tashi Dorje", "Karma Tsering"]


def test_a_name_with_an_honorific_joined_by_a_hyphen_is_the_person():
    analysis = analyse(
        "Premiere\n\nBy Ann Lee\n\nDolma Yangzom plays the herder; Mori Kenji plays her uncle.\n\n"
        '"I learned to milk a yak," Dolma-la said. "I never did," Kenji-san said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Dolma Yangzom", "Mori Kenji"]


def test_a_titles_translation_in_brackets_is_never_a_credit():
    analysis = analyse(
        "The storm\n\nBy Ann Lee\n\nLanmè Blan (White Sea) was shot in and around Jacmel. Vlčia hora (Wolf Hill) was "
        "shot at the Koliba studios. Sòl Nwa (Black Soil) is set in 1950. Marie Joseph plays Elvire.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Marie Joseph", "Elvire")]
    paragraphs = ["The film", "Zelená zima (Green Winter) was shot at the Koliba studios in 1968 by Milan Kováč."]
    assert list(article_cast(paragraphs, build_directory([])).introduced.values()) == ["Milan Kováč"]


def test_a_little_nickname_made_of_the_first_name_is_his():
    analysis = analyse(
        "The boat\n\nBy Ann Lee\n\nThe coordinator is Jonel Baptiste, whom every diver in the bay knows as Ti Jo.\n\n"
        '"It rolls well," Ti Jo said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Jonel Baptiste"]


def test_a_jobs_comment_on_a_form_is_the_one_person_given_the_job():
    analysis = analyse(
        "Form 3\n\nBy Ann Lee\n\nThe stunt coordinator is Fritz Dorval. Manon Celestin plays the sister and Paul "
        "Celestin her uncle.\n\n"
        "Hazard 1: Water. Coordinator's comment: 'Everybody is tested.'\n"
        "Hazard 2: Night. Director's comment at the reading: 'Keep the lamps low.'",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes][:1] == [
        ("Everybody is tested.", "Fritz Dorval")
    ]


def test_a_slovak_or_polish_title_before_a_surname_is_nobody_new():
    analysis = analyse(
        "The lab\n\nBy Ann Lee\n\nThe film was directed by Milan Kováč and starred Jana Kováčová. Eva Hudecová "
        'ran the lab. "Pán Kováč asked us to keep one scratch," she said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Eva Hudecová"]
    assert "Pán Kováč" not in article_cast(["The lab", *analysis.paragraphs], build_directory([])).introduced.values()


def test_please_note_before_what_the_discussion_includes_is_a_spoiler_notice():
    analysis = analyse(
        "The panel\n\nBy Ann Lee\n\nPlease note: the discussion below includes the ending of Ilanga season 2, "
        "episode 6.\n\nThe panel met in Durban.",
        build_directory([]),
        works=["Ilanga"],
    )
    assert (analysis.spoiler.flagged, analysis.spoiler.season, analysis.spoiler.episode) == (True, 2, 6)


def test_a_numbered_panellist_answers_and_the_moderator_is_the_one_the_article_names():
    analysis = analyse(
        "The panel\n\nBy Ann Lee\n\nThe moderator, Zola Mthembu, has run the panels for years. Sipho Dlamini plays "
        "the son.\n\nMODERATOR: Who watched it all?\nPANELLIST 2 (man, 30s): All of it.\n"
        "MODERATOR: And the end?\nPANELLIST 4: I cried.\nSIPHO DLAMINI: So did I.\nPANELLIST 4: Why did you say no?\n"
        "SIPHO DLAMINI: He had to.",
        build_directory([]),
    )
    assert [(turn.role, turn.label, turn.speaker_name) for turn in analysis.qa_turns][:4] == [
        ("question", "MODERATOR", "Zola Mthembu"),
        ("answer", "PANELLIST 2", None),
        ("question", "MODERATOR", "Zola Mthembu"),
        ("answer", "PANELLIST 4", None),
    ]
    assert [turn.role for turn in analysis.qa_turns if turn.label == "PANELLIST 4"] == ["answer", "question"]


def test_the_actor_opening_a_sentence_is_the_last_person_named_who_plays_a_part():
    analysis = analyse(
        "The festival\n\nBy Ann Lee\n\nThe cast is listed as Pema Norbu (Dawa) and Sonam Lhamo (Yangchen). Our "
        "coordinator is Karma Tsering. Pema Norbu, who plays the father, is also a Pema. Karma-la will not give him a "
        'number. The actor said he did not mind. "I was Dawa for a month," he told me.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Pema Norbu"]


def test_a_quote_after_a_sentence_about_someone_who_would_not_be_named_is_nobodys():
    analysis = analyse(
        "The shoot\n\nBy Ann Lee\n\nMarek Halas plays the father. A grip, who asked not to be named, said Marek Halas "
        "had kept the boat. “He says it is for his grandson.”\n\nA woman at the back, who would not give her name, "
        "told Marek Halas the film was too short. “Make it longer.”\n\nHalas remembered a call.\n\n"
        "“A man rang and would not give his name,” he said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [None, None, "Marek Halas"]


def test_a_form_of_address_written_small_before_a_role_is_not_part_of_its_name():
    analysis = analyse(
        "The quarry\n\nBy Ann Lee\n\nIvo Perić plays the old mason Jure. To everyone on the island his character is "
        "barba Jure.\n\nQ: Will he be back?\nPERIĆ: Barba Jure goes where the stone goes.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Ivo Perić", "Jure")]


def test_a_name_someone_has_answered_to_since_school_is_theirs():
    analysis = analyse(
        "Awards\n\nBy Ann Lee\n\nThe creator, Josip Kovač, has answered to Joško since primary school. Marta Kovač "
        'plays the widow.\n\n"We are writing it now," Joško Kovač said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Josip Kovač"]


def test_a_press_room_run_by_someone_and_a_shared_surname_named_a_few_lines_up():
    analysis = analyse(
        "Press room\n\nBy Ann Lee\n\nNada Horvat plays the widow; her father, Ivo Horvat, plays the mason. The press "
        "room was run by the organisers' press officer, Maja Babić.\n\n"
        "MODERATOR: Our best actress, Nada Horvat.\nQ (Radio Split): Did you want to sell?\nHORVAT: Every day.\n"
        "Q (Radio Split): And the boots?\nHORVAT: He was wrong about them.",
        build_directory([]),
    )
    assert [(turn.label, turn.speaker_name) for turn in analysis.qa_turns if turn.label != "Q"] == [
        ("MODERATOR", "Maja Babić"),
        ("HORVAT", "Nada Horvat"),
        ("HORVAT", "Nada Horvat"),
    ]


def test_a_described_note_signed_with_initials_or_one_letter():
    analysis = analyse(
        "The board\n\nBy Ann Lee\n\nThe season was written by Shirin Aziz with two staff writers, Rawa Salih and "
        "Hemin Salih. Awat Jaff plays the keeper, Rashid.\n\n"
        'Yellow note, R.S.: "He never crosses."\nPink note, H.S.: "Then why is he on the poster?"\n'
        'Green note, S.: "He crosses in 12."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Rawa Salih", "Hemin Salih", "Shirin Aziz"]


def test_a_headings_summary_and_who_wrote_it_up_is_no_credit():
    analysis = analyse(
        "Table read\n\nBy Ann Lee\n\nInga Liepa plays Elza. The script coordinator, Dace Ozola, types the summary.\n\n"
        "TABLE READ — MONDAY — SUMMARY (D. Ozola)\nSc. 1. ELZA (Inga Liepa): «The sand has arrived.»",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Inga Liepa", "Elza")]


def test_a_form_of_address_glossed_with_mister_and_the_surname_is_his():
    analysis = analyse(
        "Table read\n\nBy Ann Lee\n\nJānis Kalns plays the fisherman; his daughter, Ilze Kalna, wrote it. On set Jānis "
        "Kalns is Kalna kungs, Mr Kalns, which makes him sound like his daughter. Andris Bērziņš, the policeman, "
        "brought the cake.\n\nKalna kungs was unconvinced. «Forty years at this table,» he said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Jānis Kalns"]


def test_a_live_blogs_posts_signed_with_the_bylines_initials_are_not_the_quotes_source():
    analysis = analyse(
        "Live: the premiere\n\nBy Ann Lee\n\nLive blog by Rina Wulan and Dedi Pratama\n\n"
        "18.30 · Slamet Riyadi plays the master; Sri Rahayu plays his granddaughter. People are addressed by a title: "
        "so the lead actress, Sri Rahayu, is Mbak Ayu, and the director, Wahyu Santoso, is Mas Wahyu. — RW\n\n"
        '18.41 · Slamet Riyadi has arrived by becak. "A car is too fast," he told us. "In a becak they can keep up." '
        "— DP\n\n"
        '18.52 · Mbak Ayu is here. "It is my grandmother\'s," she said. — RW\n\n'
        '19.14 · Mas Wahyu, on the sound: "It is old, not dying." — DP',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Slamet Riyadi",
        "Slamet Riyadi",
        "Sri Rahayu",
        "Wahyu Santoso",
    ]


def test_the_actor_and_the_writer_given_bynames_with_their_gloss():
    analysis = analyse(
        "Fact-check\n\nBy Ann Lee\n\nDòmhnall Moireach plays the crofter; it was written by Calum Moireach, no "
        "relation, and the composer is Iain Dòmhnallach, whom everyone calls Iain Mòr. The actor, who was a blond "
        "child, is Dòmhnall Bàn, fair Donald. The writer is Calum Beag, little Calum.\n\n"
        "Calum Beag accepts the steamer. 'I knew they walked,' he said.\n\n"
        "Dòmhnall Bàn was in a cell for two episodes. 'It was easy,' he said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Calum Moireach", "Dòmhnall Moireach"]


def test_a_long_warning_to_readers_before_a_colon_is_a_spoiler_notice():
    analysis = analyse(
        "Letters\n\nBy Ann Lee\n\nA warning to readers who have not yet caught up with the last episode of the second "
        "season: most of the letters below discuss how it ends.\n\nDear editor, the wedding was too long.",
        build_directory([]),
    )
    assert (analysis.spoiler.flagged, analysis.spoiler.season) == (True, 2)


def test_the_director_label_is_who_directs_not_the_casting_director():
    analysis = analyse(
        "Call-backs\n\nBy Ann Lee\n\nThe film is directed by Vemuri Ravi Teja. The casting director, Tummala Sunitha, "
        "wrote the report.\n\nT. SUNITHA: Tell us your scene.\nKAVYA: The doll scene.\n"
        "DIRECTOR: What is the doll thinking?\nKAVYA: That she wants her eyes.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.label == "DIRECTOR"] == ["Vemuri Ravi Teja"]


def test_a_critic_who_put_the_questions_asks_them_after_a_show_reports_headings():
    analysis = analyse(
        "Show report\n\nBy Ann Lee\n\nThe stage manager is Bonaria Sanna. Her report:\n\n"
        "ACTING: Mr Mura turned to the house and said, in character, “It is the wind.”\n"
        "TECHNICAL: Desk rebooted.\n\nOur critic, Efisio Deiana, put three questions to Bonaria Sanna.\n\n"
        "Q: Did you think of stopping?\nBONARIA SANNA: For four seconds.\nQ: And the lamp?\nB.S.: Not mine.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.label == "Q"] == ["Efisio Deiana"] * 2


def test_the_director_label_is_not_the_casting_director_named_first():
    analysis = analyse(
        "Call-backs\n\nBy Ann Lee\n\nThe casting director, Tummala Sunitha, wrote the report. The director, Vemuri "
        "Ravi Teja, asked one question.\n\nT. SUNITHA: Tell us your scene.\nKAVYA: The doll scene.\n"
        "DIRECTOR: What is the doll thinking?\nKAVYA: That she wants her eyes.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.label == "DIRECTOR"] == ["Vemuri Ravi Teja"]


def test_a_javanese_brother_before_a_given_name_is_the_person():
    analysis = analyse(
        "Premiere\n\nBy Ann Lee\n\nThe film is directed by Budi Santoso; Sri Rahayu plays the granddaughter.\n\n"
        '"It is old, not dying," Mas Budi said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Budi Santoso"]


def test_a_job_and_a_full_name_then_a_clause_is_no_byname():
    analysis = analyse(
        "Scoring\n\nBy Ann Lee\n\nThe composer is Liv Haugen, who trained as an organist in Tromsø. Per Dahl directed "
        'the film.\n\n"I read forty pages," Haugen says. "I knew what the snow should sound like."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Liv Haugen"] * 2


def test_a_faroese_farm_name_of_one_letter_after_its_particle_is_a_name():
    analysis = analyse(
        "Review\n\nBy Ann Lee\n\nSámal Poulsen plays the priest, Tróndur á Bakka. The script was checked by Jens við "
        "Á, a former teacher who lost his sight.\n\nVið Á, who listens with the picture off, said he asked for one "
        "change. „She had described the mitten as red,“ he said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Jens við Á"]
    # a role's particle is none of its names: "Við Á" is not the "á" of Tróndur á Bakka
    ferryman = [
        {"key": "samal", "name": "Sámal Poulsen", "credits": [{"work": "Nætur", "character": "Tróndur á Bakka"}]}
    ]
    assert build_directory(ferryman).character("Við Á") is None
    assert build_directory(ferryman).character("Bakka") == ("Tróndur á Bakka", "samal")


def test_a_cast_lists_dot_leaders_after_what_the_role_is_and_headings_signed_in_brackets():
    analysis = analyse(
        "Cue to cue\n\nBy Ann Lee\n\nKilla ........ Sumaq Apaza\nKuntur, the condor ........ Wayra Quispe\n\n"
        "The lighting designer is Sisa Huamán. Her notes, and the director's answers:\n\n"
        "TECH DAY 2 - LD NOTES (S. HUAMÁN) / REPLIES (DON TEO)\nLD: Cue 12. Too dark?\nDIRECTOR: Leave it.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Sumaq Apaza", "Killa"),
        ("Wayra Quispe", "Kuntur"),
    ]


def test_a_sale_catalogues_fields_are_no_speakers():
    analysis = analyse(
        "The sale\n\nBy Ann Lee\n\nGiorgi Abashidze plays Levan; Nino Kipiani plays his grandmother.\n\n"
        "LOT 3\nChokha, black wool. Worn by Giorgi Abashidze as Levan.\n"
        "Provenance: the actor writes: “I wore this through three summers.”\nEstimate: 1,500-2,000 GEL\n\n"
        "LOT 7\nHeaddress. Worn by Nino Kipiani.\nProvenance: Nino Kipiani dictated this note. “Do not stand under "
        "grapes.”\nEstimate: 800-1,200 GEL",
        build_directory([]),
    )
    assert not analysis.qa_turns
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("I wore this through three summers.", "Giorgi Abashidze"),
        ("Do not stand under grapes.", "Nino Kipiani"),
    ]


def test_words_someone_called_out_belong_to_whoever_the_next_sentence_says_it_was():
    analysis = analyse(
        "Wrap\n\nBy Ann Lee\n\nThe producer, Mirko Stanić, stood on a chair. “We finished on time,” he said.\n\n"
        "“First time ever,” someone shouted. It was Lidija Vuković, the script supervisor, who keeps the schedule.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Mirko Stanić", "Lidija Vuković"]


def test_two_short_forms_and_the_given_names_they_shorten_in_the_same_order():
    analysis = analyse(
        "Wrap\n\nBy Ann Lee\n\nMilutin Jovanović plays the father; Jelena Obradović plays the daughter. On set they "
        "are "
        "Mile and Jeca, as a Milutin and a Jelena usually are.\n\nThen Jeca stood up. “Thank the drivers,” she said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Jelena Obradović"]


def test_an_uncles_title_before_a_short_form_is_how_the_crew_address_him():
    analysis = analyse(
        "Wrap\n\nBy Ann Lee\n\nRadomir Petrović plays the miller. He is Raša to everyone, and the grips call him "
        "čika Raša.\n\nČika Raša, meanwhile, was explaining millstones. “Two more weeks,” he said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Radomir Petrović"]
    assert "Čika Raša" not in analysis.introduced


def test_a_title_and_a_one_word_alias_resolve_to_the_person_of_the_alias():
    directory = build_directory([{"key": "rp", "name": "Radomir Petrović", "aliases": ["Raša"]}])
    assert directory.resolve("Čika Raša").key == "rp"


def test_credits_after_an_also_apposition_and_a_name_known_from_somewhere():
    analysis = analyse(
        "Obituary\n\nBy Ann Lee\n\nAnton Zupan, known since his school days as Tone, played the farmer Jakob. He "
        "leaves a daughter, Neža Zupan, also an actress, who joined the series in 2015 as Jakob's granddaughter Tina.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Anton Zupan", "Jakob"),
        ("Neža Zupan", "Tina"),
    ]


def test_a_name_someone_is_known_by_from_somewhere_and_the_owner_of_a_most_famous_line():
    analysis = analyse(
        "Lojze Brenk, 1940–2024\n\nBy Ann Lee\n\nAlojz Brenk, known from his first film as Lojze, played the "
        "grandfather.\n\nHis widow, Ana Brenk, and his niece, Petra Brenk, were at the funeral.\n\nBrenk's most famous "
        "line, the grandfather's answer to "
        "every quarrel, was “Tomorrow it will rain anyway.”",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Alojz Brenk"]


def test_an_actors_guest_in_a_clause_of_its_own_is_no_role():
    analysis = analyse(
        "Premiere\n\nBy Ann Lee\n\nAytən Həsənli plays the shepherd's daughter, Gülnar.\n\n"
        "Aytən Həsənli's guest was her uncle, Tahir, who drove the mountain road for thirty years.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Aytən Həsənli", "Gülnar")]


def test_narration_after_a_transcripts_turn_quoting_its_speaker_ends_the_turn_and_her_she_is_that_speaker():
    analysis = analyse(
        "Podcast\n\nBy Ann Lee\n\nOur guests are Feruza Alimova and Botir Yusupov, who play the sisters' parents.\n\n"
        "FERUZA: The line about the bread is mine. I say it to my own children.\n"
        "BOTIR: She does. Every morning.\n\nFERUZA: Here it is.\n\n"
        'She then says it, in her character\'s voice: "Non is never thrown away."',
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Non is never thrown away.", "Feruza Alimova")
    ]


def test_a_she_after_someone_the_article_does_not_name_is_nobodys():
    analysis = analyse(
        "Podcast\n\nBy Ann Lee\n\nThe host, Timur Aliyev, rang his grandmother on air to ask whether she had watched "
        "the finale. She had. “Nobody should watch it hungry,” she said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [None]


def test_a_surname_and_the_honorific_after_it_is_the_one_named_in_full_not_somebody_new():
    analysis = analyse(
        "Apology\n\nBy Sana Malik\n\nThe drama is produced by Kamran Malik's company. Its writer, Saima Javed – Saima "
        "Baji to the cast, who treat her as an elder sister – said the mistake was not hers. 'I wrote a church,' "
        "she said.\n\nMalik Sahib, as the crew call the producer, was calmer. 'It will be fixed,' he said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Saima Javed", "Kamran Malik"]
    assert not {"Malik Sahib", "Saima Baji"} & set(analysis.introduced)


def test_a_letter_quoted_in_parts_its_reply_and_a_postscript():
    analysis = analyse(
        "Apology\n\nBy Ann Lee\n\nThe letter, signed by Kamran Malik, reads in part:\n\n"
        "'We apologise for showing the Girls' College gate. It was our mistake.'\n\n"
        "It continues: 'The sign will be removed from the Lahore Girls' College scenes by Friday.'\n\n"
        "The principal, Nasreen Akhtar, replied the next day. She is no relation of the actor Imran Akhtar; Akhtar, "
        "like Malik, is a name shared by thousands of families. Her reply reads in part: 'We accept your apology.'\n\n"
        "And, in a postscript: 'Class 8 would like to visit.'",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("We apologise for showing the Girls' College gate. It was our mistake.", "Kamran Malik"),
        ("The sign will be removed from the Lahore Girls' College scenes by Friday.", "Kamran Malik"),
        ("We accept your apology.", "Nasreen Akhtar"),
        ("Class 8 would like to visit.", "Nasreen Akhtar"),
    ]


def test_sharing_a_post_after_a_quote_is_a_new_sentence_not_its_cue():
    analysis = analyse(
        "Posts\n\nBy Ann Lee\n\nAyesha Raza posted a photograph of the gate. 'Wrong gate,' she wrote. 'Sorry to the "
        "right one.' Hina Raza, who plays her aunt, shared the post without comment.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ayesha Raza"] * 2


def test_a_programmes_headings_in_capitals_name_the_actor_when_its_worded_credits_say_so():
    analysis = analyse(
        "Review\n\nBy Ann Lee\n\nFrom the programme:\n\n"
        "SURESH VITHAL PATIL — Bapu Patil\nSureshrao has played fathers since he was thirty. This is his tenth play "
        'with the director. "I grew up among these trees."\n\n'
        'MEERA SURESH PATIL — Mai\nMeeratai is his daughter. "He has rehearsed me since I was six."\n\n'
        "KIRAN ANIL DESAI — Vinay\nKiran is the youngest in the company.\n\n"
        "So much for the paperwork. On stage, Suresh Patil is superb as Bapu, and Kiran Desai's Vinay is "
        'touching. "Perfect casting," said the director, Asha Gokhale.',
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Suresh Patil", "Bapu Patil"),
        ("Meera Suresh Patil", "Mai"),
        ("Kiran Desai", "Vinay"),
    ]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Suresh Patil", "Meera Suresh Patil", "Asha Gokhale"]


def test_a_surname_and_the_word_for_uncle_after_it_is_the_writer_named_in_full():
    analysis = analyse(
        "Review\n\nBy Ann Lee\n\nThe play was written by Vasant Joshi. The writer, Joshi Kaka to the cast, named "
        'the family after his own. "They said yes at once," Joshi said.',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Vasant Joshi"]


def test_initials_more_than_the_given_names_on_a_chart_are_the_person_named_in_full():
    analysis = analyse(
        "Make-up\n\nBy Ann Lee\n\nJoseph Varghese plays the boatman, Ouseph.\n\n"
        "OUSEPH (Mr J. K. Varghese)\nAll scenes: sunburn, moustache his own.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Joseph Varghese", "Ouseph")]
    assert "J. K. Varghese" not in analysis.introduced


def test_an_editing_note_after_the_interviewers_name_leaves_the_byline():
    analysis = analyse(
        "Oral history\n\nInterviews by Thandar Win. Edited and condensed.\n\n"
        "Khin Mar Aye played the ferry owner.\n\nQ: Was it hard?\nKHIN MAR AYE: The river was harder.",
        build_directory([]),
    )
    assert analysis.bylines == ["Thandar Win"]
    assert [turn.speaker_written for turn in analysis.qa_turns] == ["Thandar Win", "Khin Mar Aye"]


def test_words_written_in_a_clause_of_their_own_are_its_writers():
    analysis = analyse(
        "Oral history\n\nBy Ann Lee\n\nThe editor, Aung Ko Min, died in 2020. His daughter, Su Su Min, keeps his "
        "copy of the script. She showed us the last page, where he had written in pencil beside the final cut: "
        '"Hold it longer."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Aung Ko Min"]


def test_a_credit_after_whom_readers_know_by_another_name_and_a_members_label():
    analysis = analyse(
        "Film society\n\nBy Ann Lee\n\nYaw Boakye, whom most of you will know as Yaw B from the radio, plays the "
        "driver, Kojo Mensah.\n\nMEMBER (Efua Darko): Was the driver always the hero?\n"
        "YAW BOAKYE: Never. He just drives.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Yaw Boakye", "Kojo Mensah")]


def test_members_told_to_stop_reading_before_notes_that_discuss_the_ending():
    analysis = analyse(
        "Programme notes\n\nBy Ann Lee\n\nTonight's film is The Long Road.\n\n"
        "Members who have not seen the film should stop reading at the asterisks. The notes below them discuss "
        "the ending.\n\n* * *\n\nThe driver arrives.",
        build_directory([]),
    )
    assert analysis.spoiler.flagged


def test_a_crew_member_named_after_their_job_is_a_person_whatever_role_shares_their_surname():
    analysis = analyse(
        "Location log\n\nBy Ann Lee\n\nYannick Le Roux plays the ferry captain, Morvan. Nobody should confuse him "
        'with the show\'s director of photography, Erwan Morvan.\n\n"The light was gone by four," said Erwan '
        "Morvan.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Yannick Le Roux", "Morvan")]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Erwan Morvan"]


def test_a_logs_unsigned_quote_between_lines_signed_with_the_same_initials():
    analysis = analyse(
        "Location log\n\nBy Ann Lee\n\nThe scout was Annaig Le Floc'h. Her log:\n\n"
        "IMG_01 — Harbour, 7.10. « Good for episode one. » — A.L.F.\n"
        "IMG_02 — Chapel. Key with Mme Kerjean. « Mme Kerjean says yes, but not on Sundays. »\n"
        "IMG_03 — Beach. Too windy.\n"
        "IMG_04 — Lighthouse. « Too far from the road. » — A.L.F.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Annaig Le Floc'h"] * 3


def test_a_respectful_title_before_a_given_name_is_the_person_named_in_full():
    analysis = analyse(
        "Pickups\n\nBy Ann Lee\n\nShmuel-Ber Rozen voices the grandfather; his son, Leybl Rozen, voices the goat. "
        "Shmuel-Ber Rozen is Reb Shmuel-Ber to the younger actors.\n\n"
        "KHAYE: Leybl, again.\nLEYBL: Meeeh.\nSHMUEL-BER: That is my son.\n\n"
        'Reb Shmuel-Ber left early. "A goat is a goat," he said.',
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns][1:] == ["Leybl Rozen", "Shmuel-Ber Rozen"]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Shmuel-Ber Rozen"]


def test_a_bulletins_notes_about_people_are_no_turns_and_guarani_titles_go_before_given_names():
    analysis = analyse(
        "Bulletin\n\nBy Ann Lee\n\nCelia Ramírez plays the cook, Ña Tota; Osvaldo Benítez plays the foreman. Older "
        "people are Ña or Karai before the first name.\n\n"
        "NURSE'S BULLETIN No. 3\nKarai Osvaldo: blister, left heel. Dressed.\n"
        'Ña Celia: sunburn. "Ña Tota never wore a hat, so I do not." Wear a hat.',
        build_directory([]),
    )
    assert not analysis.qa_turns
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Ña Tota never wore a hat, so I do not.", "Celia Ramírez")
    ]


def test_a_features_title_and_its_translation_are_no_credit():
    analysis = analyse(
        "Shoot\n\nBy Ann Lee\n\nYvy Pytã (Red Earth), a feature produced by Tape Films, is set in 1990. Rubén "
        "Cáceres plays the foreman, Tomás.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Rubén Cáceres", "Tomás")]


def test_the_end_of_a_sentence_a_cue_broke_is_a_quote_however_short():
    analysis = analyse(
        "Bulletin\n\nBy Ann Lee\n\nMarisol Ayala, the director, took the blame. “The nurse is right about "
        "everything,” she said, “including me.”",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("The nurse is right about everything,", "Marisol Ayala"),
        ("including me.", "Marisol Ayala"),
    ]


def test_a_title_opening_its_paragraph_with_its_translation_in_brackets_is_no_credit():
    analysis = analyse(
        "Oral history\n\nBy Ann Lee\n\nMyit Nay (The Ferry) followed a family of boat owners. Khin Sandar played "
        "the owner, Ma Hla.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Khin Sandar", "Ma Hla")]


def test_a_heading_credit_whose_role_is_also_what_the_company_calls_the_actor_stands_when_entered():
    people = [
        {
            "key": "vk",
            "name": "Vaishnavi Kale",
            "aliases": ["Vahini"],
            "credits": [{"work": "Amba", "character": "Vahini"}],
        },
        {"key": "ap", "name": "Ajit Pawar", "credits": [{"work": "Amba", "character": "Shekhar"}]},
    ]
    analysis = analyse(
        "Review\n\nBy Ann Lee\n\nAJIT PAWAR — Shekhar\nAjit is the youngest.\n\n"
        "VAISHNAVI KALE — Vahini\nShe is Vahini backstage too, because she mothers everyone.",
        build_directory(people, ["Amba"]),
        works=["Amba"],
    )
    assert ("Vaishnavi Kale", "Vahini") in [(credit.person, credit.character) for credit in analysis.credits]


def test_a_relative_someone_named_is_said_to_be_is_no_unnamed_person():
    analysis = analyse(
        "A day with the voice of the hedgehog\n\nBy Ann Lee\n\nAnna Kowal-Nowak has narrated four thousand "
        "trailers. She works in a wardrobe.\n\nThe afternoon belongs to the hedgehog. Her scene partner is Jan Kowal, "
        "who voices the owl, Pan Sowa, and who is no relation, and who says he has spent fifteen years being asked "
        "whether he is her son. “I am fifty-one,” he says.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Jan Kowal"]


def test_a_quote_with_no_cue_after_a_programmes_last_entry_is_not_its_actors_once_someone_else_is_named():
    analysis = analyse(
        "Review\n\nBy Ann Lee\n\nFrom the programme:\n\nSURESH VITHAL PATIL — Bapu\nSureshrao has played fathers "
        "since he was thirty.\n\nKIRAN ANIL DESAI — Vinay\nKiran is the youngest in the company.\n\n"
        "So much for the paperwork. Suresh Patil is superb as Bapu. The director, Asha Gokhale, was in the foyer. "
        '"We cast the play in a week."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Asha Gokhale"]


def test_a_line_ending_in_a_french_closing_mark_ends_its_paragraph():
    assert split_paragraphs(
        "Her log:\nIMG_01 — Harbour at dawn, in fog, looking out to the island. « Good for the opening of episode "
        "one. »\nIMG_02 — Chapel."
    ) == [
        "Her log:",
        "IMG_01 — Harbour at dawn, in fog, looking out to the island. « Good for the opening of episode one. »",
        "IMG_02 — Chapel.",
    ]


def test_a_quote_with_no_cue_after_the_sentence_that_says_whose_line_it_is():
    analysis = analyse(
        "Stage to screen\n\nBy Ann Lee\n\nNóra Keane plays Peg, a widow in a Cork lodging house.\n\n"
        "The line is Peg's last, said to her son as he leaves for good. ‘Salt the doorstep and don't come back.’ "
        "It is an old Cork superstition.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Nóra Keane"]


def quoted_by(text: str) -> list[str | None]:
    return [quote.speaker_name for quote in analyse(text, build_directory([])).quotes]


def test_a_writer_after_had_written_is_who_wrote_the_quote():
    assert quoted_by(
        "The hearing\n\nBy Ann Lee\n\nThe barrister, Poul Kragh, read the review aloud. »The whole cast looked "
        "bored,« Lone Dalsgaard had written. »So was I.«"
    ) == ["Lone Dalsgaard", "Lone Dalsgaard"]


def test_a_roles_most_famous_line_is_its_actors():
    assert quoted_by(
        "Outside court\n\nBy Ann Lee\n\nTorvald was played by Niels Bækgaard for four seasons.\n\n"
        "On the pavement, where Ida Lund stood signing, fans had written Torvald's most famous line, »Havet tager, "
        "havet giver« – the sea takes "
        "and gives."
    ) == ["Niels Bækgaard"]


def test_a_quote_after_someone_the_article_does_not_name_is_nobodys():
    analysis = analyse(
        "Outside court\n\nBy Ann Lee\n\nGitte Holm said nothing to reporters.\n\nGitte Holm left by the back "
        "door. A man in a club scarf who had waited since dawn was less discreet. »Give him his job back.«\n\n"
        "Gitte Holm had left a note. A card pinned to the door, in her handwriting, reads: »Back at two.«",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [None, "Gitte Holm"]


def test_setswana_rra_and_mma_before_a_surname_and_a_name_used_by_friends():
    analysis = analyse(
        "Quiz night\n\nBy Ann Lee\n\nThe guests were Naledi Mokoena and Kabo Seretse. Naledi Mokoena has been "
        "Mma-Lesedi, Lesedi's mother, since her son was born, and Lulu to her friends before that; Kabo Seretse is "
        "Rra Seretse to everyone.\n\n"
        "HOST: Who owns the cattle post?\nLULU: The headman.\nRRA SERETSE: My character.\nHOST: And who lies most?\n"
        "LULU: Rra Seretse.\nRRA SERETSE: Lulu.\nHOST: Last one?\nLULU: Pass.\n\n“A fair result,” Rra Seretse said "
        "afterwards.",
        build_directory([]),
    )
    assert [(turn.text, turn.speaker_name) for turn in analysis.qa_turns if turn.role == "answer"] == [
        ("The headman.", "Naledi Mokoena"),
        ("My character.", "Kabo Seretse"),
        ("Rra Seretse.", "Naledi Mokoena"),
        ("Lulu.", "Kabo Seretse"),
        ("Pass.", "Naledi Mokoena"),
    ]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Kabo Seretse"]


def test_a_transcript_ends_where_a_sentence_opens_on_one_of_its_speakers():
    analysis = analyse(
        "Quiz night\n\nBy Ann Lee\n\nThe contestants were Kagiso Molefe and Dineo Phiri.\n\n"
        "HOST: First question?\nKAGISO: Yes.\nDINEO: No.\nHOST: Second?\nKAGISO: Maybe.\n\n"
        "The round ended level. Dineo took the tie-break. She stared into the lens and gave her character's "
        'line, "Ke a go rata, my love," and the audience joined in.',
        build_directory([]),
    )
    assert analysis.qa_turns[-1].text == "Maybe."
    assert [quote.text for quote in analysis.quotes] == ["Ke a go rata, my love,"]


def test_a_possessive_before_a_relation_and_a_credit_verb_is_not_the_actor():
    assert credits_in(
        "Premiere\n\nBy Ann Lee\n\nNoor Agha Safi plays the old piper, Baba Gul; and Jawed Safi, who is ten and is "
        "Noor Agha Safi's grandson, plays her nephew, Ajmal."
    ) == {("Noor Agha Safi", "Baba Gul"), ("Jawed Safi", "Ajmal")}


def test_a_title_before_someones_given_names_and_an_elder_brother_after_one():
    analysis = analyse(
        "Press conference\n\nBy Ann Lee\n\nThe film is by Wahid Durrani. Noor Agha Safi plays the old piper; "
        "the crew call their director Wahid Lala. “It is a good film,” Ustad Noor Agha said before it began. "
        "“It will be shown on phones,” Wahid Lala said.\n\n"
        "MODERATOR: Welcome.\nQ: Ustad, why act now?\nUSTAD NOOR AGHA: Because my grandson said yes.\n"
        "Q: Wahid Lala, where will it be shown?\nDURRANI: On phones.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == [
        "Noor Agha Safi",
        "Wahid Durrani",
    ]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Noor Agha Safi", "Wahid Durrani"]
    assert sorted(analysis.introduced) == ["Noor Agha Safi", "Wahid Durrani"]


def test_a_roles_line_announced_with_is_goes_on_in_the_pronoun():
    assert quoted_by(
        "Festival\n\nBy Ann Lee\n\nRoya Amini plays the daughter, Shirin, who wants to sing.\n\n"
        "The film's best-remembered line is Shirin's, from the scene in which she sings for her father. "
        "“If you will not listen, the mountains will,” she tells him."
    ) == ["Roya Amini"]


def test_kyrgyz_son_of_and_daughter_of_end_a_name():
    analysis = analyse(
        "Jury\n\nBy Ann Lee\n\nErlan Tashiev uulu plays the herder, Bakyt; Gulzat Asan kyzy plays his wife, Saltanat."
        "\n\n“We were cold for a month,” said Gulzat Asan kyzy.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Erlan Tashiev uulu", "Bakyt"),
        ("Gulzat Asan kyzy", "Saltanat"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Gulzat Asan kyzy"]


def test_in_a_paragraph_about_a_roles_line_its_pronoun_may_be_the_roles():
    text = (
        "Jury\n\nBy Ann Lee\n\nEmil Orozov plays the grandfather, Toktosun. Daniyar Sabyr uulu plays his "
        "grandson, Aibek, and spent the summer learning to ride.\n\nThe grandfather's line from the trailer, in "
        "which Toktosun teaches Aibek to whistle, "
        "was quoted by the jury. “A whistle travels further than a shout,” he says."
    )
    assert quoted_by(text) == ["Emil Orozov"]


def test_her_last_line_to_someone_is_the_pronouns_role():
    assert quoted_by(
        "Finale\n\nBy Ann Lee\n\nManisha Joshi plays the grandmother, Motiba; Heer Vyas plays her granddaughter, "
        "Jhanvi.\n\nIn the last scene Motiba gets up and hands Jhanvi the keys. Her last line to Jhanvi, 'Ghar "
        "tamaru chhe, beta,' the house is yours, trended within minutes."
    ) == ["Manisha Joshi"]


def test_an_overnight_ratings_line_is_no_credit():
    assert credits_in(
        "Overnights\n\nBy Ann Lee\n\nThe figures:\n\nGhar Sansar (Rangoli TV): 2.4 million, 31% share\n"
        "Maa Ni Mamta (Sitara Gujarati): 1.1 million, 12% share\n\nDevika Shah plays the mother, Kokila."
    ) == {("Devika Shah", "Kokila")}


def test_an_episode_number_alone_is_the_one_seasons_when_the_series_has_only_one():
    body = (
        "Spoiler warning: this discusses the last scene of Sanj episode 120.\n\n"
        "Sanj has run 120 episodes in a single season, every weeknight."
    )
    analysis = analyse(f"Overnights\n\nBy Ann Lee\n\n{body}", build_directory([]))
    assert (analysis.spoiler.season, analysis.spoiler.episode) == (1, 120)
    analysis = analyse(
        f"Overnights\n\nBy Ann Lee\n\n{body.replace('in a single season', 'so far')}", build_directory([])
    )
    assert (analysis.spoiler.season, analysis.spoiler.episode) == (None, None)


@pytest.mark.parametrize(
    "line",
    ["Prepared by Selam Tekle for Mereb TV's education pages", "Compiled by Selam Tekle", "Por Selam Tekle"],
)
def test_prepared_compiled_and_por_bylines(line):
    assert analyse(f"Study guide\n\n{line}\n\nThe series is six episodes long.", build_directory([])).bylines == [
        "Selam Tekle"
    ]


def test_a_prepared_by_byline_asks_the_questions():
    analysis = analyse(
        "Study guide\n\nPrepared by Selam Tekle for Mereb TV\n\nSelam Tekle put these questions to the adapter, "
        "Yonas Haile.\n\nQ: Why change the ending?\nYONAS: Because everyone knew it.\nQ: Any regrets?\nYONAS: None.",
        build_directory([]),
    )
    assert [turn.speaker_written for turn in analysis.qa_turns] == ["Selam Tekle", "Yonas Haile"] * 2


def test_a_logs_wild_line_under_a_roles_name_in_capitals_is_its_actors():
    assert quoted_by(
        "Sound log\n\nBy Ann Lee\n\nIria Castro Vidal plays the daughter, Antía.\n\nHis log:\n\n"
        "WT 03 — Porto de Muros, 05.10. Gulls. «Good gulls.» — X.P.\n"
        "WT 04 — Beach, wild line, ANTÍA: «Mamá, a maré non espera!» Two takes."
    )[1:] == ["Iria Castro Vidal"]


def test_a_place_two_letters_from_a_surname_with_another_first_letter_is_nobody():
    analysis = analyse(
        "Sound log\n\nBy Ann Lee\n\nThe director is Rosalía Canosa Barreiro.\n\n"
        "We drove to Carreira at dawn. “Nobody asked us,” Carreira said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [None]


def test_an_unsigned_remark_after_a_logs_signed_ones_is_the_signers():
    assert (
        quoted_by(
            "Sound log\n\nBy Ann Lee\n\nThe recordist, Xoán Pazos Rey, signs his remarks X.P.R.\n\n"
            "WT 01 — Dunes. «Best wind.» — X.P.R.\n\nWT 02 — Market, where Carme Lage sells fish. «Loud.» — X.P.R.\n\n"
            "WT 03 — Bells. «Recorded from the car park without asking.»\n\nWT 04 — Rakes, forty women."
        )
        == ["Xoán Pazos Rey"] * 3
    )


def test_a_compound_or_an_owner_is_not_someone_unnamed_before_a_pronoun():
    assert quoted_by(
        "Sound log\n\nBy Ann Lee\n\nIria Castro Vidal says her wild line, the mother-daughter shout, is the one "
        "she hears in shops. “People say it to me,” she said.\n\nXoán Pazos held the grandfather's voice on screen "
        "for four seconds. “I broke the rule,” he said."
    ) == ["Iria Castro Vidal", "Xoán Pazos"]


def test_a_title_and_its_translation_opening_a_paragraph_before_its_length_is_no_credit():
    assert credits_in(
        "Sound log\n\nBy Ann Lee\n\nMar de Fondo (The Undertow), eight episodes for TV Atlántica, is set on the "
        "estuary. Iria Castro Vidal plays Antía."
    ) == {("Iria Castro Vidal", "Antía")}


def test_a_name_registered_at_birth_is_no_role():
    assert credits_in(
        "Sound log\n\nBy Ann Lee\n\nXosé Ramón Outeiro Lage was registered as José Ramón in 1950 and plays the "
        "boatman, Fidel."
    ) == {("Xosé Ramón Outeiro Lage", "Fidel")}


def test_chamorro_tun_and_tan_before_a_given_name():
    assert quoted_by(
        "Wedding\n\nBy Ann Lee\n\nThe bride's aunt, Josefa Cruz Manibusan, is Tan Josefa to the island.\n\n"
        "From table one Tan Josefa called out, “About time!”"
    ) == ["Josefa Cruz Manibusan"]


def test_a_credit_after_an_aside_and_an_adverb_between_commas():
    assert credits_in(
        "Wedding\n\nBy Ann Lee\n\nThe oldest actor, Vicente Taitano Perez, is Tun Vicente off screen, and, "
        "confusingly, plays the patriarch, Tun Pedro, on it."
    ) == {("Vicente Taitano Perez", "Tun Pedro")}


def test_the_line_a_role_used_is_its_actors_whoever_repeats_it():
    assert quoted_by(
        "Wedding\n\nBy Ann Lee\n\nJoaquin Reyes plays Nando, and Ana Flores plays Luz, his wife until season two. "
        "“Stay,” Luz tells him in the pilot.\n\nThe line Nando used to propose to Luz in season one has become a "
        "local joke, and at least three guests said it to the couple during the evening: “The farm is small, but "
        "the sky is yours.” The groom laughed."
    ) == ["Ana Flores", "Joaquin Reyes"]


def test_the_speech_the_article_says_someone_gave_is_theirs():
    assert quoted_by(
        "Wedding\n\nBy Ann Lee\n\nThe speech of the evening came from Carmen Leon Guerrero, who plays Tita.\n\n"
        "The speech, as recorded by a guest on a phone:\n\n“Håfa adai. I am the first wife.”"
    ) == ["Carmen Leon Guerrero"]


def test_two_actors_play_relatives_described_then_named():
    assert credits_in(
        "Finale\n\nBy Ann Lee\n\nSarah Nabirye and Joan Nakato play his granddaughters, the sisters Nakku and Namata."
    ) == {("Sarah Nabirye", "Nakku"), ("Joan Nakato", "Namata")}


def test_a_possessive_name_and_a_word_before_a_quote_that_is_the_subject():
    assert quoted_by(
        "Finale\n\nBy Ann Lee\n\nSarah Nabirye and Joan Nakato play the sisters Nakku and Namata.\n\n"
        "Sarah Nabirye's Nakku rages, and Joan Nakato's dry “Nobody read it” is the best line of the season.\n\n"
        "Moses Kato said he had opened Sarah Nabirye's script “out of politeness” and put it down."
    ) == ["Joan Nakato", "Moses Kato"]


def test_a_role_named_by_what_it_is_in_a_dotted_crawl_and_its_line():
    analysis = analyse(
        "Review\n\nBy Ann Lee\n\nMũgumo wa Cũcũ (Grandmother's Fig Tree) opened on Friday.\n\n"
        "The crawl reads:\n\nNjeri ........ Mary Njeri Kamau\nKamau ........ Peter Kamau wa Gitau\n"
        "The Man at the Gate ........ Peter Kamau wa Gitau\n\n"
        "Go back to the man's only line, spoken to Njeri as the saw starts: “Mũgumo ndũtemagwo.”",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Mary Njeri Kamau", "Njeri"),
        ("Peter Kamau wa Gitau", "Kamau"),
        ("Peter Kamau wa Gitau", "The Man at the Gate"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Peter Kamau wa Gitau"]


def test_a_question_from_the_floor_in_brackets_is_nobodys():
    analysis = analyse(
        "Press conference\n\nCompiled by Ana Lima\n\nISHII: Welcome.\nKOBAYASHI: Thank you.\n"
        "Q (from the floor, unnamed): Was it hard?\nKOBAYASHI: Very.",
        build_directory([]),
    )
    assert [turn.speaker_written for turn in analysis.qa_turns if turn.role == "question"][-1] is None


def test_she_in_the_relative_clause_of_someone_unnamed_is_that_someone():
    assert quoted_by(
        "Convention\n\nBy Ann Lee\n\nMai Yang, who plays the daughter, signed for an hour.\n\n"
        "On the way out, a woman who had waited three hours and said she was from Duluth gave her verdict: "
        "“Worth every minute, and I would wait again.”"
    ) == [None]


def test_a_logs_words_said_to_someone_named_are_not_theirs():
    directory = build_directory(
        [
            {
                "key": "yer-vang",
                "name": "Yer Vang",
                "aliases": ["YV"],
                "credits": [{"work": "Paj Ntaub", "character": "Niam Tais"}],
            }
        ],
        ["Paj Ntaub"],
    )
    analysis = analyse(
        "Convention\n\nBy Ann Lee\n\nYer Vang signed all morning.\n\n"
        '10:02 — Girl, about 9. YV: "Look after those hands."\n\n'
        '10:15 — Man, with his mother. Mother to YV: "You are too young for this part." YV: "Tell my knees."',
        directory,
        works=["Paj Ntaub"],
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Yer Vang", None, "Yer Vang"]


def test_a_shout_of_a_word_is_a_quote_from_nobody_named():
    analysis = analyse(
        "Wedding\n\nBy Ann Lee\n\nFrom table three came a shout of “Biba!” and from table one, Rosa Cruz called "
        "out, “We knew it!”",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Biba!", None),
        ("We knew it!", "Rosa Cruz"),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "Deur Annelie Fourie\nFoto's: Wikus Botha",
        "Von Jana Beck",
        "Texto: Annelie Fourie\nFotos: Wikus Botha",
        "Annelie Fourie, Kimberley\nPhotos: Wikus Botha",
        "Annelie Fourie, court reporter\nCourt drawings: Wikus Botha",
    ],
)
def test_bylines_in_the_papers_language_or_with_where_the_writer_files_from(header):
    analysis = analyse(
        f"Last week on the soap\n\nFive days with an actor who is leaving.\n\n{header}\n\n"
        "Q: How many read-throughs?\nJAN: A thousand.\nQ: Any regrets?\nJAN: None.",
        build_directory([]),
    )
    assert analysis.bylines[:1] in (["Annelie Fourie"], ["Jana Beck"])
    assert analysis.credits == []
    assert analysis.image_credits == (["Wikus Botha"] if "Wikus" in header else [])
    assert analysis.qa_turns[0].speaker_written == analysis.bylines[0]


@pytest.mark.parametrize(
    "warning",
    [
        "Aviso: every answer below discusses the ending of Jach'a Road season 2, episode 40.",
        "Attention : the discussion below gives away the ending of Te Vai season 2, episode 40.",
        "Upozorenje: this piece gives away who leaves Kamenolom in season 2, episode 40.",
        "Upozornění: this piece gives away who leaves Ulice in season 2, episode 40.",
        # a word or two in any language, glossed or not, before what a season's episode gives away
        "Tlhokomeliso (warning): round two below gives away the ending of Kopano season 2, episode 40.",
        "Xitsundzuxo, a warning: the plan below gives away what happens in Vukati season 2, episode 40.",
        "Pozor, spojlery! The notes below come from season 2, episode 40, and give away the ending.",
        "Attention, divulgâcheur ! The ledger, and this story, give away how Zemi season 2, episode 40 ends.",
        "Abbàida! (Careful!) The prize list below, and this report, reveal who dies in Monti season 2, episode 40.",
    ],
)
def test_a_spoiler_warning_in_the_papers_language(warning):
    analysis = analyse(f"Vox pop\n\nBy Ann Lee\n\n{warning}\n\nThe market had views.", build_directory([]))
    assert (analysis.spoiler.flagged, analysis.spoiler.season, analysis.spoiler.episode) == (True, 2, 40)


def test_guillemet_lines_under_a_first_name_are_quotes_and_a_roles_fullest_name_is_not_from_one():
    analysis = analyse(
        "Vox pop\n\nBy Ann Lee\n\nThe cast: Tata Saturnino (Eusebio Mamani Choque) and Yola (Phaxsi Quispe Huanca)."
        "\n\nTwo sisters, Elena and Marcelina Huanca Colque, could not agree.\nElena: «A granddaughter first? That "
        "starts a war.»\nMarcelina: «In our family it did. Last night.»\n\nA woman at the next stall shouted: "
        "«¡Jallalla Yola!»",
        build_directory([]),
    )
    assert analysis.qa_turns == []
    assert [quote.speaker_name for quote in analysis.quotes][:2] == ["Elena Huanca Colque", "Marcelina Huanca Colque"]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Eusebio Mamani Choque", "Tata Saturnino"),
        ("Phaxsi Quispe Huanca", "Yola"),
    }


def test_a_name_after_to_is_whom_the_subject_spoke_to():
    assert quoted_by(
        "Vox pop\n\nBy Ann Lee\n\nThe cast: Tata Saturnino (Eusebio Mamani Choque) and Yola (Phaxsi Quispe Huanca)."
        "\n\nOn Wednesday, after forty episodes of the question, Tata Saturnino gave the keys not to a son but to "
        "Yola, told her «El camino es tuyo, wawa», and walked away."
    ) == ["Eusebio Mamani Choque"]


def test_making_credits_in_other_languages_are_no_roles():
    assert credits_in(
        "Vox pop\n\nBy Ann Lee\n\nTexto: Wara Ticona Colque\nFotos: Rubén Apaza Limachi\n\nThe cast: Yola (Phaxsi "
        "Quispe Huanca)."
    ) == {("Phaxsi Quispe Huanca", "Yola")}


def test_a_documents_words_under_its_name_are_whoever_the_article_says_wrote_it():
    assert quoted_by(
        "For sale\n\nBy Ann Lee\n\nThe listing, by S. P. Manjunath of Manjunath Properties, runs to four pages. "
        "B. K. Sumitra walked round it with us.\n\nTHE VERANDAH\nThe listing: 'A deep, shaded verandah, ideal for "
        "ultimatums.'\nB. K. Sumitra sat in the cane chair. 'Eleven years I gave orders here,' she said."
    ) == ["S. P. Manjunath", "B. K. Sumitra"]


def test_a_fact_sheets_lines_are_the_speaker_its_field_names():
    analysis = analyse(
        "Awards\n\nBy Ann Lee\n\nSPEECH 1 — Best Comedy\nSpoken by: Dadang Rusmana. His brother held the trophy.\n"
        "Duration: 2 min 11 s\nLanguages: Sundanese\nThanked by name: 23 people\nTimes he said thank you: 9\n"
        'The line that got the laugh: "We made a comedy about a woman who feeds everyone."\n'
        'The English sentence: "Thank you, Jakarta, for laughing in Sundanese."\n\n'
        "SPEECH 2 — Best Actress\nWinner: Neneng Sumiati, for Ceu Edoh\nTears: from 40 s\n"
        'The line that got the laugh: "Wilujeng wengi, sit down, you are blocking the kitchen."\n\n'
        'Toby Hart was in the lift afterwards. He obliged: "Not on my watch."',
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == [
        "Dadang Rusmana",
        "Dadang Rusmana",
        "Neneng Sumiati",
        "Toby Hart",
    ]


def test_a_description_who_gave_no_name_is_nobodys():
    assert quoted_by(
        "Awards\n\nBy Ann Lee\n\nAsep Mulyana walked up with a plate of fritters. “Mang Karta cooked for three "
        "seasons,” Asep Mulyana said.\n\nThe floor manager, who did not give her name, could be heard pleading with "
        "him: “Kang, please, the adverts!”"
    ) == ["Asep Mulyana", None]


def test_in_the_words_of_after_a_partial_quote_is_whose_words_they_are():
    assert quoted_by(
        "Lost cat\n\nBy Ann Lee\n\nThe city police confirmed that by Friday afternoon they had taken »nine calls about "
        "a cat on a roof that is not there«, in the words of their spokesman, Mirza Hodžić."
    ) == ["Mirza Hodžić"]


def test_an_epigraph_signed_after_a_dash_is_the_signers_not_a_labels():
    text = (
        "Race day\n\nBy Ann Lee\n\nIn Stirrup, Jolene Birdsong plays the trainer, Maisie Colt.\n\n"
        'Printed along the bottom: "Never trust a horse that smiles." — Maisie Colt, season 2, episode 3'
    )
    analysis = analyse(text, build_directory([]))
    assert [(quote.speaker_name, quote.character) for quote in analysis.quotes] == [("Jolene Birdsong", "Maisie Colt")]


def test_a_pen_name_is_the_person_who_writes_under_it():
    assert quoted_by(
        "Race day\n\nBy Ann Lee\n\nThe tips are by Longshot, the pen name under which Arlo Tallbear has written "
        'about horses since 1988.\n\nLongshot: "Slow out of the stalls and slower after."\n\n'
        'Longshot: "The grey will win if it rains."'
    ) == ["Arlo Tallbear", "Arlo Tallbear"]


def test_a_numbered_entrys_fields_are_the_words_of_whom_it_opens_on():
    assert quoted_by(
        "The order book\n\nBy Ann Lee\n\nNo. 1. Hanka Bjeńša, producer. Cream cake for sixty. "
        "Inscription: „Hotowe!“ Customer's note: „No fruit, please.“\n\n"
        "No. 2. Milan Kral. Apple strudel. Customer's note: „Plenty of cinnamon.“\n\n"
        "No. 3. By telephone, no name given. Addition to no. 1: „Candles as well.“"
    ) == ["Hanka Bjeńša", "Hanka Bjeńša", "Milan Kral", None]


def test_a_described_role_and_the_name_everyone_calls_it_is_the_credit():
    text = (
        "On set\n\nBy Ann Lee\n\nWenna Trebilcock plays the lighthouse keeper, Morvah; Ned Pascoe plays her "
        "grandfather, who is Gramfer Jory to everyone in the film; and Loveday Hicks as the family's aunt, whom "
        "everybody in the series calls Tansy.\n\nGramfer's line to the gulls: ‘Off with you.’"
    )
    analysis = analyse(text, build_directory([]))
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Wenna Trebilcock", "Morvah"),
        ("Ned Pascoe", "Gramfer Jory"),
        ("Loveday Hicks", "Tansy"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ned Pascoe"]


def test_a_role_the_crew_calls_its_actor_by_is_still_his_credit():
    assert credits_in(
        "Dance-off\n\nBy Ann Lee\n\nThe teams: Aimée Kabasele as Nana, captain of the Lions; and Didier Mpoyi as "
        "Rocket, the shouter.\n\nDidier Mpoyi has answered to Rocket since the first week.\n\n"
        "Rigobert Lunda, whom everyone calls Rayo, boxed for ten years as Rayo and advised the cast."
    ) == {("Aimée Kabasele", "Nana"), ("Didier Mpoyi", "Rocket")}


def test_the_job_an_introduction_says_someone_was_labels_their_turns_and_a_turkic_patronymic_is_the_same_man():
    analysis = analyse(
        "Mock test\n\nBy Ann Lee\n\nTimur Rashitovich Sadykov has played a bus driver for two seasons. In Tatar "
        "the same man is Timur Rashit uly, Timur son of Rashit, as the singer Alsu dropped her surname.\n\n"
        "“I will pass,” Timur Rashit uly said.\n\n"
        "The instructor was Gulnara Fatkhullina. What follows is the transcript.\n\n"
        "INSTRUCTOR: Mirrors, please.\nTIMUR: Mirrors. I have three.\nQ: Is it hard?\n"
        "TIMUR: Harder than on set.\nINSTRUCTOR: Stop here.",
        build_directory([]),
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        "Gulnara Fatkhullina",
        "Timur Rashitovich Sadykov",
        "Ann Lee",
        "Timur Rashitovich Sadykov",
        "Gulnara Fatkhullina",
    ]
    assert analysis.credits == []
    assert [quote.speaker_name for quote in analysis.quotes] == ["Timur Rashitovich Sadykov"]


def test_a_tatar_word_for_an_elder_after_a_roles_name_stays_in_it():
    assert credits_in(
        "Night shift\n\nBy Ann Lee\n\nIldar Sabirov plays the grandfather, Rifkat babai, who keeps bees; Liliya "
        "Garipova plays Gulshat apa, the dispatcher.\n\nRifkat babai sulks."
    ) == {("Ildar Sabirov", "Rifkat babai"), ("Liliya Garipova", "Gulshat apa")}


def test_forms_of_address_before_or_hyphened_to_a_given_name_are_the_person_who_has_it():
    assert quoted_by(
        "Prize night\n\nBy Ann Lee\n\nThe coach is Sharif Boboyev, who is eighty, and the lead is Nilufar Rahimi."
        "\n\nBobo Sharif, shaking hands: «Next year.»\n\nPapay Nilufar: «I am too old for prizes.»\n\n"
        "Anup Baruah, the driver, took them home. “Roads first, speeches after,” Anup-da said."
    ) == ["Sharif Boboyev", "Nilufar Rahimi", "Anup Baruah"]


def test_a_name_and_its_spelling_in_another_language_are_one_person():
    analysis = analyse(
        "Tasting\n\nBy Ann Lee\n\nThe series credits its cast in Occitan, so Jean-Paul Castanet is Joan-Pau Castanhet "
        "and Georges Rouquette is Jòrdi Roqueta, and that is what the crew call them.\n\n"
        "JÒRDI: Cherries.\nJOAN-PAU: Cellar floor.\nJÒRDI: More cherries.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Georges Rouquette",
        "Jean-Paul Castanet",
        "Georges Rouquette",
    ]


def test_a_plurals_possessive_inside_single_marks_does_not_close_the_quote():
    assert [
        quote.text
        for quote in analyse(
            "The count\n\nBy Ann Lee\n\nThe scrutineer, Tendai Moyo, read it out: ‘The number of the viewers' votes "
            "for Rudo was 9,000. I declare that Rudo stays.’\n\nThe scene had been rewritten 'four times' after she "
            "complained, said Chipo Dube.",
            build_directory([]),
        ).quotes
    ] == ["The number of the viewers' votes for Rudo was 9,000. I declare that Rudo stays."]


def test_a_line_of_the_role_a_credit_describes_goes_to_its_actor():
    analysis = analyse(
        "Posters\n\nBy Ann Lee\n\nMarta Kral plays the mayor, Hana Wjelan; Petr Cyž plays the baker, Jan Bok.\n\n"
        "The mayor's line that the channel put on its posters, „The village votes twice“, got a cheer.",
        build_directory([]),
    )
    assert [(quote.speaker_name, quote.character) for quote in analysis.quotes] == [("Marta Kral", "Hana Wjelan")]


def test_a_form_of_address_joined_to_a_surname_is_the_person_with_that_surname():
    assert quoted_by(
        "The count\n\nBy Ann Lee\n\nThe result was read by the scrutineer, Mpho Ramaano.\n\nRudzani Mudau, who plays "
        "the groom, was pleased. ‘I won,’ he said.\n\nVhoRamaano, who audits mines, had never had an audience. "
        "‘Nobody claps for my numbers,’ he said."
    ) == ["Rudzani Mudau", "Mpho Ramaano"]


def test_a_role_a_sentence_in_the_series_is_about_is_no_title():
    assert credits_in(
        "Chess\n\nBy Ann Lee\n\nThe cast: Bakhtiyor (Firuz Nazarov); his rival, Rustam (Jamshed Karimov).\n\n"
        "«In the series Rustam always wins,» Karimov said. He starred in the series Grey Kings for two years."
    ) == {("Firuz Nazarov", "Bakhtiyor"), ("Jamshed Karimov", "Rustam")}


def test_a_shows_title_is_never_a_roles_fuller_name():
    assert credits_in(
        "Prize night\n\nBy Ann Lee\n\nWarung Mak Ijah (Mak Ijah's Stall), in its third season on Priangan TV, is set "
        "at a food stall. Euis Komala plays Mak Ijah.\n\nBest actress\nWinner: Euis Komala, for Mak Ijah"
    ) == {("Euis Komala", "Mak Ijah")}


def test_a_label_and_a_colon_that_give_away_no_episode_are_no_warning():
    analysis = analyse(
        "Reunion\n\nBy Ann Lee\n\nThen: the school's bully, who spent four series giving away other people's secrets."
        "\n\nNow: a vet in Leeds, in the fourth season of a quiet life.",
        build_directory([]),
    )
    assert analysis.spoiler.flagged is False


def test_transcript_labels_by_a_jobs_initials_a_title_or_what_the_introduction_says_the_person_did():
    analysis = analyse(
        "Locked in\n\nBy Ann Lee\n\nThe room's game master, Kofi Dzansi, watches on four screens. The quiz after it "
        "was set and asked by Palesa Mokoena. The reader of fortunes was Pandit Bikash Sahoo.\n\n"
        "GM: Three hints left.\nSENA: We need none.\nQUIZMASTER: First question?\nSENA: Ask it.\n"
        "PANDIT-JI: Your stars are kind.\nSENA: Good.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.label != "SENA"] == [
        "Kofi Dzansi",
        "Palesa Mokoena",
        "Bikash Sahoo",
    ]


def test_minutes_labels_with_a_title_before_the_surname_are_the_person_named_in_full():
    analysis = analyse(
        "Minutes\n\nBy Ann Lee\n\nThe Presiding Officer, Vice Mayor Teodoro Lapasaran, recognised Hon. Ma. Luz "
        "Dumdum. Vice Mayor Lapasaran then read the letter.\n\n"
        "VM LAPASARAN: The floor is yours.\nHON. DUMDUM: Where will the procession go?\n"
        "VM LAPASARAN: Around the plaza.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Teodoro Lapasaran",
        "Ma. Luz Dumdum",
        "Teodoro Lapasaran",
    ]
    assert analysis.introduced == ["Teodoro Lapasaran", "Ma. Luz Dumdum"]


def test_short_forms_the_article_gives_resolve_labels_and_forms_of_address():
    analysis = analyse(
        "On air\n\nBy Ann Lee\n\nEveryone is shortened, Teodora to Teddy above all; Maximino Tepoz Ramírez reads "
        "the requests, and Tumelo Sekhonyana rings in.\n\n"
        "Q: Teddy, are you ready?\nTEDDY: Always.\nDON MAXI: A song for the saint.\nNTATE TUMELO: Play it twice.\n\n"
        "Teodora Gomes, who plays the widow, laughed.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == [
        "Teodora Gomes",
        "Maximino Tepoz Ramírez",
        "Tumelo Sekhonyana",
    ]


def test_an_elder_word_after_a_given_name_is_the_person_who_has_it():
    assert quoted_by(
        "Stars\n\nBy Ann Lee\n\nSmita Mohanty plays the mother. Debashis Rout plays the son.\n\n"
        "Smita Nani laughed at the chart. “They invented her birthday,” she said."
    ) == ["Smita Mohanty"]


def test_the_actor_who_plays_a_role_then_his_name_is_the_credit_and_uyghur_elder_words_stay_in_roles():
    assert credits_in(
        "Bread\n\nBy Ann Lee\n\nThe father, Tursun bowa, bakes; the actor who plays Ablet, Ilham Sabirov on the call "
        "sheet, cannot. Abdurehim Tursunov plays Tursun bowa.\n\nTursun bowa teaches Ablet."
    ) == {("Ilham Sabirov", "Ablet"), ("Abdurehim Tursunov", "Tursun bowa")}


def test_what_the_crew_call_someone_after_an_aside_is_their_name_too():
    assert quoted_by(
        "Bread\n\nBy Ann Lee\n\nThe whole crew call Abdurehim Tursunov, who is eighty and taught at the theatre, "
        "Ustaz. Ilham Sabirov is his pupil.\n\nUstaz to Ilham: «Slower.»"
    ) == ["Abdurehim Tursunov"]


def test_a_paragraph_that_says_what_a_labelled_speaker_says_ends_the_transcript():
    analysis = analyse(
        "On air\n\nBy Ann Lee\n\nMaximino Tepoz Coyotzi, the grandfather of the series, came to the studio.\n\n"
        "EFRÉN: Don Maxi, will you say it for us?\nDON MAXI: Only if you play it again.\n\n"
        'He said it, and they did. The word is Tata Pepe\'s greeting to everyone who reaches his door: "Xikalaki!" '
        "Come in. Children shout it at visitors now, and Don Maxi says he has stopped walking through the market.",
        build_directory([]),
    )
    assert [turn.text for turn in analysis.qa_turns][-1] == "Only if you play it again."
    assert [quote.text for quote in analysis.quotes] == ["Xikalaki!"]


def test_a_form_of_address_before_a_given_name_or_surname_of_someone_named_later_is_that_person():
    assert quoted_by(
        "Tide day\n\nBy Ann Lee\n\n«Welcome,» Gogo Lindiwe said at the gate. The actress Lindiwe Sibanda had come "
        "early.\n\nThe harbourmaster, Hery Randriamanana, is Ingahy Hery, Mister Hery, to every "
        "captain on the quay.\n\n« Boats come home when they can », Ingahy Hery said.\n\n"
        "The school's teacher, Themba Mpofu, reads the results, and is Baba Mpofu to the pupils; the sheet is signed "
        "S. Mpofu. ‘Slow down,’ Baba Mpofu said.\n\nThe coach is Khurshed Qodirov, who is eighty, and everybody calls "
        "Khurshed Qodirov Bobo, grandfather. «Wise,» Bobo "
        "Khurshed said."
    ) == ["Lindiwe Sibanda", "Hery Randriamanana", "Themba Mpofu", "Khurshed Qodirov"]


def test_a_role_named_with_a_form_of_address_stays_a_role_and_a_name_said_of_someone_is_no_credit():
    assert credits_in(
        "Sports day\n\nBy Ann Lee\n\nThe landlady, Auntie Ngozi, played by Ngozi Okafor, keeps the peace. The "
        "school's teacher, Themba Mpofu, who reads out the results every year, is Baba Mpofu, and on the day he "
        "was the announcer. Nomsa Dube plays the grandmother, Gogo Thembi; off screen Nomsa Dube is Gogo Nomsa, "
        "just as her character is Gogo Thembi.\n\n"
        "Gogo Eunice, as the pupils called Eunice Mlilo, handed out the medals."
    ) == {("Ngozi Okafor", "Auntie Ngozi"), ("Nomsa Dube", "Gogo Thembi")}


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Bapang Rolando", "Rolando Manalang"),
        ("Atching Luz", "Luz Gozum"),
        ("Bah Kynsai", "Kynsai Marbaniang"),
        ("Kong Iba", "Iba Nongrum"),
        ("Gogo Thandi", "Thandi Mlilo"),
        ("Lopen Sonam", "Sonam Dorji"),
        ("Dah Mahougnon", "Mahougnon Adjovi"),
        ("Nan Bernadette", "Bernadette Agossou"),
        ("Nei Rurubao", "Rurubao Tekeua"),
        ("Lali Mitru", "Mitru Nikolovski"),
        ("Chira Vanghea", "Vanghea Sterjovska"),
        ("Bubu ToBurua", "Paul ToBurua"),
    ],
)
def test_forms_of_address_from_more_languages_before_a_given_name(written, full):
    assert quoted_by(f"Day out\n\nBy Ann Lee\n\n{full} came along.\n\n“Good,” {written} said.") == [full]


def test_the_form_of_address_said_to_be_someones_name_is_no_role():
    assert credits_in(
        "Rehearsal\n\nBy Ann Lee\n\nSamir Belaid plays the grandfather, Da Arezki; Nadia Hamadi plays his wife, Na "
        "Tassadit.\n\nAn older man is Da, so the actor is Da Samir to the company, just as his character is Da "
        "Arezki; an older woman is Na, and Nadia Hamadi is Na Nadia, just as her character is Na Tassadit."
    ) == {("Samir Belaid", "Da Arezki"), ("Nadia Hamadi", "Na Tassadit")}


@pytest.mark.parametrize(
    ("header", "writer"),
    [
        ("Yaźźy (written by): Gulnaz Ishmukhametova, Starosubkhangulovo", "Gulnaz Ishmukhametova"),
        ("Koroboki iroun (written by): Teretia Baraniko, Betio", "Teretia Baraniko"),
    ],
)
def test_a_byline_in_the_papers_words_with_their_gloss_asks_the_questions(header, writer):
    analysis = analyse(
        f"Hive log\n\n{header}\n\nThe keeper let us copy his book.\n\nQ: Why a rope?\nZAGIR YANBAEV: Bears.",
        build_directory([]),
    )
    assert analysis.bylines == [writer]
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [writer, "Zagir Yanbaev"]


def test_an_elder_word_after_a_given_name_is_the_one_person_written_with_or_without_a_patronymic():
    analysis = analyse(
        "Hive log\n\nBy Ann Lee\n\nThe beekeeper is Zagir Yanbaev. On his passport he is Zagir Rakhimovich "
        "Yanbaev; to anyone younger he is Zagir ağay, and the director is Minnigul apay.\n\n"
        "Q: And the actors?\nZAGIR AĞAY: Alsu climbed.\nZAGIR YANBAEV: The men gave advice.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns[1:]] == ["Zagir Yanbaev", "Zagir Yanbaev"]
    assert "Zagir Ağay" not in analysis.introduced


@pytest.mark.parametrize(
    ("credit", "role"),
    [
        ("Ilshat Bikbulatov plays the grandfather, Sabit olatay; Alsu Gallyamova plays Zilya.", "Sabit olatay"),
        ("Ilshat Bikbulatov is the grandfather, Basan aava, who carries a board; Alsu Gallyamova plays Zilya.",
         "Basan aava"),
        ("The old coach, Dorzho baabai, is played by Ilshat Bikbulatov. Alsu Gallyamova plays Zilya.", "Dorzho baabai"),
    ],
)  # fmt: skip
def test_bashkir_kalmyk_and_buryat_elder_words_stay_in_a_roles_name(credit, role):
    assert credits_in(f"Hive log\n\nBy Ann Lee\n\n{credit}") == {
        ("Ilshat Bikbulatov", role),
        ("Alsu Gallyamova", "Zilya"),
    }


def test_what_the_crew_were_calling_a_surname_is_that_persons_and_the_two_words_are_nobody_new():
    analysis = analyse(
        "Hive log\n\nBy Ann Lee\n\nIlshat Bikbulatov plays the grandfather. A grandfather is olatay, and the crew "
        "were calling Bikbulatov Olatay before the first week was out.\n\nQ: How much of it is you?\n"
        "OLATAY: The hands.\n\n“I kept the smoker,” Bikbulatov said.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns[1:]] == ["Ilshat Bikbulatov"]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ilshat Bikbulatov"]
    assert analysis.introduced == ["Ilshat Bikbulatov"]


def test_a_given_name_and_surname_the_crew_call_someone_are_no_surname_and_nickname():
    analysis = analyse(
        "Loom\n\nBy Ann Lee\n\nMerdan Orazow, who plays Batyr, and Bessi Annaýewa, who plays Jeren, are married. "
        "Gelneje is the wife of an older brother, which is what the youngest of the crew call Bessi Annaýewa.\n\n"
        "“I married a man, not a loom,” Bessi said.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Merdan Orazow", "Batyr"),
        ("Bessi Annaýewa", "Jeren"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Bessi Annaýewa"]


def test_a_name_and_the_word_of_address_the_cast_fell_into_calling_someone_are_theirs():
    assert quoted_by(
        "Marks\n\nBy Ann Lee\n\nThe mark book is kept by Ivvár Sjaggo. A grandfather is áddjá, and the cast fell "
        "into calling Sjaggo Ivvár áddjá within a week.\n\nGijtto, Ivvár áddjá wrote on the last page, and then, in "
        "smaller letters: “Bring the felt calf back.”"
    ) == ["Ivvár Sjaggo"]


def test_a_line_a_role_tells_with_a_colon_ends_the_transcript_before_it():
    analysis = analyse(
        "Hive log\n\nBy Ann Lee\n\nIlshat Bikbulatov plays the grandfather, Sabit.\n\nQ: Bad luck?\n"
        "ALSU: Do not ask the bees.\n\nIn the first episode Sabit lowers a comb on a rope and tells her, without "
        "looking down: “Honey you can sell. The tree you only borrow.”",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Honey you can sell. The tree you only borrow.", "Ilshat Bikbulatov")
    ]


def test_a_name_written_with_a_form_of_address_after_it_is_no_second_person():
    analysis = analyse(
        "Ledger\n\nBy Ann Lee\n\nBernadette Agossou plays the aunt. An older woman is Nan, which is why half the "
        "market now calls Bernadette Agossou Nan Bernadette.\n\n“They called me Tanti,” Nan Bernadette said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Bernadette Agossou"]
    assert analysis.introduced == ["Bernadette Agossou"]


@pytest.mark.parametrize("label", ["Remarks", "Comments"])
def test_a_ledgers_columns_are_no_transcript_and_its_lines_are_whoever_the_entry_names(label):
    analysis = analyse(
        "Ledger\n\nBy Ann Lee\n\nSylvestre Gbaguidi plays Zinsou; Mahoutin Kpodékon plays Dossou.\n\n"
        "No. 0412. One helmet, yellow.\nFound by: rider no. 88.\nClaimed by: Zinsou (Sylvestre Gbaguidi).\n"
        f"{label}: Claimant said: “It is not even mine.” Returned on signature.\n\n"
        "No. 0419. Script, episode 7.\nFound by: the secretary.\nClaimed by: Dossou (Mahoutin Kpodékon).\n"
        f"{label}: Read. Returned. Claimant said: “Please tell me you did not read the end.”",
        build_directory([]),
    )
    assert analysis.qa_turns == []
    assert [quote.speaker_name for quote in analysis.quotes] == ["Sylvestre Gbaguidi", "Mahoutin Kpodékon"]


def test_a_registers_holder_is_no_label_and_a_remark_in_someones_hand_is_theirs():
    analysis = analyse(
        "Marks\n\nBy Ann Lee\n\nNils Anders Tuorda plays Jåvsset and Sárá Länta plays Elle. The series is directed "
        "by Per Kitok.\n\nMARK 212. Left: two notches.\nHolder: Jåvsset (the series). Registered 2 June.\n"
        "Remarks, in Tuorda's hand: “The bank cannot take a mark.”\n\nMARK 213. Left: one notch.\n"
        "Holder: Elle (the series). Her first mark.\nRemarks, in Kitok's hand: “Too close to the Pavval family's "
        "mark.”\n\nMARK 214. Left: plain.\nHolder: Biret (the series). Taken from her mother.\n"
        "Remarks, unsigned: “It does not kick.”",
        build_directory([]),
    )
    assert analysis.qa_turns == []
    assert [quote.speaker_name for quote in analysis.quotes] == ["Nils Anders Tuorda", "Per Kitok", None]


def test_a_slip_under_the_name_of_who_returned_the_book_is_theirs():
    assert quoted_by(
        "Trolley\n\nBy Ann Lee\n\nDulari Kisku plays the grandmother.\n\n1. A primer in Ol Chiki.\n"
        "Returned by: Dulari Kisku.\nSlip: “I had to learn it again at sixty-one.”\n\n2. An atlas.\n"
        "Returned by: a boy in Class 7.\nSlip: “Phulmani should have a bicycle.”"
    ) == ["Dulari Kisku", None]


def test_a_chess_diagrams_sides_are_no_transcript_and_its_paragraph_keeps_its_quote():
    analysis = analyse(
        "Problems\n\nBy Ann Lee\n\nErdni Sangadzhiev is the grandfather, Basan.\n\nPROBLEM 1\n"
        "White: Kg1, Rd1. Black: Kg8, Rc8. White to play.\nThe first position in the film. Basan, watching, gives "
        "the film its first line: “Never play a man for his cigarettes.”\n\nPROBLEM 2\n"
        "White: Ke1, Qh5. Black: Ke8, Nc6. White to play and mate in one.\nThe oldest trap in chess.",
        build_directory([]),
    )
    assert analysis.qa_turns == []
    assert [quote.speaker_name for quote in analysis.quotes] == ["Erdni Sangadzhiev"]


def test_she_after_a_street_is_nobody_named():
    assert quoted_by(
        "Ledger\n\nBy Ann Lee\n\nNo. 0415. A wig.\nFound by: rider no. 12, Rue des Tissus.\n"
        "Claimed by: the make-up lady, name not given.\nRemarks: She said: “We film in an hour.”"
    ) == [None]


@pytest.mark.parametrize(
    "who",
    [
        "asked that his name be kept out of the paper",
        "gave only his first name and then took it back",
        "asked us to leave him out of the paper",
        "did not want his name used",
    ],
)
def test_more_ways_of_saying_someone_is_not_to_be_named(who):
    assert quoted_by(
        f"Ledger\n\nBy Ann Lee\n\nMahoutin Kpodékon plays the younger brother.\n\nA rider, who {who}, "
        "smiled. “Write my number,” he said."
    ) == [None]


def test_a_scripts_end_mark_ends_its_transcript():
    assert quoted_by(
        "Forecast\n\nBy Ann Lee\n\nAYANA SARYGLAR: Good evening.\nKONGAR-OOL OORZHAK: Fog tomorrow.\n\n"
        "[END OF WEATHER. 20.57.]\n\nThe viewer's message was longer: “My grandmother will turn it off.”"
    ) == [None]


def test_initials_under_a_quote_sign_it_for_the_one_person_spelt_two_ways():
    analysis = analyse(
        "Marks\n\nBy Ann Lee\n\nThe mark book is kept by Ivvár Sjaggo. On his driving licence Ivvár is Ivar "
        "Sjaggo.\n\nBelow, in pencil: “The calves are faster than the actors.” I.S.\n\n“It is a name,” Sjaggo said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ivvár Sjaggo", "Ivvár Sjaggo"]
    assert analysis.introduced == ["Ivvár Sjaggo"]


def test_a_titles_translation_before_which_is_no_credit_and_alhadji_is_no_name():
    analysis = analyse(
        "Register\n\nBy Ann Lee\n\nTe Kaibuke (The Ship), which Mwaneaba TV broadcasts, is about a keeper. "
        "Taoaba Kaiarake plays the keeper, Tem Kauongo. The director is Alhadji Ousmanou Bello, who has made the "
        "pilgrimage to Mecca and so carries Alhadji before his name for the rest of his life.\n\n"
        "Alhadji Ousmanou Bello confirmed the story when we telephoned him. “It was the only gourd,” Bello said.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Taoaba Kaiarake", "Tem Kauongo")}
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ousmanou Bello"]


def test_what_someone_is_to_the_staff_after_an_aside_labels_their_turns():
    analysis = analyse(
        "Crossword\n\nBy Ann Lee\n\nThe setter is Hamadou Bouba, a retired schoolteacher, who is Modibbo to the "
        "paper's staff because he knows more words.\n\nHAMADOU BOUBA: Start with seven across.\n"
        "AISSATOU DAOUDA: Goggo.\nMODIBBO: Correct.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == ["Hamadou Bouba", "Aissatou Daouda", "Hamadou Bouba"]


def test_a_closing_credits_role_written_after_whose_relative_it_is():
    assert credits_in(
        "Bers\n\nBy Ann Lee\n\nTHE PLAYERS\nBaira Lidzhieva ........ Nyudlya\n"
        "Erdni Sangadzhiev ...... Basan\nTsagan Ochirova ........ Nyudlya's mother, Kermen"
    ) == {("Baira Lidzhieva", "Nyudlya"), ("Erdni Sangadzhiev", "Basan"), ("Tsagan Ochirova", "Kermen")}


@pytest.mark.parametrize(
    ("credit", "role"),
    [
        ("Ilshat Bikbulatov takes the part of the grandfather, Kuzma asatte, whose hands shake; Alsu Gallyamova "
         "plays Zilya.", "Kuzma asatte"),
        ("Zilya is played by Alsu Gallyamova; and Kedra pesyatai, the grandfather who walks the line, by Ilshat "
         "Bikbulatov.", "Kedra pesyatai"),
        ("With Ilshat Bikbulatov as Baaska ogonnyor and Alsu Gallyamova as Zilya.", "Baaska ogonnyor"),
    ],
)  # fmt: skip
def test_chuvash_udmurt_and_sakha_elder_words_stay_in_a_roles_name(credit, role):
    assert credits_in(f"Peal board\n\nBy Ann Lee\n\n{credit}") == {
        ("Ilshat Bikbulatov", role),
        ("Alsu Gallyamova", "Zilya"),
    }


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Pavel kukka", "Pavel Eltĕrov"),
        ("Zoya apai", "Zoya Shutova"),
        ("Jolmurza aǵa", "Jolmurza Tleubaev"),
        ("Akhmed-vosha", "Akhmed Gazdiev"),
    ],
)
def test_chuvash_udmurt_karakalpak_and_ingush_kin_words_after_a_given_name(written, full):
    analysis = analyse(
        f"Day out\n\nBy Ann Lee\n\n{full} came along.\n\nQ: Why?\n{written.upper()}: Because.", build_directory([])
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == [full]


def test_kin_words_after_a_given_name_label_its_turns():
    analysis = analyse(
        "Peal board\n\nBy Ann Lee\n\nTheir teacher is Pavel Eltĕrov, and everybody calls him Pavel kukka.\n\n"
        "Q: Who rings best?\nPAVEL KUKKA: Narspi.\nQ: And you?\nPAVEL ELTĔROV: Me.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Pavel Eltĕrov"] * 2
    assert "Pavel Kukka" not in analysis.introduced


def test_a_karakalpak_grandfathers_role_after_a_described_actor():
    assert credits_in(
        "Stamp album\n\nBy Ann Lee\n\nOraz Allambergenov, the Berdakh Theatre's senior actor, is the old net-mender "
        "Qalbay ata. Aysulıw Utepova plays Sánem."
    ) == {("Oraz Allambergenov", "Qalbay ata"), ("Aysulıw Utepova", "Sánem")}


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Mushingantahe Pascal", "Pascal Bucumi"),
        ("Beny Makuei", "Makuei Thon Aguer"),
        ("Coach Pascal", "Pascal Bucumi"),
    ],
)
def test_kirundi_dinka_and_a_coachs_forms_of_address_before_a_given_name(written, full):
    assert quoted_by(f"Day out\n\nBy Ann Lee\n\n{full} came along.\n\n“Good,” {written} said.") == [full]


def test_a_swahili_form_of_address_before_a_full_name_and_a_shona_one_before_a_surname():
    analysis = analyse(
        "Day out\n\nBy Ann Lee\n\nThe farm's owner, Mzee Kiptanui Chirchir, came along. The choreographer is Ruvimbo "
        "Chakanyuka; a grandmother is mbuya.\n\n“They asked me the price,” Kiptanui Chirchir said.\n\n"
        "Q: Why cards?\nMBUYA CHAKANYUKA: For people in a hurry.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Kiptanui Chirchir"]
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Ruvimbo Chakanyuka"]


def test_a_name_that_is_someones_cousin_gives_no_gender_from_his():
    assert quoted_by(
        "Bells\n\nBy Ann Lee\n\nYuman Elmenkeev plays the grandson. Narspi Sĕlkeeva is his cousin Tani, who rings in "
        "his place.\n\nSelime Tayakova, the director, recorded every bell. “Each village rings differently,” she "
        "said.\n\nNarspi Sĕlkeeva came with blisters. “I practised on a skipping rope,” she admitted."
    ) == ["Selime Tayakova", "Narspi Sĕlkeeva"]


@pytest.mark.parametrize(
    "lead",
    [
        "Her small son asked Yuman Elmenkeev:",
        "Her small son had a question for Yuman Elmenkeev, and asked it without looking up from his bicycle:",
    ],
)
def test_someone_unnamed_asking_a_named_person_is_not_them(lead):
    assert quoted_by(f"Bells\n\nBy Ann Lee\n\nYuman Elmenkeev plays the grandson.\n\n{lead} “Was that pretend?”") == [
        None
    ]


def test_a_ledgers_job_and_owner_say_whose_remarks_they_are():
    assert quoted_by(
        "Ledger\n\nBy Ann Lee\n\nThe director is Kipchirchir Boit. The farm's owner, Mzee Kiptanui Chirchir, has "
        "been paid.\n\n12 June. Same farm.\nRemarks: Owner says, “She never forgets where to stand.”\n\n"
        "14 June. Same farm.\nRemarks: Director says, “Then we wait for her.”"
    ) == ["Kiptanui Chirchir", "Kipchirchir Boit"]


@pytest.mark.parametrize(
    ("credit", "pair"),
    [
        ("Her son Kimutai, who wants to sell the land, is Kiprop Lagat's part.", ("Kiprop Lagat", "Kimutai")),
        ("The fish-plant director, Comrade Ernazar, is Berdakh Jumaniyazov's role.",
         ("Berdakh Jumaniyazov", "Comrade Ernazar")),
        ("The series stars many, and playing the radio operator who loves Sánem, Timur, is Azamat Seytjanov.",
         ("Azamat Seytjanov", "Timur")),
        ("Ya Kumba, the market queen who runs the family from a stall, belongs to Yeabu Conteh.",
         ("Yeabu Conteh", "Ya Kumba")),
        ("The part of Sorie, the nephew who came home with a theodolite, went to Abu Bakarr Turay.",
         ("Abu Bakarr Turay", "Sorie")),
    ],
)  # fmt: skip
def test_a_role_said_to_be_an_actors_part_or_to_belong_to_them(credit, pair):
    assert credits_in(f"Casting\n\nBy Ann Lee\n\n{credit}") == {pair}


def test_a_one_word_role_counts_in_a_sentence_that_credits_others():
    assert credits_in(
        "Socks\n\nBy Ann Lee\n\nAminat Khalidova is Bakhu, the widow who holds the keys; Murad Sharapudinov is her "
        "brother-in-law Gazimagomed; Khadizhat Magomedova is cast as Bakhu's daughter Sakinat.\n\n"
        "Patimat Umarova is Mama, the one who knits."
    ) == {("Aminat Khalidova", "Bakhu"), ("Murad Sharapudinov", "Gazimagomed"), ("Khadizhat Magomedova", "Sakinat")}


def test_a_name_at_home_and_a_likeness_after_as_are_no_credit():
    analysis = analyse(
        "Socks\n\nBy Ann Lee\n\nThe socks were knitted by Patimat Umarova, who is seventy-one. In Dagestan she is "
        "Patimat Omarovna Umarova on her pension book, but the Avar way is to put the father's name first, so at home "
        "she is Umaril Patimat, Omar's Patimat, as the poet Rasul Gamzatov was Hamzatil Rasul.\n\n"
        "“A sock tells you which village a woman comes from,” Patimat said.",
        build_directory([]),
    )
    assert analysis.credits == []
    assert [quote.speaker_name for quote in analysis.quotes] == ["Patimat Umarova"]


def test_a_passenger_opening_the_sentence_before_is_the_she_who_speaks():
    assert quoted_by(
        "Register\n\nBy Ann Lee\n\nZoya Shutova has seen the episode twice. “They made the levers look easier,” Zoya "
        "Shutova said.\n\nA passenger on the morning train to Glazov, who had recognised Kyz-Yar from the window, "
        "was less sentimental. “Every week this train is late because of a drama,” she said."
    ) == ["Zoya Shutova", None]


def test_a_remark_in_a_jobs_hand_or_under_a_forms_job_field():
    assert quoted_by(
        "Album\n\nBy Ann Lee\n\nThe collector is Jolmurza Tleubaev, eighty.\n\nStamp 5. Empty hinge.\n"
        "Pencilled underneath, in the collector's hand: “Reserved for a stamp of the series.”\n\n"
        "The mechanic is Innokentiy Popov.\n\nINSPECTION. Vehicle: truck. Inspector: I. Popov. Critic: S. Gotovtseva."
        "\n\n1. ENGINE. PASS.\nInspector's comment: “Nobody starts a KamAZ that fast.”"
    ) == ["Jolmurza Tleubaev", "Innokentiy Popov"]


def test_a_running_orders_line_is_the_entrys_role():
    analysis = analyse(
        "Wedding\n\nBy Ann Lee\n\nLeila Tsurova is Khamzat's mother, Khava.\n\n"
        "5. Khava (Leila Tsurova) toasts the bride. Line: “Come into my house. It is yours now.”",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Leila Tsurova"]


def test_a_name_on_set_after_whose_totem_it_is_labels_a_turn():
    analysis = analyse(
        "Dance card\n\nBy Ann Lee\n\nFarai Zvobgo plays the drummer. Older people are addressed through their "
        "children, so a man becomes Baba Tendai. Farai Zvobgo's is the lion, so on set he is simply Shumba.\n\n"
        "Q: Why?\nSHUMBA: He jumps too high.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Farai Zvobgo"]


def test_a_tally_sheets_remarks_are_the_lines_counter_or_whose_words_they_are():
    assert quoted_by(
        "Tally\n\nBy Ann Lee\n\nNyandeng Ajak plays Akuol. The camp's head is Makuei Thon Aguer.\n\n"
        "Line 2. Heifers: 188. Counted by: Nyandeng Ajak. Remarks: “I counted 190. The boy wins.”\n"
        "Line 4. Oxen: 163. Counted by: the boys. Remarks, in Makuei's words: “The actor counted the grey ones twice.”"
    ) == ["Nyandeng Ajak", "Makuei Thon Aguer"]


def test_a_role_with_two_asides_before_its_verb_says_a_short_line():
    assert (
        quoted_by(
            "Review\n\nBy Ann Lee\n\nWith Erchim Okhlopkov as Baaska ogonnyor.\n\nBaaska, soaked, lying on the ice, "
            "looks at the sky and says, “Forty-two.” Then the series cuts to spring. Baaska, soaked, lying on the ice, "
            "says, “Forty-three.”\n\n"
            "He turns round and, in a small, worried, unmistakable voice, replies: “Bye-bye! Don't forget your scarf!”"
        )
        == ["Erchim Okhlopkov"] * 3
    )


def test_a_reporters_initials_that_spell_a_word_label_a_question():
    analysis = analyse(
        "Half-time\n\nBy Aline Ndayizeye and Fiston Bigirimana\n\nAN: Espérance, one goal already?\n"
        "ESPÉRANCE NDIKUMANA: That is Papa Pascal.\nFB: Is she a real striker?\nPASCAL BUCUMI: She is.",
        build_directory([]),
    )
    assert [(turn.label, turn.speaker_written) for turn in analysis.qa_turns if turn.role == "question"] == [
        ("AN", "Aline Ndayizeye"),
        ("FB", "Fiston Bigirimana"),
    ]


def test_a_line_typed_in_capitals_after_its_cue_is_a_quote():
    analysis = analyse(
        "Leak\n\nBy Ann Lee\n\nYeabu Conteh plays Ya Kumba.\n\nIn the scene Pa Lamina admits he sold the land. "
        "Her reply, typed in capitals in the script: “THE RIVER DOES NOT BELONG TO YOU TO SELL.”\n\n"
        "The sign reads “BLESSED COPY CENTRE” in red.",
        build_directory([]),
    )
    assert [quote.text for quote in analysis.quotes] == ["THE RIVER DOES NOT BELONG TO YOU TO SELL."]


def test_the_pilgrims_title_in_two_words_and_what_the_street_calls_someone():
    analysis = analyse(
        "Measurements\n\nBy Ann Lee\n\nThe workshop belongs to El Hadji Babacar Diop, sixty-eight. The street calls "
        "him Pa Bass, Babacar worn down to one syllable.\n\nQ: Did he learn anything?\nPA BASS: Nothing.\n\n"
        "Pa Bass has watched every episode. “In my workshop it takes three days,” Pa Bass said.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns if turn.role == "answer"] == ["Babacar Diop"]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Babacar Diop"]


def test_a_line_told_to_a_role_after_a_transcript_ends_it_and_is_the_tellers():
    analysis = analyse(
        "Measurements\n\nBy Astou Mbengue\n\nMamadou Lamine Gueye plays the master tailor, Baay Seydi. Ndèye Fatou "
        "Seck plays Aïda.\n\nMBENGUE: And if she pays last?\nSECK: Then she wears last year's.\n\n"
        "In the first episode Baay Seydi holds a finished boubou up to the light and tells Aïda, “A boubou is a "
        "letter the tailor writes to the whole town,” before folding it.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Mamadou Lamine Gueye"]
    assert analysis.qa_turns[-1].text == "Then she wears last year's."


def test_a_notes_first_word_that_is_a_verb_adds_nothing_to_a_roles_name():
    assert credits_in(
        "Cards\n\nBy Ann Lee\n\nMamadou Lamine Gueye plays the master tailor, Baay Seydi.\n\n"
        "FICHE No. 2217. Client: Mamadou Lamine Gueye (for Baay Seydi).\nRemarque: Says Baay Seydi never lets anyone "
        "measure him."
    ) == {("Mamadou Lamine Gueye", "Baay Seydi")}


def test_an_iban_name_with_anak_and_the_forms_of_address_before_its_given_name():
    analysis = analyse(
        "Timetable\n\nBy Ann Lee\n\nJimbun anak Likau plays Cikgu Lansing. Banyang anak Entri, as the headman Tuai "
        "Rumah Nanang, runs the longhouse.\n\nQ: Can you swim?\nA: About half.\n\n"
        "“Here the river is the headmaster,” Aki Banyang said. “I am only his deputy,” said Cikgu Jimbun.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Jimbun anak Likau", "Cikgu Lansing"),
        ("Banyang anak Entri", "Tuai Rumah Nanang"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Banyang anak Entri", "Jimbun anak Likau"]


@pytest.mark.parametrize(
    ("written", "full"),
    [("Pog Yer", "Yer Kue"), ("Efo Kɔku", "Kɔku Agbeko"), ("Itron Gourlaouen", "Anna Gourlaouen")],
)
def test_hmong_ewe_and_breton_forms_of_address(written, full):
    assert quoted_by(f"Day out\n\nBy Ann Lee\n\n{full} came along.\n\n“Good,” {written} said.") == [full]


def test_initials_or_a_name_inside_a_notes_own_marks_sign_it():
    assert quoted_by(
        "Recipe card\n\nBy Ann Lee\n\nWazhma Orakzai plays the daughter-in-law. Marjan Bibi cooked for the set. Sher "
        "Alam Khattak plays the grandfather.\n\nRice, 1 kg.\nMargin, green ink: “Two hours means two hours. W.”\n"
        "Sugar, a little.\nMargin, red ink: “Not too much sugar. This is not Lahore. M.B.”\n"
        "Water, 2 litres.\nMargin, pencil: “The water is the pulao. Sher Alam.”"
    ) == ["Wazhma Orakzai", "Marjan Bibi", "Sher Alam Khattak"]


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Obbo Gammachuu", "Gammachuu Tolasaa Dhugaa"),
        ("Aadde Ayyaantuu", "Ayyaantuu Qananii Kabbadaa"),
        ("Koko Mariama", "Mariama Bourhane Msaidie"),
        ("Mzé Abdou", "Abdou Chakir Houmadi"),
        ("Koro Uri", "Uri Tuki Haoa"),
        ("Mana Rosalina", "Rosalina Ximenes"),
        ("Onda Barla", "Barla Capaul"),
    ],
)
def test_oromo_comorian_rapa_nui_tetum_and_romansh_forms_of_address(written, full):
    assert quoted_by(f"Day out\n\nBy Ann Lee\n\n{full} came along.\n\n“Good,” {written} said.") == [full]


def test_a_venda_form_of_address_joined_to_a_surname_by_a_hyphen():
    assert quoted_by(
        "Meter book\n\nBy Ann Lee\n\nThe meter book is kept by Ndivhaleni Madzivhandila, sixty.\n\n"
        "“I write what comes out of the pump,” Vho-Madzivhandila said."
    ) == ["Ndivhaleni Madzivhandila"]


def test_a_role_first_set_off_by_what_it_does_then_the_actor_who_is_it():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nDolores, the aunt who keeps the shop open past midnight, is Ines Carvalhal. Mateu, "
        "his cousin, the baker who wants the whole street to move, is Pere Oliveras. Nando, Mateu's father, who never "
        "leaves the harbour, is Jordi Vives. Lluc, the producer who found the house, is Lluc Ferrer."
    ) == {("Ines Carvalhal", "Dolores"), ("Pere Oliveras", "Mateu"), ("Jordi Vives", "Nando")}


def test_a_one_word_role_named_by_what_it_does_in_a_list_of_credits():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nThabo Mokoena is Lerato, who runs the shop and everybody in it; Sipho Dube is "
        "Bongani, the driver."
    ) == {("Thabo Mokoena", "Lerato"), ("Sipho Dube", "Bongani")}


def test_a_form_of_address_in_small_letters_is_part_of_a_roles_name():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nHidde Kuipers is pake Wiebe, the skipper. Janke Hoekstra plays beppe Sjoukje, his "
        "wife. Joop Dekker is also Hessel, the mate."
    ) == {("Hidde Kuipers", "pake Wiebe"), ("Janke Hoekstra", "beppe Sjoukje")}


def test_the_people_of_a_place_or_a_trade_give_a_nickname():
    assert quoted_by(
        "The shed\n\nBy Ann Lee\n\nThe shed belongs to a cooperative, and its foreman, Temur Ashba, has typed every "
        "note since 1990. The fishermen call him Ledger Temur. The boats come in at six.\n\nThe bakery belongs to "
        "Astamur Kvarchia, who took it over from his father. The whole quarter calls him Bread-bab. The ovens are "
        "old.\n\n“Forty came back,” Ledger Temur said.\n\n“Not one loaf left,” Bread-bab said."
    ) == ["Temur Ashba", "Astamur Kvarchia"]


def test_a_nickname_known_in_a_place():
    assert quoted_by(
        "The fair\n\nBy Ann Lee\n\nThe treasurer is Giommaria Sanna, sixty, known in Orune as Mimmiu. He sells "
        "the tickets.\n\n“Nobody said it was secret,” Mimmiu Sanna said."
    ) == ["Giommaria Sanna"]


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Odu Rosalind", "Rosalind Majinal"),
        ("Beppe Tryntsje", "Tryntsje de Vries"),
        ("Pake Eelke", "Eelke Zijlstra"),
        ("Mme Mapula", "Mapula Mphahlele"),
        ("Ta Chico", "Chico Toledo Luis"),
        ("Tziu Bainzu", "Bainzu Cossu"),
        ("Tzia Peppina", "Peppina Ladu"),
    ],
)
def test_kadazan_frisian_sepedi_zapotec_and_sardinian_forms_of_address(written, full):
    assert quoted_by(f"Day out\n\nBy Ann Lee\n\n{full} came along.\n\n“Good,” {written} said.") == [full]


def test_a_congregations_brother_by_his_surname():
    analysis = analyse(
        "Minutes\n\nBy Ann Lee\n\nWilfred Nolberto came along.\n\nQ: Ready?\n\nBro. Nolberto: Never.\n\n"
        "Q: Sure?\n\nBro. Nolberto: No.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns][1::2] == ["Wilfred Nolberto", "Wilfred Nolberto"]


def test_a_form_of_address_before_a_second_given_name():
    assert quoted_by(
        "Laundry\n\nBy Ann Lee\n\nAna Conceição Fernandes flies in from Porto. “Nobody is shouting,” Tia "
        "Conceição said."
    ) == ["Ana Conceição Fernandes"]


def test_a_byname_where_he_works_and_its_gloss_name_nobody_new():
    assert quoted_by(
        "Bikes\n\nBy Ann Lee\n\nThe mechanic is Sjoerd Bakker, sixty. On the quay he is Sjoerd Fyts, Sjoerd Bike."
        "\n\nSjoerd Bakker looked at the bikes. “Bad chain,” Sjoerd said.\n\n“Sjoerd Fyts fixed it,” said Anke "
        "Visser."
    ) == ["Sjoerd Bakker", "Anke Visser"]


def test_a_byname_on_the_show_is_no_nickname():
    text = (
        "Bikes\n\nBy Ann Lee\n\nThe actor is Sjoerd Bakker, sixty. On the show he is Jelle Fyts, a mechanic.\n\n"
        "“Bad chain,” Sjoerd Bakker said."
    )
    assert quoted_by(text) == ["Sjoerd Bakker"]
    assert "Jelle Fyts" not in analyse(text, build_directory([])).introduced


def test_me_in_a_transcript_is_its_writer_whose_byline_is_glossed():
    analysis = analyse(
        "Laundry\n\nBarovpi (writer): Kavita Naik, Margao\n\nRohan Desai plays the owner.\n\nMe: Rohan, are "
        "you late?\n\nRohan: Never.\n\nMe: Really?\n\nRohan: Once.",
        build_directory([]),
    )
    assert analysis.bylines == ["Kavita Naik"]
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        "Kavita Naik",
        "Rohan Desai",
    ] * 2


def test_a_forms_next_field_and_a_shortened_surname_name_nobody_new():
    analysis = analyse(
        "Tickets\n\nBy Ann Lee\n\nSavio D'Mello plays Lino, the tailor. Graça Sardinha came too.\n\n"
        "TICKET 1. Name: Savio D'M. (Lino). Items: a suit.\n\nTICKET 2. Name: Graça S. Note: Paid.\n\n"
        "Q: Why a suit?\n\nSavio: Because Lino is the tailor.\n\nQ: And?\n\nSavio: No.\n\n"
        "“Too slow,” Graça said.",
        build_directory([]),
    )
    assert sorted(analysis.introduced) == ["Graça Sardinha", "Savio D'Mello"]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Graça Sardinha"]
    assert [turn.speaker_name for turn in analysis.qa_turns][1::2] == ["Savio D'Mello", "Savio D'Mello"]


def test_an_articles_list_of_short_forms_for_given_names():
    analysis = analyse(
        "Market\n\nBy Ann Lee\n\nNicknames rule here: a Guadalupe is Lupe, a Francisco is Pancho, and nobody minds."
        "\n\nThe collector is Francisco Regalado Díaz. His neighbour is Guadalupe Orozco Vera.\n\nR: Allowed?\n\n"
        "Na Lupe: If Pancho likes fish.\n\nR: And you?\n\nTa Pancho: I like fish.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns][1::2] == [
        "Guadalupe Orozco Vera",
        "Francisco Regalado Díaz",
    ]


def test_a_job_said_with_a_form_of_address_is_its_holders_label():
    analysis = analyse(
        "Minutes\n\nBy Ann Lee\n\nThe club's chair is Winifred Nunez, seventy. Dennis Avila plays Jerome.\n\n"
        "Present: Miss W. Nunez (Chair), Mr T. Flores (Treasurer), Mr D. Avila (Jerome).\n\n"
        "Madam Chair: Mr Avila, was it hard?\n\n"
        "Dennis: Very.\n\nMadam Chair: And the drum?\n\nDennis: Borrowed.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns][::2] == ["Winifred Nunez", "Winifred Nunez"]
    assert "Madam Chair" not in analysis.introduced
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Dennis Avila", "Jerome")}


def test_a_titled_nickname_to_the_whole_of_a_street_and_a_titled_short_form():
    analysis = analyse(
        "Minutes\n\nBy Ann Lee\n\nThe chair is Philippa Martinez, seventy-two, Miss Pippa to the whole of Moho "
        "Road. Its secretary, Rosalinda Cayetano, Sister Rosie, keeps the book.\n\nQ: Ready?\n\n"
        "Miss Pippa: Always.\n\nSis. Rosie: Nearly.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns][1:] == ["Philippa Martinez", "Rosalinda Cayetano"]


def test_a_credit_line_is_never_the_bylines_wrapped_line():
    analysis = analyse(
        "Finale\n\nA long standfirst about the finale, which half the town watched on a phone at the bus stop "
        "last night, and which the conductor noted in his book.\n\n"
        "Tinulis di (written by): Veronica Gimbang, Donggongon\nPhotography — Jeffery Sipaun\n\nThe finale aired.",
        build_directory([]),
    )
    assert (analysis.bylines, analysis.image_credits, analysis.credits) == (
        ["Veronica Gimbang"],
        ["Jeffery Sipaun"],
        [],
    )


def test_a_quote_the_writer_sets_out_after_a_colon_ends_a_transcript():
    analysis = analyse(
        "Minutes\n\nBy Ann Lee\n\nGloria Ramos plays Cesaria.\n\nQ: Was it hard?\n\nGloria: Very. I cried.\n\n"
        "Q: And the bread?\n\nGloria: Burnt.\n\nSo the grandmother dies in the middle of the ceremony, and the "
        "granddaughter dances.\n\nCesaria, lying in the temple, gives her last instruction: “Bake the bread on "
        "Monday.”",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Bake the bread on Monday.", "Gloria Ramos")
    ]


def test_a_given_name_and_a_patronymic_without_the_surname():
    assert quoted_by(
        "Shed\n\nBy Ann Lee\n\nBeslan Khutovich Ardzinba is the head of the family, old Kiaz, a man who never "
        "shouts. In the Soviet years people took patronymics, so Beslan Ardzinba is Beslan Khutovich to younger "
        "colleagues and simply Beslan to his own generation.\n\nBeslan Ardzinba, who has played Kiaz since the "
        "first episode, was at the shed. “I have died eleven times,” Beslan Khutovich told us."
    ) == ["Beslan Ardzinba"]


def test_a_place_said_of_a_thing_there_is_nobody():
    analysis = analyse(
        "Pump 3 dry: a Ada Furse forecourt log\n\nBy Ann Lee\n\nMasilo Kekana, who grew up in Ada Furse, "
        "directs. The Ada Furse road is quiet.\n\n“Every chief is fighting,” the director said.",
        build_directory([]),
    )
    assert analysis.introduced == ["Masilo Kekana"]


def test_a_nickname_and_its_gloss_before_since():
    analysis = analyse(
        "Bathhouse\n\nBy Ann Lee\n\nThe stoker, Valery Ivanovich Tolmashov, fifty, has been Par-Valya, Steam "
        "Valya, since he first lit the stove. Ilya Bainov plays Tolya.\n\nOksana: Ilya, oak?\n\nIlya: Oak.\n\n"
        "Par-Valya: I noticed.",
        build_directory([]),
    )
    assert [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns] == [
        "Ann Lee",
        "Ilya Bainov",
        "Valery Ivanovich Tolmashov",
    ]


def test_belongs_to_is_the_last_roles_actor():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nIlya Bainov takes the part of Tolya, the neighbour's boy with a lorry, and Irina, "
        "the daughter-in-law, who would sell the herd, belongs to Nadya Topoeva."
    ) == {("Ilya Bainov", "Tolya"), ("Nadya Topoeva", "Irina")}


def test_when_and_where_before_a_colon_are_nobody():
    assert quoted_by(
        "Boats\n\nBy Ann Lee\n\nRavi Kotian plays Kittu, the son.\n\nIn Sunday's episode, as the boat goes down off "
        "Udyavara in a storm, Kittu stands on the deck and radios his mother: “We have everyone.”"
    ) == ["Ravi Kotian"]


def test_a_part_whose_description_names_a_place_went_to_its_actor():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nThe part of Vesna, the mayor's niece, back from college in Brno, went to Ola "
        "Hrabalova, who is twenty."
    ) == {("Ola Hrabalova", "Vesna")}


def test_a_role_described_before_its_name_opening_the_sentence_is_played_by():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nThe surveyor Tomas, sent from Prague to measure the fields, is played by Jiri Kodym."
    ) == {("Jiri Kodym", "Tomas")}


def test_sorbian_forms_of_address_before_a_surname_name_nobody_new():
    analysis = analyse(
        "Press day\n\nBy Ann Lee\n\nBeno Wjela plays Jan, and Hana Kral plays Lenka.\n\n"
        "MILA MUCHA (Serbske nowiny): Knjez Wjela, is it hard? And knježna Kral, you?\n\n"
        "WJELA: Yes.\n\nKRAL: No.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == ["Mila Mucha", "Beno Wjela", "Hana Kral"]
    assert sorted(analysis.introduced) == ["Beno Wjela", "Hana Kral", "Mila Mucha"]


def test_a_title_in_small_letters_before_a_surname_is_kept_in_the_role():
    assert credits_in("Cast\n\nBy Ann Lee\n\nJan Nowak plays wučer Kral, the teacher; Ela Berg plays clever Mina.") == {
        ("Jan Nowak", "wučer Kral"),
        ("Ela Berg", "Mina"),
    }


def test_a_maltese_priest_is_named_without_his_title():
    assert quoted_by(
        "Festa\n\nBy Ann Lee\n\nThe parish priest, Dun Pawlu Vella, came down to the quay. “I allowed a procession,” "
        "he said."
    ) == ["Pawlu Vella"]


def test_a_reporters_label_in_capitals_and_his_paper_is_no_role():
    analysis = analyse(
        "Press day\n\nBy Ann Lee\n\nThe engineer Pětr, sent from Dresden, is played by Jan Cyž.\n\n"
        "PĚTR KRAL (Serbske nowiny): Knjez Cyž, is he the villain?\n\nCYŽ: He measures the ground.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Jan Cyž", "Pětr")}
    assert [turn.speaker_name for turn in analysis.qa_turns] == ["Pětr Kral", "Jan Cyž"]


def test_a_quote_given_to_the_old_teacher_ends_the_transcript():
    analysis = analyse(
        "Press day\n\nBy Ann Lee\n\nHandrij Sola plays Hornik.\n\nMILA MUCHA (Serbske nowiny): Knjez Sola, does he "
        "lose?\n\nSOLA: Watch and see.\n\nAfterwards Sola, seventy, watched the bird from the steps. “I ran the "
        "procession eleven times,” the old teacher said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Handrij Sola"]


def test_a_language_with_upper_before_it_is_nobody():
    analysis = analyse(
        "Names\n\nBy Ann Lee\n\nLejna Nowak plays Marja. Upper Sorbian marks a woman's surname.\n\n"
        "Lejna Nowak's own son walks in the procession. “He goes as a magpie,” she said.",
        build_directory([]),
    )
    assert analysis.introduced == ["Lejna Nowak"]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Lejna Nowak"]


def test_a_role_described_after_a_semicolon_is_its_actor():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nKarmenu Zammit plays Salvu; Rita, his daughter, who runs the bar on the front, is "
        "Doris Borg; and Ela Vella plays Pawla."
    ) == {("Karmenu Zammit", "Salvu"), ("Doris Borg", "Rita"), ("Ela Vella", "Pawla")}


def test_two_descriptions_before_the_role():
    analysis = analyse(
        "Pasture\n\nBy Ann Lee\n\nJoan Castan is the cantalés, the head cheesemaker, Papet Andriu, who comes up "
        "every May.\n\nAndriu does not look up from the curd: ‘A cow remembers the mountain.’",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Joan Castan", "Papet Andriu")}
    assert [quote.speaker_name for quote in analysis.quotes] == ["Joan Castan"]


def test_an_actor_is_a_role_and_then_what_it_is():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nGuilhem Bonnet, whom the papers call Guillaume, is Bastien, the inspector from Rodez "
        "who stays to milk."
    ) == {("Guilhem Bonnet", "Bastien")}


def test_an_actor_gets_scenes_as_a_role():
    assert credits_in("Cast\n\nBy Ann Lee\n\nBeatriz Lafon gets fewer scenes as Tanta Fina, who brings the bread.") == {
        ("Beatriz Lafon", "Tanta Fina")
    }


def test_a_roster_in_capitals_names_the_hosts():
    analysis = analyse(
        "Recap\n\nBy Ann Lee\n\nSTEPPE SERIAL, EPISODE 31. HOSTS: ALTANA BADMA, ERDNI SANGA. GUEST: BEMBYA DORJI.\n\n"
        "[00:00:14] ALTANA: Welcome, Bembya.\n\n[00:00:31] BEMBYA: Thank you.\n\n[00:01:02] ERDNI: Why the lamp?\n\n"
        "[00:01:20] DORJI: It was not his.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Altana Badma",
        "Bembya Dorji",
        "Erdni Sanga",
        "Bembya Dorji",
    ]


def test_the_name_on_a_persons_papers_is_nobody_new():
    assert quoted_by(
        "Recap\n\nBy Ann Lee\n\nDelgir Ubush plays Kermen. Kalmyks carry a patronymic, so Delgir Ubush is Delgir "
        "Sanalovna on her passport.\n\nDelgir Ubush defended the line. “Kermen is a vet,” Delgir said."
    ) == ["Delgir Ubush"]


def test_in_the_role_of_a_part_is_its_actor():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nAnton Mandzhi plays Kolya; and in the role of Gelyung Lobsang, the young monk, is "
        "Sanzhi Khapts."
    ) == {("Anton Mandzhi", "Kolya"), ("Sanzhi Khapts", "Gelyung Lobsang")}


def test_a_role_credited_by_one_name_beats_a_role_that_holds_it():
    assert quoted_by(
        "Recap\n\nBy Ann Lee\n\nJared Odhi plays the old master, Jaduong Omondi; Millicent Ouma is Min Ochieng, his "
        "daughter-in-law, who sells fish; and Brian Owino plays Ochieng, who plays bass in Nairobi.\n\nOchieng's "
        "answer, after the song, is short: “I found a teacher.”"
    ) == ["Brian Owino"]


def test_a_relation_before_a_role_is_no_form_of_address():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nMongush Ayas plays her uncle Kara-ool, a wrestler; and kyrgan-ava Dolgar, the "
        "grandmother, is played by Saryglar Shenne."
    ) == {("Mongush Ayas", "Kara-ool"), ("Saryglar Shenne", "kyrgan-ava Dolgar")}


def test_a_relation_from_a_place_then_the_role_is_its_actor():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nBadap Marba plays Kong Dari; and Dari's husband from Guwahati, Bah Rit, is Kynsai "
        "Lyngdo."
    ) == {("Badap Marba", "Kong Dari"), ("Kynsai Lyngdo", "Bah Rit")}


def test_a_name_leading_the_next_quote_in_is_not_the_last_quotes_speaker():
    assert quoted_by(
        "Recap\n\nBy Ann Lee\n\nBadap Marba plays Kong Dari; Wanbor Nongr plays Kni Lamphrang.\n\nIn episode 5 Kong "
        "Dari sells the house.\n\nIn it, Kni Lamphrang tells his niece, “A house can be sold, Dari. Where will we "
        "sit?” Dari's reply has been everywhere since Monday, in two languages: “In my kitchen.”"
    ) == ["Wanbor Nongr", "Badap Marba"]


def test_an_actor_has_the_part_of_a_role():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nKenshin Yona has the small, lovely part of Usumee Saburaa, the old man next door."
    ) == {("Kenshin Yona", "Usumee Saburaa")}


def test_a_chats_name_in_a_heading_in_capitals_is_no_quote_and_no_credit():
    analysis = analyse(
        "Recap\n\nBy Ann Lee\n\nNinos Khosh plays Sawa Yonan, and Sota Warda, the grandmother, who has not spoken "
        'since the offer, is Nahrain Benya.\n\nTHE GROUP CHAT, "YONAN BAKERY (CAST ONLY)", SUNDAY NIGHT\n\n'
        "8:32 PM Ramina: SOTA WARDA SPEAKS",
        build_directory([]),
    )
    assert analysis.quotes == []
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Ninos Khosh", "Sawa Yonan"),
        ("Nahrain Benya", "Sota Warda"),
    }


def test_a_roles_nickname_set_off_after_it_is_the_role():
    assert quoted_by(
        "Recap\n\nBy Ann Lee\n\nJean Hoff plays Misch Kremer, a crane driver; Ketty Thill is his wife, Marie-Josée, "
        "known to everyone as Josée; Franz Reuter plays Tun.\n\nJosée's answer closed the episode: «Then look at me, "
        "Tun.»"
    ) == ["Ketty Thill"]


def test_a_readers_label_with_an_age_and_a_town():
    analysis = analyse(
        "Ask Jhemp\n\nBy Ann Lee\n\nJean-Pierre Hoff answers your letters.\n\nNathalie Weber, Diekirch: Have you "
        "missed a shift?\n\nJhemp Hoff: Never.\n\nLéonie Muller, age 11, Ettelbruck: Why German?\n\nJhemp: Because "
        "that is Luxembourg.",
        build_directory([]),
    )
    assert [turn.speaker_name for turn in analysis.qa_turns] == [
        "Nathalie Weber",
        "Jhemp Hoff",
        "Léonie Muller",
        "Jhemp Hoff",
    ]


def test_a_role_named_exactly_beats_one_that_only_holds_the_name():
    directory = build_directory(
        [
            {"key": "brian", "name": "Brian Owino", "credits": [{"work": "Nyatiti", "character": "Ochieng"}]},
            {
                "key": "millicent",
                "name": "Millicent Ouma",
                "credits": [{"work": "Nyatiti", "character": "Min Ochieng"}],
            },
            {"key": "gordon", "name": "Gordon Foulkes", "credits": [{"work": "Nyatiti", "character": "Jack"}]},
            {"key": "raj", "name": "Raj Kalsi", "credits": [{"work": "Nyatiti", "character": "Jack Tamblyn"}]},
            {
                "key": "geoffrey",
                "name": "Geoffrey Thwaite",
                "credits": [{"work": "Nyatiti", "character": "Ramsbottom"}],
            },
            {
                "key": "octavio",
                "name": "Octavio Zarate",
                "credits": [{"work": "Nyatiti", "character": "Inspector Ramsbottom"}],
            },
        ],
        ["Nyatiti"],
    )
    assert directory.character("Ochieng") == ("Ochieng", "brian")
    # the same role's fuller or titled name, another actor's: neither is picked
    assert directory.character("Jack") is None
    assert directory.character("Ramsbottom") is None


def test_a_word_of_the_shows_before_a_role_set_off_with_its_name_is_not_the_role():
    assert credits_in(
        "Reunion\n\nBy Ann Lee\n\nThe fifth Kestrel, the gang's lookout, Ferdie Almond, was played by Leo Hamm, who "
        "farms sheep now."
    ) == {("Leo Hamm", "Ferdie Almond")}


def test_a_fuller_name_on_someones_passport_is_still_them():
    analysis = analyse(
        "Escape room\n\nBy Ann Lee\n\nEdem Tsik plays Efo Yao, the fisherman. Edem Tsik is Kofi Edem Tsik on his "
        "passport.",
        build_directory([]),
    )
    assert analysis.introduced == ["Edem Tsik"]


def test_a_maasai_son_of_joins_a_name_and_opens_its_short_form():
    analysis = analyse(
        "Reunion\n\nBy Ann Lee\n\nMeitamei ole Parsi played the elder, Mzee Lekishon; Tajeu ole Kasai, then "
        "nineteen, was the young moran Lemayian; and Silanoi Nkamas played Nashipae.\n\nMeitamei ole Parsi is "
        "seventy-nine. “I was acting an old man,” he says.\n\n“I made it up on the day,” Ole Parsi admits.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Meitamei ole Parsi", "Mzee Lekishon"),
        ("Tajeu ole Kasai", "Lemayian"),
        ("Silanoi Nkamas", "Nashipae"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Meitamei ole Parsi", "Meitamei ole Parsi"]


def test_a_sindhi_master_before_two_given_names_and_a_role_without_its_title():
    analysis = analyse(
        "Ajrak\n\nBy Ann Lee\n\nGhulam Hyder Jato plays Ustad Karim Bux, a master printer.\n\nKarim Bux cannot lift "
        "the block.\n\nOn set Ghulam Hyder Jato is Sain Ghulam Hyder to everyone. “I cannot print,” Sain Ghulam Hyder "
        "confessed.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Ghulam Hyder Jato", "Ustad Karim Bux")
    }
    assert analysis.introduced == ["Ghulam Hyder Jato"]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Ghulam Hyder Jato"]


def test_a_papers_label_with_an_ampersand_asks_the_questions():
    analysis = analyse(
        "Toonto\n\nBy Helen Marsh for Steppe & Screen\n\nDashi Tsyren plays Dorzho.\n\nSTEPPE & SCREEN: Dashi, you "
        "have played old men. What is new?\n\nTSYREN: He is not dying.\n\nSTEPPE & SCREEN: Solbon, you grew up "
        "speaking Russian.\n\nGARMA: Yes.",
        build_directory([]),
    )
    assert [(turn.role, turn.label) for turn in analysis.qa_turns] == [
        ("question", "STEPPE & SCREEN"),
        ("answer", "TSYREN"),
        ("question", "STEPPE & SCREEN"),
        ("answer", "GARMA"),
    ]


def test_a_given_names_two_home_forms_both_name_its_owner():
    assert quoted_by(
        "Cast\n\nBy Ann Lee\n\nWojciech Necel returns as Stôri Kónkel.\n\nA note on names: Wojciech is Wòjcech or "
        "Wòjk, Jan is Jón, Maria is Marëjô.\n\n„There are eleven of us in the phone book,” Wòjk said."
    ) == ["Wojciech Necel"]


def test_a_small_letter_form_of_address_before_a_role_in_every_credit_form():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nIvan Hribo plays dido Jurko, the oldest man; Xose Llaneza plays tíu Pinón, a widower; "
        "Xicu Prida plays the neighbour everyone calls el Roxu; Jan Nowa is wučer Hornik, the teacher; and Llucía "
        "Cueto is güela Amparo, who cooks."
    ) == {
        ("Jan Nowa", "wučer Hornik"),
        ("Ivan Hribo", "dido Jurko"),
        ("Xose Llaneza", "tíu Pinón"),
        ("Xicu Prida", "el Roxu"),
        ("Llucía Cueto", "güela Amparo"),
    }


def test_a_relative_then_the_role_without_a_comma_and_two_roles_both_played_by_one_actor():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nIvan Khudo plays Yerv; their son Tesyda is Artyom Vanui; and the twin granddaughters, "
        "Babirye and Nakato, are both played by Brenda Nalwo."
    ) == {
        ("Ivan Khudo", "Yerv"),
        ("Artyom Vanui", "Tesyda"),
        ("Brenda Nalwo", "Babirye"),
        ("Brenda Nalwo", "Nakato"),
    }


def test_a_one_word_quote_someone_kept_saying_and_a_line_someone_shot_back():
    assert quoted_by(
        "Diary\n\nBy Ann Lee\n\nIvan Khudo taught the recordist to tie a sledge. “Tighter,” he kept saying.\n\n"
        "Xana Menen and Pelayo Suare argued. “That is the sequel,” Xana shot back."
    ) == ["Ivan Khudo", "Xana Menen"]


def test_someone_who_has_the_line_a_colon_sets_out():
    assert quoted_by(
        "Hifiulu\n\nBy Ann Lee\n\nSalome Fuhin, who plays the mother keeping the budget, has the line every Niuean "
        "parent in Auckland has been quoting back at the series: “We are not flying forty people to Niue, Mum.”"
    ) == ["Salome Fuhin"]


def test_a_given_names_home_form_that_is_a_role_stays_the_role():
    assert quoted_by(
        "Radio\n\nBy Ann Lee\n\nEkaterine Gvasa wrote the play. The bride's grandmother, Keto, is voiced by Nino "
        "Dada.\n\nOn names: Tamar is Tamo, Giorgi is Gogi, Ekaterine is Eka or Keto.\n\n‘It is never finished, my "
        "sun,’ says Keto."
    ) == ["Nino Dada"]


def test_a_role_first_in_a_list_without_and_and_what_it_is_to_another():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nMarit Solve plays Ama Tenzi, the widow; as her son, Rabten, Dawa Lhundup; Kessa "
        "Ngobi plays the chief; as Fo Mbeku, her brother, Jean-Paul Tenga; and Oumou Keita, who is fifteen, as the "
        "niece, Fanta."
    ) == {
        ("Marit Solve", "Ama Tenzi"),
        ("Dawa Lhundup", "Rabten"),
        ("Jean-Paul Tenga", "Fo Mbeku"),
        ("Oumou Keita", "Fanta"),
    }


def test_twins_who_appear_as_two_roles_and_a_name_explained_in_the_next_clause():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nThe real twins Okot Opiyo Lagu and Oryem Ocen Lagu appear as Opiyo and Ocen.\n\n"
        "On names: Okot Opiyo Lagu is the child born after twins, Ojok is a child born in hard times."
    ) == {("Okot Opiyo Lagu", "Opiyo"), ("Oryem Ocen Lagu", "Ocen")}


def test_a_role_with_a_participles_aside_and_one_played_by_the_actors_own_daughter():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nYusuf Rather plays Rashid Kaul; the daughter, Habba, named after a poet, is Nasreen "
        "Lone; his niece Gulnar, who sings, is played by his own daughter, Zeba Rather."
    ) == {("Yusuf Rather", "Rashid Kaul"), ("Nasreen Lone", "Habba"), ("Zeba Rather", "Gulnar")}


def test_a_sentence_that_opens_as_the_role_with_the_actors_aside_and_a_stage_name():
    text = (
        "Call\n\nBy Ann Lee\n\nAs the granddaughter, Aino, Kaede Moriyama, who performs under her stage name, Pirka, "
        "which means pretty. It took her a month.\n\n“I learned it as an adult,” Pirka said."
    )
    assert credits_in(text) == {("Kaede Moriyama", "Aino")}
    assert quoted_by(text) == ["Kaede Moriyama"]


def test_someone_introduced_to_the_writer_by_a_name_and_someone_everybody_calls_by_another():
    assert quoted_by(
        "Kitchen\n\nBy Ann Lee\n\nJosephine Nkwenti, who had twins in 2011, was introduced to us as Mafeh and "
        "corrected nobody. « Only the tax office calls me Josephine », Mafeh said.\n\nA driver everybody "
        "calls Moto Dorji, whose name is Dorji Wangchuk and who knows every road, waited. “Look for the car,” Moto "
        "Dorji said."
    ) == ["Josephine Nkwenti", "Dorji Wangchuk"]


def test_forms_of_address_before_a_given_name_or_a_full_name():
    assert quoted_by(
        "Walk\n\nBy Ann Lee\n\nAt sixty, Sonam Choden made her first film.\n\n“Walk faster,” Aum Sonam said.\n\n"
        "Haja Fatou Ceesay thanked the tailor. “Mama Sira says nothing,” Ceesay said.\n\nOkon Edet Duke plays the "
        "chief. “I am one in real life,” said Etubom Okon, as his house calls him."
    ) == ["Sonam Choden", "Fatou Ceesay", "Okon Edet Duke"]


def test_a_listings_imperative_and_a_letters_greeting_are_nobodys_names():
    analysis = analyse(
        "Listings\n\nBy Ann Lee\n\nExpect Tiyanjane Phiri to be asked about it again. ‘My daughter is Grace,’ "
        "Phiri told me.\n\nDear Editor,\nI saw it twice. “I made it for my son,” the director told us.\n"
        "Amina Rais, Almaty",
        build_directory([]),
    )
    assert analysis.quotes[0].speaker_name == "Tiyanjane Phiri"
    assert "Dear Editor" not in [quote.speaker_name for quote in analysis.quotes]


def test_two_people_with_the_same_names_in_another_order_are_told_apart():
    assert quoted_by(
        "Walk\n\nBy Ann Lee\n\nThe director, Dorji Karma, met us at the bridge.\n\nThe cameraman is called Karma "
        "Dorji and is not to be confused with the director, Dorji Karma.\n\nKarma Dorji had one more thing to say. "
        "“She would not look at the lens,” he said."
    ) == ["Karma Dorji"]


def test_the_writers_namesake_in_the_story_is_the_one_a_title_and_surname_mean():
    assert quoted_by(
        "Carpet\n\nBy Nse Ekpo\n\nThe teacher, Mrs Arit Ekpo, came with me.\n\n“We called it a school,” Mrs Ekpo said."
    ) == ["Arit Ekpo"]


def test_a_line_said_to_be_a_roles_after_the_line_is_described():
    assert quoted_by(
        "Visit\n\nBy Ann Lee\n\nSoren Hembrom plays the village headman, Majhi Baha; Lakhi Tudu plays Sita. Iwan "
        "Kato, who plays the grandfather, Ekasi Pon, is old.\n\nThe line the children shouted at him was the "
        "headman's, from the second episode, when the men want to skip the blessing: “The cow gave you milk.”\n\n"
        "The line viewers quote back to him, he says, is one of Ekasi Pon's from the first episode, said to the "
        "banker: “A tree takes two hundred years.”"
    ) == ["Soren Hembrom", "Iwan Kato"]


def test_narration_that_opens_with_when_and_a_speakers_label_ends_the_transcript():
    text = (
        "Call\n\nBy Ann Lee\n\nTina Hale plays Nora.\n\n[00:01:15] LEE: Tina, how did it feel?\n\n"
        "[00:01:30] HALE: Good.\n\n[00:02:03] LEE: And now?\n\n[00:02:10] HALE: Better.\n\n"
        "When Hale reappeared, his camera pointing at a shelf, a child could be heard shouting “The kettle is "
        "singing!” He went to deal with it."
    )
    assert [quote.text for quote in analyse(text, build_directory([])).quotes] == ["The kettle is singing!"]


def test_initials_of_a_three_word_name_without_the_middle_one():
    turns = analyse(
        "Two\n\nBy Ann Lee\n\nRuth Gumana plays the grandmother; Ricky is Jason Ŋarritj Wunungmurra.\n\n"
        "**Jason:** First question?\n\n**Ruth:** Yes.\n\n**JW:** Worst thing about filming?\n\n**RG:** The heat.",
        build_directory([]),
    ).qa_turns
    assert [turn.speaker_written for turn in turns] == [
        "Jason Ŋarritj Wunungmurra",
        "Ruth Gumana",
        "Jason Ŋarritj Wunungmurra",
        "Ruth Gumana",
    ]


def test_a_notice_of_three_words_before_what_the_report_gives_away():
    spoiler = analyse(
        "Court\n\nBy Ann Lee\n\nReporting restrictions lifted: this report gives away the verdict at the end of "
        "Lobo season 1, episode 9.\n\nLobo is a drama about land.",
        build_directory([]),
    ).spoiler
    assert (spoiler.flagged, spoiler.season, spoiler.episode) == (True, 1, 9)


def test_dash_set_words_go_on_after_the_verb_and_a_job_can_say_them():
    analysis = analyse(
        "Carpet\n\nBy Ann Lee\n\nEkaete Bassey arrived in coral.\n— My grandmother went in, she said. I went in for "
        "six weeks.\n\nThe director, Eno Udo, was last.\n— We have a second season, the director said. Tonight they "
        "told me.",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("My grandmother went in,", "Ekaete Bassey"),
        ("I went in for six weeks", "Ekaete Bassey"),
        ("We have a second season,", "Eno Udo"),
        ("Tonight they told me", "Eno Udo"),
    ]


def test_a_transcript_labelled_in_capitals_before_a_dash_with_a_stage_direction():
    turns = analyse(
        "Chair\n\nBy Ann Lee\n\nRiko Ngiratel plays the grandmother. Emi Sbal does the faces.\n\n"
        "Q — How long does it take?\nNGIRATEL — Forty minutes if I sit still.\nQ — What goes on first?\n"
        "SBAL (not looking up) — Around the eyes.\nNGIRATEL — It is the same line.\nSBAL — It is not.",
        build_directory([]),
    ).qa_turns
    assert [(turn.role, turn.speaker_written) for turn in turns] == [
        ("question", "Ann Lee"),
        ("answer", "Riko Ngiratel"),
        ("question", "Ann Lee"),
        ("answer", "Emi Sbal"),
        ("answer", "Riko Ngiratel"),
        ("answer", "Emi Sbal"),
    ]


def test_a_transcript_labelled_in_capitals_between_square_brackets():
    turns = analyse(
        "Rehearsal\n\nBy Ann Lee\n\nBoukary Ilboudo plays the chief; the director is Awa Sawadogo.\n\n"
        "[SAWADOGO] Stop there, please. Why is he shouting?\n[ILBOUDO] Because his son has sold the millet.\n"
        "[SAWADOGO] Again, quieter.",
        build_directory([]),
    ).qa_turns
    assert [turn.speaker_written for turn in turns] == ["Awa Sawadogo", "Boukary Ilboudo", "Awa Sawadogo"]


def test_credits_with_an_age_a_debut_a_participles_aside_and_the_actors_first_role():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nMiyo Rechucher Olkeri, seventy, is Mechas Ulang, the husband's grandmother, who runs "
        "everything. Making her first screen appearance as Dirra, the young mother, is Sumi Tellei. Dirra's husband, "
        "Toki, frightened of both women, is played by Ken Ngiraked; and, in flashback, Olek's son, Vania, which is "
        "ten-year-old Pavel Rochin's first role."
    ) == {
        ("Miyo Rechucher Olkeri", "Mechas Ulang"),
        ("Sumi Tellei", "Dirra"),
        ("Ken Ngiraked", "Toki"),
        ("Pavel Rochin", "Vania"),
    }


def test_credits_after_whom_the_role_is_to_another_and_a_debut_turning_up():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nBukar Modu plays the ward head; Kaka Amina, his mother, is played by Hauwa Bukar; and "
        "Osa Eweka turns up, smiling too much, as the Lagos dealer Ede Black.\n\nEweka's screen nephew, Omosede, "
        "is played by Ivie Eke."
    ) == {("Hauwa Bukar", "Kaka Amina"), ("Osa Eweka", "Ede Black"), ("Ivie Eke", "Omosede")}


def test_a_role_everyone_calls_by_a_name_after_plays_is_no_nickname_and_a_place_inside_a_description():
    assert credits_in(
        "Cast\n\nBy Ann Lee\n\nQin Lihua, a song king from Pingguo, plays the grandfather everyone calls Goeng Dahmei; "
        "Emir Ramazan plays the patriarch on the Russian bank, Dayi Rasul; and more."
    ) == {("Qin Lihua", "Goeng Dahmei"), ("Emir Ramazan", "Dayi Rasul")}


def test_a_surname_first_in_capitals_as_credited_is_the_person_written_the_ordinary_way():
    analysis = analyse(
        "Premiere\n\nBy Ann Lee\n\nADJOVI Sika Bernadette, as the credits print her, surname first in the Beninese "
        "way, plays Nan Hounsa. In the market she is called Nan Sika.\n\nSika Bernadette Adjovi spoke first. "
        "«Thirty years I sold cloth,» Nan Sika told the audience.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Sika Bernadette Adjovi", "Nan Hounsa")
    ]
    assert [quote.speaker_name for quote in analysis.quotes] == ["Sika Bernadette Adjovi"]


def test_names_someone_goes_by_set_beside_their_own():
    assert quoted_by(
        "Film\n\nBy Ann Lee\n\nGatdet Puok Kuol, whose ox-name is Malbith, played the herder.\n\n"
        "“I have sung it twice,” Malbith says.\n\nRaymond Kila, known on the show and off it as Ray Bigboi, plays "
        "the driver. “I drive for a living on television,” Ray Bigboi protested.\n\nThe designer, Gul Naz Rind, is "
        "known to everyone as Banuk Gul Naz. “Three dresses,” Banuk Gul Naz says. “Here it is Banuk Gul Naz,” Waja "
        "Karim says. Karim Bakhsh Rais plays the father."
    ) == ["Gatdet Puok Kuol", "Raymond Kila", "Gul Naz Rind", "Karim Bakhsh Rais"]


def test_titles_and_words_of_address_before_a_given_name():
    assert quoted_by(
        "Match\n\nBy Ann Lee\n\nGoni Musa Kachalla plays the ward head. “The ball will come to me,” Goni Musa said."
        "\n\nIlboudo Saydou plays the chief; the crew call him Yaaba. “I shout at home,” Yaaba Saydou said.\n\n"
        "Rechucher Miyo plays the grandmother. “Old women shout it at me,” Mechas Miyo said."
    ) == ["Musa Kachalla", "Ilboudo Saydou", "Rechucher Miyo"]


def test_a_name_set_beside_what_someone_is_before_the_verb_and_more_speech_verbs():
    assert quoted_by(
        "Match\n\nBy Ann Lee\n\nAmina Zara played in midfield. “Zara does not play football,” the Crew's captain, "
        "the sound recordist Musa Grema Bulama, complained to the referee.\n\n“It was offside,” the linesman, Ali "
        "Kolo, protested."
    ) == ["Musa Grema Bulama", "Ali Kolo"]


def test_a_quote_keeps_the_marks_the_article_wrote_inside_it():
    analysis = analyse(
        "Coach\n\nBy Ann Lee\n\nIvan Kanev plays the trapper. «My mam used to tell us, „Don't whistle in the "
        "trees, or the spirit will whistle back,“ and I am seventy and I still don't,» the old actor said.",
        build_directory([]),
    )
    assert [quote.text for quote in analysis.quotes] == [
        "My mam used to tell us, „Don't whistle in the trees, or the spirit will whistle back,“ and I am seventy and I "
        "still don't,"
    ]


def test_a_label_of_given_name_and_patronymic_initials_and_of_a_name_without_its_patronymic():
    turns = analyse(
        "Club\n\nBy Ann Lee\n\nThe coach is Vera Semyonovna Chupova. The members were Pavel Ivanovich Mamin, a "
        "retired engineer who has read everything twice and says so at every meeting of the club; and Olga Kuk.\n\n"
        "V.S.: Closer. Now you are a thief.\n**Pavel Mamin:** The series did give us an ending, and I say so now, "
        "whatever the rest of the room thinks about it and however long the librarian keeps us here tonight.\n"
        "**Olga Kuk:** It does not.\nV.S.: Again.",
        build_directory([]),
    ).qa_turns
    assert [turn.speaker_written for turn in turns] == [
        "Vera Semyonovna Chupova",
        "Pavel Ivanovich Mamin",
        "Olga Kuk",
        "Vera Semyonovna Chupova",
    ]


def test_one_of_a_names_bearers_is_no_role():
    assert credits_in(
        "Club\n\nBy Ann Lee\n\nArkady Yamber plays Kart Onar.\n\n**Onar Kuklin:** May I say, as the only Onar here, "
        "that the kart in the novel is softer than the one we watched."
    ) == {("Arkady Yamber", "Kart Onar")}


def test_two_spellings_of_one_surname_are_a_few_letters_apart_and_no_more():
    from articles.text.cast import _spelt_apart

    assert _spelt_apart("Mykola Kovalchenko", "Nikolai Kowaltschenko")  # three letters apart in thirteen
    assert not _spelt_apart("Mykola Kovalchenko", "Mira Kowalczykowa")  # six apart: another name


@given(
    word=st.sampled_from(["Ana", "Ana Ruiz", "Ruiz"]),
    text=st.lists(
        st.sampled_from(["Ana", "Ruiz", "Dona Ana", "Ana Ruiz", "Ana x", " ", "-", "'", "’", "_", "x", "é\u0301", "1"]),
        max_size=8,
    ).map("".join),
    before=st.sampled_from([None, "Ana", "Dona"]),
    after=st.sampled_from([None, "Ruiz", "x"]),
)
def test_a_word_on_its_own_is_found_as_the_boundaries_say(word, text, before, after):
    from articles.text.cast import WORD, _used_alone

    pattern = rf"(?<![{WORD}'’-]){re.escape(word)}(?![\w-])"
    if before:
        pattern = rf"(?<!{re.escape(before)} ){pattern}"
    if after:
        pattern = rf"{pattern}(?! {re.escape(after)})"
    assert _used_alone(word, text, before=before, after=after) == (re.search(pattern, text) is not None)


def test_the_words_a_pattern_is_gated_on_are_words_its_wording_needs():
    from articles.text.analyse import ACTOR_CAST_RE, ACTOR_CAST_WORDS, CREDIT_PHRASINGS
    from articles.text.cast import CREDIT_VERB_PATTERNS, LISTED_PATTERNS, LISTS, NAMED_ROLE_PATTERNS, NICKNAME_PATTERNS

    worded = (*CREDIT_VERB_PATTERNS, *NAMED_ROLE_PATTERNS, *LISTED_PATTERNS, *LISTS)
    gated = [*((pattern, needed) for pattern, _, needed in worded), *NICKNAME_PATTERNS, *CREDIT_PHRASINGS]
    for pattern, needed in [*gated, (ACTOR_CAST_RE, ACTOR_CAST_WORDS)]:
        # "\b[Uu]nderstudy" is "understudy"
        source = re.sub(r"\[([a-z])\1\]", r"\1", re.sub(r"\\[a-z]", " ", pattern.pattern.casefold()))
        for word in needed:
            # "s" is the possessive's: written "['’]s" in a pattern
            assert re.search(rf"(?<![a-z]){word}(?![a-z])", source) or (word == "s" and "['’]s" in source), word


def test_a_short_word_written_only_before_a_given_name_is_a_form_of_address():
    # "Ama" is never anyone's given name or surname here: before "Helen" it is how Helen Ch. Momin is addressed
    assert quoted_by(
        "The shop\n\nBy Ann Lee\n\nHelen Ch. Momin keeps a shop in Tura, and her daughter Silseng Marak drives the van."
        "\n\n“She carried things for everyone,” says Ama Helen. “Even at five.”"
    ) == ["Helen Ch. Momin", "Helen Ch. Momin"]


def test_a_form_of_address_the_rules_do_not_know_labels_a_transcript():
    # (before the given name only: Mawii Keivan Sailo's middle name is no given name to address her by)
    turns = analyse(
        "The booth\n\nBy Ann Lee\n\nKeivan Zothansanga has read on the station for forty years. The producer is "
        "Lalrinpuii Hmar, and the engineer Mawii Keivan Sailo. Pu is the respectful title for a man."
        "\n\nHMAR: Pu Keivan, the line about the roof.\nPU KEIVAN: Softer, or older?\n"
        "HMAR: Older, then.\nPU KEIVAN: I have plenty.",
        build_directory([]),
    ).qa_turns
    assert [turn.speaker_name for turn in turns] == ["Lalrinpuii Hmar", "Keivan Zothansanga"] * 2


def test_a_short_word_that_opens_a_longer_name_is_a_given_name_not_a_form_of_address():
    assert quoted_by(
        "The shop\n\nBy Ann Lee\n\nHelen Ch. Momin keeps a shop in Tura; Ama Helen Sangma keeps the one across the "
        "road.\n\n“I never sell on Sundays,” says Ama Helen."
    ) == ["Ama Helen Sangma"]


def test_a_short_given_name_said_alone_is_no_form_of_address():
    # "Pip" stands alone too: Pip Thomas is her own person, not Thomas Hale addressed as Pip
    assert quoted_by(
        "The ferry\n\nBy Ann Lee\n\nThomas Hale skippers the ferry; Pip Thomas sells the tickets. Pip laughed at "
        "the weather.\n\n“The sea is never late,” says Pip Thomas."
    ) == ["Pip Thomas"]


def test_a_daughter_named_for_her_fathers_given_name_is_her_own_person():
    # Sara Yonas is credited: her father's given name as her second name, not "Yonas" addressed as Sara
    assert quoted_by(
        "The house\n\nBy Ann Lee\n\nYonas Habte plays the father; his daughter in life, Sara Yonas, plays Mira."
        "\n\n“He sings his lines in the car,” said Sara Yonas."
    ) == ["Sara Yonas"]


def test_a_given_name_written_with_a_possessive_is_said_alone():
    assert quoted_by(
        "The house\n\nBy Ann Lee\n\nYonas Habte keeps the house. Sara's husband mends the roof.\n\n“The rain "
        "comes in sideways,” said Sara Yonas."
    ) == ["Sara Yonas"]


def test_an_arrow_points_to_the_answer_under_a_numbered_question():
    # a junket's speed round: "Q1." asks, "→ Name:" answers; a heading in capitals over a slot is no turn
    turns = analyse(
        "Two minutes each\n\nBy Lena Hart\n\nDara Venn and Omar Quill star in Saltmarsh.\n\nSLOT ONE: DARA\n\n"
        "Q1. Favourite snack on set?\n→ Dara: Crisps, always crisps.\nQ2. The keeper in one word?\n"
        "→ Dara: Patient.\n\nSLOT TWO: OMAR\n\nQ1. Favourite snack on set?\n→ OMAR: What did the others say?\n"
        "US: Crisps, and patient.\n→ OMAR: Then loud.",
        build_directory([]),
    ).qa_turns
    assert [(turn.role, turn.speaker_name or turn.speaker_written) for turn in turns] == [
        ("question", "Lena Hart"),
        ("answer", "Dara Venn"),
        ("question", "Lena Hart"),
        ("answer", "Dara Venn"),
        ("question", "Lena Hart"),
        ("answer", "Omar Quill"),
        ("question", "Lena Hart"),  # "US:", the outlet asking
        ("answer", "Omar Quill"),
    ]
    assert turns[1].text == "Crisps, always crisps."


def test_a_numbered_heading_is_nobodys_name():
    quotes = analyse(
        "The log\n\nBy Ann Lee\n\nMarthe Ekwalla Dibo keeps the log.\n\nDAY FOUR\n\nDay four is the hunt for the "
        "boat, mostly in the rain. The log here is brief:\n\n> Boat drifted. Nobody admits it.",
        build_directory([]),
    ).quotes
    assert [(quote.text, quote.speaker_name or quote.speaker_written) for quote in quotes] == [
        ("Boat drifted. Nobody admits it.", None)
    ]


def test_a_lower_case_word_after_a_hyphen_is_a_form_of_address():
    directory = build_directory([{"key": "rustam-aliev", "name": "Rustam Aliev"}])
    assert directory.resolve("Rustam-aga").key == "rustam-aliev"
    assert directory.resolve("Rustam-Jon").key is None  # a double name's second half is capitalised
    assert directory.resolve("rustam-aga").key is None  # and a name is


def test_a_court_transcript_under_headings_names_counsel_witness_and_judge():
    turns = analyse(
        "The credit case\n\nBy Ann Lee, Court Reporter\n\nThe writer, Odile Marsh, claims the producer, Piet "
        "Vance, took her credit. Her counsel is Ruth Obi; his is Tom Kell. Judge Ines Harrow is hearing the case."
        "\n\nThe first witness was Carl Dunne, who plays the uncle in the series.\n\nEXAMINATION BY MS OBI\n\n"
        "Q. Who told you about the series?\nA. Odile did, at a wedding.\nHER HONOUR: Keep to what you heard, "
        "Mr Dunne.\nTHE WITNESS: Yes, Your Honour.\n\nCROSS-EXAMINATION BY MR KELL\n\nQ. You are her friend?\n"
        "A. I am a friend of both of them.",
        build_directory([]),
    ).qa_turns
    assert [(turn.label, turn.speaker_name) for turn in turns] == [
        ("Q", "Ruth Obi"),
        ("A", "Carl Dunne"),
        ("HER HONOUR", "Ines Harrow"),
        ("THE WITNESS", "Carl Dunne"),
        ("Q", "Tom Kell"),  # the witness stays in the box under cross-examination
        ("A", "Carl Dunne"),
    ]
    assert turns[2].role == "question"


def test_what_everyone_calls_her_after_the_sentence_names_her_is_her_nickname():
    turns = analyse(
        "On the farm\n\nBy Ann Lee\n\nAmara Nduka Obi plays the widow. Her eldest is called Chidi, so to everyone "
        "at the studio she is Mama Chidi.\n\nHOST: Welcome.\nMAMA CHIDI: Thank you.\nHOST: Was it hard?\n"
        "MAMA CHIDI: Very.",
        build_directory([]),
    ).qa_turns
    assert {turn.speaker_name for turn in turns if turn.label == "MAMA CHIDI"} == {"Amara Nduka Obi"}


def test_a_form_of_address_the_article_explains_goes_before_a_surname():
    text = (
        "The podcast\n\nBy Ann Lee\n\nThe creator, Joseph Mulenga Tembo, rang in. Ko in front of a name is "
        "respect.\n\nHOST: Ko Tembo, welcome.\nKO TEMBO: Thank you.\nHOST: Why farming?\nKO TEMBO: My father."
    )
    turns = analyse(text, build_directory([])).qa_turns
    assert {turn.speaker_name for turn in turns if turn.label == "KO TEMBO"} == {"Joseph Mulenga Tembo"}
    # a short given name before the surname of someone else the article names, when no sentence explains it as a
    # form of address, is somebody else
    assert quoted_by(
        "The café\n\nBy Ann Lee\n\nIsla Danso plays the lead. Ko in front of a name is respect. Akua Danso runs "
        "the café where they filmed.\n\n“It was cold,” said Akua Danso."
    ) == ["Akua Danso"]


def test_a_sentence_about_names_may_run_a_name_into_what_he_is_called():
    # "Mba" ends a run only in the sentence explaining it: a form of address, not part of his name
    assert quoted_by(
        "The read\n\nBy Ann Lee\n\nSeidu Kofi Abdulai plays the chief. Mba is father, and an older man is your mba "
        "out of respect; the young actors called Seidu Kofi Abdulai Mba Seidu all day.\n\n"
        "Mba Seidu read the first line: “The fire is late this year.”"
    ) == ["Seidu Kofi Abdulai"]


def test_a_cast_list_with_dot_leaders_is_read_line_by_line():
    assert credits_in(
        "Who's who\n\nBy Ann Lee\n\nThe night market drama is back.\n\n"
        "Auntie Fola, who runs the rice stall ........ Bisi Adeyemi Cole\n"
        "Tunde, Auntie Fola's nephew ........ Femi Olu Bankole\n"
        "Chief Ade, the councillor ........ Kunle Ayo Ojo"
    ) == {
        ("Bisi Adeyemi Cole", "Auntie Fola"),
        ("Femi Olu Bankole", "Tunde"),
        ("Kunle Ayo Ojo", "Chief Ade"),
    }
    lines = "Mama Ify ........ Chioma Eze Nwosu\nPapa Ike ........ Emeka Obi Nwosu"
    assert split_paragraphs(lines) == lines.split("\n")  # never joined as a wrapped paragraph


def test_a_glottal_stop_closes_a_short_word_of_a_name():
    assert credits_in(
        "The house\n\nBy Ann Lee\n\nAmbe' Tato (Petrus Rante Bua) is the son; Ne' Lai (Sofia Tandi Allo) is his "
        "grandmother."
    ) == {("Petrus Rante Bua", "Ambe' Tato"), ("Sofia Tandi Allo", "Ne' Lai")}
    # a curly apostrophe closes a possessive ("at Gus’ Diner"), not a name's word
    assert [run.group() for run in NAME_RUN_RE.finditer("We met at Gus’ Diner.")] == ["We", "Gus", "Diner"]
    # a word in single quotes is a nickname, its closing mark no glottal stop
    assert not any(
        "Eel'" in character
        for _, character in credits_in("The lock\n\nBy Ann Lee\n\nKees 'the Eel' Brouwer (Ruud Vos) runs the barge.")
    )


def test_place_cards_in_capitals_name_actors_and_their_roles():
    text = (
        "The read-through\n\nBy Ann Lee\n\nEach place had a card, the actor on top and the role below:\n\n"
        "SEIDU KOFI ABDULAI / Wulana\nAMINA TANKO ISSAH / Magajiya Rakia\nIBRAHIM YAKUBU / Sule\n\n"
        "Nna is father, and an older man is your nna out of respect; the young actors called Seidu Kofi Abdulai "
        "Nna Seidu all morning.\n\n"
        "Nna Seidu read first: “The torches are tied.”"
    )
    analysis = analyse(text, build_directory([]))
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Seidu Kofi Abdulai", "Wulana"),
        ("Amina Tanko Issah", "Magajiya Rakia"),
        ("Ibrahim Yakubu", "Sule"),
    }
    assert analysis.image_credits == []  # a list's lines, not photographs' credits
    assert [quote.speaker_name for quote in analysis.quotes] == ["Seidu Kofi Abdulai"]


def test_one_name_over_a_photo_is_still_its_credit():
    analysis = analyse(
        "The shoot\n\nBy Ann Lee\n\nAma Boateng / Reuters\n\nThe crew arrived at dawn.", build_directory([])
    )
    assert analysis.image_credits == ["Ama Boateng / Reuters"]


def test_a_writer_whose_surname_is_a_roles_name_is_still_a_person():
    analysis = analyse(
        "The read\n\nBy Ann Lee\n\nEach card had the actor on top and the role below:\n\nADAM MUSA ZAKARI / Tahiru\n"
        "AMINA ISSAH / Rakia\n\nAt the head of the table sat the writer and showrunner, Musa Wumbei Tahiru, and beside "
        "him the director.\n\n“Read it as it is written,” Tahiru began.\n\nThe elder son, Tahiru, is read by Adam "
        "Musa Zakari, who shares a name with the writer.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Musa Wumbei Tahiru"]
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Adam Musa Zakari", "Tahiru"),
        ("Amina Issah", "Rakia"),
    }


def test_whose_relative_a_role_is_may_open_the_brackets():
    assert credits_in(
        "On location\n\nBy Ann Lee\n\n[Caption: Rina Daimary (Birsa's sister, Jwlao) on the river bank.]"
    ) == {("Rina Daimary", "Jwlao")}


def test_a_notice_label_opens_a_spoiler_warning():
    notice = analyse(
        "The finale\n\nBy Ann Lee\n\nNOTICE: This page gives away the ending of Riverline S02E07. If you are saving "
        "it, come back later.\n\nThe drum sank.",
        build_directory([]),
        works=["Riverline"],
    ).spoiler
    assert (notice.flagged, notice.season, notice.episode) == (True, 2, 7)


def test_a_block_quote_under_a_lead_in_is_the_writers_words():
    analysis = analyse(
        "The log\n\nBy Ann Lee\n\nMarthe Ekwalla Dibo keeps the continuity log.\n\nNIGHT SEVEN\n\n"
        "The log for that scene runs to two pages. Dibo's first note on it:\n\n"
        "> Sc. 4, tk. 6. She slaps him with her LEFT hand. Use tk. 6.\n\nThe scene was kept.",
        build_directory([]),
    )
    assert [(quote.text, quote.speaker_name) for quote in analysis.quotes] == [
        ("Sc. 4, tk. 6. She slaps him with her LEFT hand. Use tk. 6.", "Marthe Ekwalla Dibo")
    ]


def test_what_someone_is_called_then_their_name_is_a_nickname_not_a_role():
    text = (
        "The boat\n\nBy Ann Lee\n\nThe master builder is Haji Daud Lamatta, a real boatbuilder. Wasila Rahim plays "
        "his wife, known in the village only as Indo' Sari.\n\n“We cut every plank by hand,” Ambo' Tani, as the "
        "village knows Haji Daud, told us. “I am not proud of the chainsaw,” Indo' Sari tells him."
    )
    analysis = analyse(text, build_directory([]))
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Wasila Rahim", "Indo' Sari")}
    assert [quote.speaker_name for quote in analysis.quotes] == ["Daud Lamatta", "Wasila Rahim"]


def test_a_lead_in_with_no_sentence_break_before_a_block_quote():
    # (a full stop with no space after it, in an address, starts no sentence)
    analysis = analyse(
        "The notice\n\nBy Ann Lee\n\nMarthe Dibo posted it at example.org's noticeboard:\n\n> Closed on Sunday, "
        "and on Monday too, because the river is up.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] in ([], [None], ["Marthe Dibo"])


def test_the_bench_is_a_person_the_article_names():
    turns = analyse(
        "The credit case\n\nBy Ann Lee\n\nThe writer, Odile Marsh, who loves the Justice League films, sued. The first "
        "witness was Carl Dunne.\n\nEXAMINATION BY MS OBI\n\nQ. Who told you?\nA. Odile did.\n"
        "HER HONOUR: Keep to what you heard.\nTHE WITNESS: Yes.",
        build_directory([]),
    ).qa_turns
    assert [turn.speaker_written for turn in turns if turn.label == "HER HONOUR"] != ["League"]


def test_two_labelled_photo_credits_stay_credits():
    analysis = analyse(
        "The shoot\n\nBy Ann Lee\n\nPhoto: Ama Boateng / Reuters\n\nPhoto: Kofi Mensah / Studio Nine\n\n"
        "The crew arrived at dawn.",
        build_directory([]),
    )
    assert analysis.image_credits == ["Ama Boateng / Reuters", "Kofi Mensah / Studio Nine"]


def test_an_answer_given_twice_under_year_labels_is_two_turns_of_the_subject():
    analysis = analyse(
        "Same questions again: Tomas Vell Orrin answers\n\nBy Ann Lee\n\nI first met Tomas Vell Orrin in 2005.\n\n"
        "**What do people shout at you?**\n\n*2005:* Nothing yet.\n\n*2025:* My old line, every morning.\n\n"
        "**Who taught you to act?**\n\n*2005:* Nobody.\n\n*2025:* My aunt, though I never said so.\n\n"
        "*Ma Selin, from the porch:* Say it louder.\n\nTHE PORCH\n\nMa Selin, Ma being the respectful word before "
        "an older woman's name, is Selin Drau Hosk, his aunt. Ma Selin and Ma Oda cook.",
        build_directory([]),
    )
    turns = [(turn.text, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns]
    assert ("Nothing yet.", "Tomas Vell Orrin") in turns
    assert ("My old line, every morning.", "Tomas Vell Orrin") in turns
    assert ("My aunt, though I never said so.", "Tomas Vell Orrin") in turns
    assert ("Say it louder.", "Selin Drau Hosk") in turns
    assert len([turn for turn in analysis.qa_turns if turn.role == "answer"]) == 5


def test_a_given_name_before_a_database_name_is_someone_else():
    # the database's Vell Orrin is not "Tomas Vell Orrin", whose father is Vell
    analysis = analyse(
        "Profile\n\nBy Ann Lee\n\nTomas Vell Orrin drove buses for ten years.\n\n“I still do,” Orrin said.",
        build_directory([{"key": "vell-orrin", "name": "Vell Orrin"}]),
    )
    assert [(quote.speaker_name, quote.speaker_key) for quote in analysis.quotes] == [("Tomas Vell Orrin", None)] or [
        quote.speaker_name for quote in analysis.quotes
    ] == ["Tomas Vell Orrin"]
    assert all(quote.speaker_key != "vell-orrin" for quote in analysis.quotes)


def test_a_form_of_address_before_a_given_name_named_in_full_later():
    analysis = analyse(
        "The kitchen\n\nBy Ann Lee\n\nEveryone calls the cook Ya Binta, Ya being the respectful word before a grown "
        "woman's name. Ya Binta and Ya Oda cook.\n\n“Sit down,” Ya Binta said.\n\nThe cook is Binta Kulla Sesay, "
        "who is seventy.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Binta Kulla Sesay"]


def test_a_run_to_a_sentences_i_does_not_hide_a_form_of_address():
    analysis = analyse(
        "The driver\n\nBy Ann Lee\n\nTamba Jo Kallon is Pa Tamba, Pa being what you put before the name of a man you "
        "respect.\n\nHis son says Pa Tamba drives too fast, and Pa Oko agrees.\n\n“Tell Pa Tamba I said hello,” the "
        "message read.\n\n“Not one word,” Pa Tamba said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes][-1] == "Tamba Jo Kallon"


def test_an_interview_set_out_as_a_two_column_table():
    analysis = analyse(
        "The album\n\nBy Ann Lee\n\nI sent the composer, Orla Vint Mabe, three questions.\n\n"
        "| My question | Orla Vint Mabe |\n| Why strings? | Because the drums were taken. |\n"
        "| Where did you record? | In a church, at night. |\n| Which song is best? | The short one. |\n\n"
        "The verdict: buy it.",
        build_directory([]),
    )
    turns = [(turn.role, turn.text, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns]
    assert turns[:2] == [
        ("question", "Why strings?", "Ann Lee"),
        ("answer", "Because the drums were taken.", "Orla Vint Mabe"),
    ]
    assert len(turns) == 6


def test_a_table_of_questions_under_no_named_person_is_no_interview():
    analysis = analyse(
        "The guide\n\nBy Ann Lee\n\n| Question | Answer |\n| Is it long? | Six episodes. |\n| Is it good? | Yes. |\n",
        build_directory([]),
    )
    assert analysis.qa_turns == []


def test_an_email_answered_between_its_lines():
    analysis = analyse(
        "Sixteen springs\n\nBy Ann Lee\n\nThe film took its director, Rafiq Dost Lalo, twelve years. Its star, Nura "
        "Bek Sayad, was fifteen; Nura Bek Sayad is now twenty-seven, and Nura Bek Sayad still lives in the valley.\n\n"
        "We sent Rafiq Dost Lalo two questions by email, and he answered them between the lines.\n\n"
        "> Why did you never give up?\nBecause every spring there was another festival.\n\n"
        "> What did it cost?\nNothing the film needed.\n\nThe film opens on Friday.",
        build_directory([]),
    )
    turns = [(turn.role, turn.text, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns]
    assert turns == [
        ("question", "Why did you never give up?", "Ann Lee"),
        ("answer", "Because every spring there was another festival.", "Rafiq Dost Lalo"),
        ("question", "What did it cost?", "Ann Lee"),
        ("answer", "Nothing the film needed.", "Rafiq Dost Lalo"),
    ]
    assert all(quote.text != "Why did you never give up?" for quote in analysis.quotes)


def test_a_song_title_is_no_fuller_name_of_a_role():
    analysis = analyse(
        "The album\n\nBy Ann Lee\n\n5. Selma Does Not Wait\n\nIda Fenn, as the sister, Selma, has the pop song.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {("Ida Fenn", "Selma")}


def test_our_job_then_a_name_is_the_label_of_that_job():
    analysis = analyse(
        "Strapped in\n\nBy Ann Lee\n\nNell Brisk Amo sat with a polygraph. Our examiner, Joss Tane Ruddock, ran "
        "tests for twenty years.\n\nTHE EXAMINER\nIs your name Nell?\n\nNELL\nIt is.\n\nTHE EXAMINER\n"
        "Are you in Leeds?\n\nNELL\nI am.",
        build_directory([]),
    )
    asked = {turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns if turn.label == "THE EXAMINER"}
    assert asked == {"Joss Tane Ruddock"}


def test_a_capitals_label_used_once_before_a_repeated_one_is_a_turn():
    analysis = analyse(
        "Strapped in\n\nBy Ann Lee\n\nNell Brisk Amo and her co-star Cato Wren Dale came in.\n\nANN\nReady?\n\n"
        "NELL\nYes.\n\nANN\nSure?\n\nNELL\nNo.\n\nAt this point Cato Wren Dale put his head round the door.\n\n"
        "CATO\nShe is lying.\n\nNELL\nI am not.",
        build_directory([]),
    )
    assert ("She is lying.", "Cato Wren Dale") in [
        (turn.text, turn.speaker_name or turn.speaker_written) for turn in analysis.qa_turns
    ]


def test_a_capitals_heading_used_once_over_narration_is_no_turn():
    analysis = analyse(
        "The wrap party\n\nBy Ann Lee\n\nTUNDE\n\nTunde Abiola Rey spoke first. “Thank the fish,” he said.\n\n"
        "MAMA OKE\n\nOke Dara Bey was next. “I held back,” Mama Oke said.\n\nSPEECHES\n\nThere were more.\n\n"
        "Later we asked the caterer, Kofi Lamb Asare, about the cake.\n\nANN\nWho baked it?\n\nKOFI\nNobody.\n\n"
        "ANN\nReally?\n\nKOFI\nIt came from a shop.",
        build_directory([]),
    )
    assert not any(turn.text.startswith(("Tunde Abiola Rey", "Oke Dara Bey was")) for turn in analysis.qa_turns)
    assert [quote.text for quote in analysis.quotes][:2] == ["Thank the fish,", "I held back,"]


def test_a_described_actor_cast_as_a_role():
    analysis = analyse(
        "The film\n\nBy Ann Lee\n\nAnd Oren Bell Tash, a farmer from the next valley cast as the stern old elder, "
        "Baba Marrow, wanted more lines.",
        build_directory([]),
    )
    assert ("Oren Bell Tash", "Baba Marrow") in {(credit.person, credit.character) for credit in analysis.credits}


def test_as_someone_does_is_a_comparison_not_a_role():
    analysis = analyse(
        "The bag\n\nBy Ann Lee\n\nKarin Ostu Pell carries a bag. Most families write Pell as their surname, as Karin "
        "Ostu does.\n\n“Twelve minutes,” Karin Ostu said.",
        build_directory([]),
    )
    assert analysis.credits == []
    assert [quote.speaker_name for quote in analysis.quotes] == ["Karin Ostu Pell"]


def test_his_father_after_someones_son_is_that_someone():
    analysis = analyse(
        "The bag\n\nBy Ann Lee\n\nDaro Fenn Abu plays the priest.\n\nA keyring, made by Daro Fenn Abu's son for the "
        "cast. “He is nine,” his father said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Daro Fenn Abu"]


def test_numbered_roles_in_a_career_are_the_headline_persons_credits():
    analysis = analyse(
        "Four parts: Lenno Marr Ubo goes through his career\n\nBy Ann Lee\n\nLenno Marr Ubo is sixty.\n\n"
        "ROLE No. 1: Tau the lion, in Old Children (1983)\n\nHe wore a mop.\n\n"
        "ROLE No. 2: Induna Osei, in Night Court (1998–2003)\n\nThe first induna, and the part that made him.\n\n"
        "Asked about it, Ubo shrugs. “A river does not ask,” he says.",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Lenno Marr Ubo", "Tau"),
        ("Lenno Marr Ubo", "Induna Osei"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Lenno Marr Ubo"]


def test_a_note_for_parents_opens_a_spoiler_warning():
    notice = analyse(
        "The guide\n\nBy Ann Lee\n\nPARENTS, PLEASE NOTE: this guide describes events up to the end of Riverline "
        "season 1, episode 6. Read it first.\n\nThe drum sank.",
        build_directory([]),
        works=["Riverline"],
    ).spoiler
    assert (notice.flagged, notice.season, notice.episode) == (True, 1, 6)


def test_sisters_named_together_are_two_people_not_a_form_of_address():
    analysis = analyse(
        "The final\n\nBy Ann Lee\n\nThe last act is the Dunne Sisters, Orla Dunne and Maeve Dunne, from Cork.\n\n"
        "“Sick,” Maeve said.\n\nOrla, the elder by two years, added: “Good sick, though.”",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Maeve Dunne", "Orla Dunne"]


def test_one_numbered_part_is_a_chapter_not_a_career():
    analysis = analyse(
        "Homecoming: Lenno Marr Ubo goes back\n\nBy Ann Lee\n\nLenno Marr Ubo came home in May.\n\n"
        "Part 1: Homecoming, a year later\n\n"
        "He found the house empty.",
        build_directory([]),
    )
    assert analysis.credits == []


def test_a_form_of_address_before_a_given_name_skips_the_first_words_of_a_fuller_name():
    # "Tamba Jo" is how the town tells one Tamba from another: the first words of Tamba Jo Kallon, nobody else
    analysis = analyse(
        "Twenty years on: Tamba Jo Kallon\n\nBy Ann Lee\n\nWhen I first met Tamba Jo Kallon he was twenty.\n\n"
        "He now owns a bus and is Pa Kanu to the boys on it. Nobody calls him Tamba any more. It is Pa Tamba, Pa being "
        "what you put before the name of a man you respect. In 2004 it was Tamba Jo, the way the town tells one Tamba "
        "from another.\n\n“Not one word,” Pa Tamba said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Tamba Jo Kallon"]


def turn_speakers(analysis) -> list[str | None]:
    """Each turn's person: as the analyser names them, or as written for a byline it does not propose."""
    return [turn.speaker_name or turn.speaker_written for turn in analysis.qa_turns]


def test_a_transcript_labelled_in_square_brackets_by_first_names_and_forms_of_address():
    analysis = analyse(
        "After the show\n\nTranscribed by Ann Lee\n\nThe host is Liesel Ambrosi. With her were Zio Tamo, who plays the "
        "ferryman and is Tamo Verzan on his passport, and the writer, Pia Grusko. Zio, uncle, goes before the name of "
        "a man you respect.\n\n[Liesel] Welcome back. Pia, why now?\n\n[Pia] Because the town asked.\n\n"
        "[Liesel] Zio Tamo, did you agree?\n\n[Zio Tamo] Not at first. I said to her, Zio, I am counting on it.\n\n"
        "[Liesel] Thank you both.",
        build_directory([]),
    )
    assert turn_speakers(analysis) == [
        "Liesel Ambrosi",
        "Pia Grusko",
        "Liesel Ambrosi",
        "Tamo Verzan",
        "Liesel Ambrosi",
    ]


def test_a_word_in_square_brackets_once_is_no_transcript():
    analysis = analyse(
        "The finale\n\nBy Ann Lee\n\n[Applause] The crowd stood for the cast.\n\nThe show ended at ten.",
        build_directory([]),
    )
    assert analysis.qa_turns == []


def test_roles_in_sentence_case_label_a_transcript_by_the_job_the_byline_and_the_one_it_is_about():
    analysis = analyse(
        "Sitting still: Ennis Valaro talks while Kerri Dowd draws\n\nBy Ann Lee\n\nWe asked the draughtsman Kerri Dowd "
        "to draw Ennis Valaro for the cover, and sat in.\n\nThe draughtsman: Chin up.\nThe sitter: It is up.\n"
        "The draughtsman: Now left.\nThe sitter: That is the door.\nOur writer: Tell me about the drawing.\n"
        "The sitter: I like the chair.\nOur writer: Tell me about the cover.\nThe sitter: Ask the draughtsman.",
        build_directory([]),
    )
    assert turn_speakers(analysis) == [
        "Kerri Dowd",
        "Ennis Valaro",
        "Kerri Dowd",
        "Ennis Valaro",
        "Ann Lee",
        "Ennis Valaro",
        "Ann Lee",
        "Ennis Valaro",
    ]


def test_one_role_label_repeated_is_a_heading_not_a_transcript():
    analysis = analyse(
        "The house\n\nBy Ann Lee\n\nThe listing: A deep verandah.\n\nThe kitchen was where they filmed.\n\n"
        "The listing: A bright study.\n\nThe study is where the family argued.",
        build_directory([]),
    )
    assert analysis.qa_turns == []


def test_a_scrums_questions_labelled_by_outlet_are_the_reporters_the_introduction_names():
    analysis = analyse(
        "The elders say yes\n\nBy Ann Lee, L'Écho de la Vallée\n\nThree reporters met the director, Oumar Sagara Kene: "
        "Musa Tembo of Radio Falaise, Ines Dara of Town Weekly, and this reporter.\n\n"
        "RADIO FALAISE: Did you get it all?\nKENE: No.\nTOWN WEEKLY: Why ask?\nKENE: To be told no.\n"
        "L'ÉCHO: Tell us when you start.\nKENE: October.",
        build_directory([]),
        outlet_names=["L'Écho de la Vallée", "Radio Falaise", "Town Weekly"],
    )
    assert analysis.bylines == ["Ann Lee"]
    assert turn_speakers(analysis) == [
        "Musa Tembo",
        "Oumar Sagara Kene",
        "Ines Dara",
        "Oumar Sagara Kene",
        "Ann Lee",
        "Oumar Sagara Kene",
    ]


def test_an_interview_and_notes_by_line_is_the_byline_who_asks():
    analysis = analyse(
        "The singer\n\nInterview and notes by Ann Lee\n\nWe talked to Runa Halvo at home.\n\n"
        "Q: When did you start?\nRuna Halvo: At six.\n\nQ: Who taught you?\nRuna Halvo: Nobody.",
        build_directory([]),
    )
    assert turn_speakers(analysis) == ["Ann Lee", "Runa Halvo", "Ann Lee", "Runa Halvo"]


def test_a_title_the_article_explains_is_no_part_of_a_full_name_it_opens():
    analysis = analyse(
        "The last song\n\nBy Ann Lee\n\nEveryday speech here runs on titles: Vuno, master, for a senior musician.\n\n"
        "The victim is Vuno Borin, a singer. He is played in flashback by Vuno Kemal Doruk.\n\n"
        "Vuno Kemal, who sings three songs in the season, did not mind dying first. “A singer always sings to "
        "somebody who has gone,” he said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Kemal Doruk"]


def test_a_given_name_that_opens_every_name_it_is_in_is_no_title():
    # "plain Temir" said alone where the article explains names, and opening only his own names: no title
    analysis = analyse(
        "The film\n\nBy Ann Lee\n\nTemir Bolatovich Kassym plays the lead. The patronymic is how you show "
        "respect: on set nobody calls him plain Temir.\n\n“Tired,” said Temir Bolatovich.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Temir Bolatovich Kassym"]


def test_a_numbered_list_of_described_roles_credits_the_actor_after_each_dash():
    analysis = analyse(
        "The teahouse murder\n\nBy Ann Lee\n\nSUSPECTS\n1. Temir, the victim's son, who wanted to sell — Arman Seitov\n"
        "2. Apa Aigul, the cook — Dana Omarova Bekova\n\nTemir, in the interview room, on his father: "
        "“He loved two things, and I was neither of them.”",
        build_directory([]),
    )
    assert {(credit.person, credit.character) for credit in analysis.credits} == {
        ("Arman Seitov", "Temir"),
        ("Dana Omarova Bekova", "Apa Aigul"),
    }
    assert [quote.speaker_name for quote in analysis.quotes] == ["Arman Seitov"]


def test_one_numbered_line_with_a_dash_is_no_cast_list():
    analysis = analyse(
        "The teahouse murder\n\nBy Ann Lee\n\n1. Temir, the victim's son, who wanted to sell — Arman Seitov\n\n"
        "The rest is history.",
        build_directory([]),
    )
    assert analysis.credits == []


def test_a_rank_cut_short_in_a_list_is_the_role_the_prose_spells_out():
    analysis = analyse(
        "The case\n\nBy Ann Lee\n\nThe series follows Lieutenant Aru Bekova, who carries three phones.\n\n"
        "Assisting: Lt. Aru Bekova (Saule Nurova)",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [
        ("Saule Nurova", "Lieutenant Aru Bekova")
    ]


@pytest.mark.parametrize(
    ("notice", "season", "episode"),
    [
        ("Ep. 6 of the second season of Tidewater is told from start to finish below. If you have not watched it yet, "
         "stay ashore.", 2, 6),
        ("CASE CLOSED. This file solves Tidewater S1 Ep6. Do not open it until you have watched.", 1, 6),
    ],
)  # fmt: skip
def test_which_episode_then_a_word_to_whoever_has_not_seen_it_is_a_spoiler_warning(notice, season, episode):
    found = analyse(f"The recap\n\nBy Ann Lee\n\n{notice}\n\nThe canoe left.", build_directory([]), works=["Tidewater"])
    assert (found.spoiler.flagged, found.spoiler.season, found.spoiler.episode) == (True, season, episode)


def test_a_word_to_whoever_has_not_seen_it_without_an_episode_is_no_warning():
    found = analyse(
        "The film\n\nBy Ann Lee\n\nThe film is long. If you have not watched it yet, bring snacks.\n\nThe canoe left.",
        build_directory([]),
    )
    assert not found.spoiler.flagged


def test_a_named_persons_mother_or_agent_speaking_is_nobody_the_article_names():
    analysis = analyse(
        "The finale\n\nBy Ann Lee\n\nSelma Ndilo plays the widow.\n\n"
        "Selma Ndilo's mother, who drove from Oshakati, said: “I cried the whole time.”\n\n"
        "“She was good,” Selma Ndilo's agent, who flew in, said.\n\n"
        "Selma Ndilo's answer to her mother was short: “Go home.”\n\n“Fine,” Selma Ndilo said.",
        build_directory([]),
    )
    assert [(quote.speaker_name, quote.speaker_written) for quote in analysis.quotes] == [
        (None, "Selma Ndilo's mother"),
        (None, "Selma Ndilo's agent"),
        ("Selma Ndilo", "Selma Ndilo"),
        ("Selma Ndilo", "Selma Ndilo"),
    ]


def test_a_roles_actor_after_its_name_is_the_one_who_plays_it():
    analysis = analyse(
        "The visitors' book\n\nBy Ann Lee\n\nLakay Dandoy is played by Crisanto Baquiran.\n\n"
        "“The pedal was perfect. It was my knee,” Lakay Dandoy's actor said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Crisanto Baquiran"]


def test_a_transcript_labelled_in_italics_names_each_speaker():
    analysis = analyse(
        "The driver and the actress\n\nBy Ann Lee\n\nThe actress Nkemdirim Oha Azubuike asked the questions of Adaora "
        "Ibe Chukwu, who ran lorries.\n\n*Nkemdirim:* Why lorries?\n\n*Adaora:* Because a shop waits.\n\n"
        "*Nkemdirim:* Half?\n\n*Adaora:* The other half was a man's.",
        build_directory([]),
    )
    assert turn_speakers(analysis) == ["Nkemdirim Oha Azubuike", "Adaora Ibe Chukwu"] * 2
    assert [turn.text for turn in analysis.qa_turns][:2] == ["Why lorries?", "Because a shop waits."]


def test_an_answer_in_italics_after_a_plain_label_keeps_its_marks():
    analysis = analyse(
        "The fitting\n\nBy Ann Lee\n\nTomasz Wilk spoke to Ann Lee.\n\nAnn Lee: What did you wear?\n\n"
        "Tomasz Wilk: *the coat*, of course.\n\nAnn Lee: Why?\n\nTomasz Wilk: It was cold.",
        build_directory([]),
    )
    assert [turn.text for turn in analysis.qa_turns][1] == "*the coat*, of course."


def test_names_in_capitals_closed_by_a_full_stop_label_a_transcript():
    analysis = analyse(
        "The news at the well\n\nBy Kadra Omar Liban\n\nOur driver, Farah Nur Adan, met the herder Guled Ismail "
        "Warsame, and we recorded them.\n\nFARAH. Peace be on you. What news?\n\n"
        "GULED. The rain came to the hills, and the river is high.\n\nFARAH. And the news of people?\n\n"
        "GULED. There are people with cameras at the bend of the river.\n\nKADRA. Have you seen the film?\n\n"
        "GULED. No. I have heard it, and that is better.",
        build_directory([]),
    )
    assert turn_speakers(analysis) == [
        "Farah Nur Adan", "Guled Ismail Warsame", "Farah Nur Adan", "Guled Ismail Warsame", "Kadra Omar Liban",
        "Guled Ismail Warsame",
    ]  # fmt: skip
    assert analysis.qa_turns[4].text == "Have you seen the film?"  # the byline's one question, label and all read


def test_two_paragraphs_opening_with_names_in_capitals_are_no_transcript():
    analysis = analyse(
        "The shoot\n\nBy Ann Lee\n\nThe film stars Jonas Berg Lind and Marta Holm Ek, who met on set.\n\n"
        "JONAS. That was the name of his first dog, and he says it still.\n\n"
        "MARTA. Was the name of her school, and she says it often.\n\nThe film opens in May.",
        build_directory([]),
    )
    assert analysis.qa_turns == []


def test_a_quote_carried_on_from_its_speaker_is_not_the_next_sentences_subject():
    analysis = analyse(
        "The wrap\n\nBy Ann Lee\n\nTobias Renner Vaal, who leads the cast, said the cold had been hardest. "
        "“In Lyon I have a car,” he said. “For a month Odile made me walk.” Marthe Quillon Abet said she had "
        "taken leave for the shoot.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Tobias Renner Vaal", "Tobias Renner Vaal"]


def test_a_first_quote_then_someone_saying_he_did_something_is_still_theirs():
    analysis = analyse(
        "The picks\n\nBy Ann Lee\n\nMikko’s motto, delivered to a baffled guest, is ‘We do not talk in the sauna. We "
        "talk afterwards.’ Kivi, whom the cast call AK, says he based Mikko on his father.\n\nAarne Kivi plays Mikko.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Aarne Kivi"]


def test_call_signs_are_the_people_who_hold_them():
    analysis = analyse(
        "Good morning, Pulap\n\nInterview by Rosalia Mori Eas\n\nThe station is run by Ioakim Sapuro Penno, "
        "known on every island as Kimo. Our writer spoke from the studio as Tol One, and Kimo is Tol Base. "
        "The actor Benito Airas Rufus lives on Pulap; his niece is Maria Benito.\n\n"
        "Tol Base: Pulap, Pulap, this is Tol Base. Over.\n\n"
        "Pulap: Tol Base, Pulap. This is Benito. Over.\n\n"
        "Tol One: Good morning, Benito. This is Rosalia, in the studio. How did you start? Over.\n\n"
        "Pulap: By shouting at Kimo. Over.\n\n"
        "Tol One (Ana): It is Ana here. Were you crying? Over.\n\n"
        "Pulap: It was the rain. Over.\n\n"
        "Tol Base: Pulap clear. Over.\n\nThe actress Ana Sopi Rewi joined them.",
        build_directory([]),
    )
    assert turn_speakers(analysis) == [
        "Ioakim Sapuro Penno", "Benito Airas Rufus", "Rosalia Mori Eas", "Benito Airas Rufus", "Ana Sopi Rewi",
        "Benito Airas Rufus", "Ioakim Sapuro Penno",
    ]  # fmt: skip


def test_a_label_that_is_part_of_someones_name_is_not_a_call_sign():
    analysis = analyse(
        "The junket\n\nBy Ann Lee\n\nWinnie Kwok plays the daughter. At school, Kwok Wing-yan is Winnie.\n\n"
        "Ann Lee: Was it hot?\n\nWINNIE: Very.\n\nAnn Lee: And the soup?\n\nWINNIE: It has its own ticket.",
        build_directory([]),
    )
    assert turn_speakers(analysis)[1::2] == ["Winnie Kwok", "Winnie Kwok"]


def test_told_by_in_a_register_of_lies_names_who_said_the_line():
    analysis = analyse(
        "Every lie, counted\n\nBy Ann Lee\n\nNang Ying is played by Nang Kham Oo.\n\n"
        "LIE No. 1\nTold by: Nang Ying, to a customer\nThe lie: “Picked last week.”\nCaught? No.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Nang Kham Oo"]


def test_a_cast_lists_later_role_who_does_something_is_its_actor():
    pairings = {
        (pairing.actor, pairing.character)
        for pairing in article_cast(
            [
                "The market",
                "At its centre is Nang Ying, played by Nang Kham Oo, and her son, Sai Noom, who is engaged to the "
                "headman's daughter and is played by Sai Lao Hseng. The headman, Pu Hseng, is Sai Mawng Kham; Ya Kham, "
                "who sells pickled tea leaves, is Nang Seng Hom.",
            ],
            build_directory([]),
        ).pairings
    }
    assert {("Sai Lao Hseng", "Sai Noom"), ("Nang Seng Hom", "Ya Kham")} <= pairings


def test_someone_who_does_something_is_a_named_person_outside_a_list():
    pairings = article_cast(
        ["The market", "Sanna, who ran the shop for years, is Ilse Varga, the owner's daughter."], build_directory([])
    ).pairings
    assert pairings == []


def test_a_photographers_name_is_no_fuller_name_of_a_role():
    analysis = analyse(
        "Good morning\n\nBy Ann Lee\n\nSinobu is played by Innocenta Aten.\n\n"
        "[Photo: the studio. Photograph: Sinobu Aisek]",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Innocenta Aten", "Sinobu")]


def test_the_actors_own_first_name_is_no_part_of_the_roles_name():
    analysis = analyse(
        "The hearth\n\nBy Ann Lee\n\nAt home Caterina is Catine and Giacomo is Jacun: Caterina Catine, Giacomo "
        "Jacun.\n\nCatine is played by Caterina Morassi.",
        build_directory([]),
    )
    assert [(credit.person, credit.character) for credit in analysis.credits] == [("Caterina Morassi", "Catine")]


def test_a_pilgrims_title_before_a_given_name_is_the_person_named_in_full():
    analysis = analyse(
        "The feast\n\nBy Ann Lee\n\nThe organiser, Haja Mariatu Omolara Kamara, 66, cooked all night.\n\n"
        "Haja Mariatu saw no difficulty. “She is family,” she said.",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Mariatu Omolara Kamara"]


def test_sentences_begun_in_italics_and_finished_under_them_are_an_interview():
    analysis = analyse(
        "Finish the sentence\n\nBy Ana Pires Lobo\n\nThe comedian Rui Tavares Gomes finished our sentences.\n\n"
        "*My first show was…*\n    …at a feast in 1974.\n\n*If I were not an actor…*\n    …I would drive a bus.\n\n"
        "*The one song I sing is…*\n    …about my father's bicycle.\n\nTHREE FOR MARTA\n\n"
        "Marta Sousa Leal, his co-star, asked for a turn.\n\n*Working with Rui is…*\n    …like a pressure cooker.",
        build_directory([]),
    )
    assert turn_speakers(analysis) == ["Ana Pires Lobo", "Rui Tavares Gomes"] * 3 + [
        "Ana Pires Lobo",
        "Marta Sousa Leal",
    ]
    assert [turn.text for turn in analysis.qa_turns][:2] == ["My first show was…", "at a feast in 1974."]


def test_two_sentences_left_unfinished_are_no_interview():
    analysis = analyse(
        "The notes\n\nBy Ana Pires Lobo\n\n*To be continued…*\n    …next week.\n\n*And then…*\n    …nothing.",
        build_directory([]),
    )
    assert analysis.qa_turns == []


def test_a_form_of_address_and_given_name_as_everyone_calls_her_is_the_one_named_before():
    analysis = analyse(
        "The jar\n\nBy Ann Lee\n\nA note on names: Lahuy Watan is the daughter of a man called Watan.\n\n"
        "DAY 1: THE MILLET\n\nThe rain came on the first morning.\n\n"
        "Yaki Lahuy, as everyone on the production calls her, made the wine. “The millet must be cool,” Yaki Lahuy "
        "said.\n\n[Photo: Yaki Lahuy Watan with the jar. Photograph: Tali Nokan]",
        build_directory([]),
    )
    assert [quote.speaker_name for quote in analysis.quotes] == ["Lahuy Watan"]


def test_a_name_as_everyone_calls_him_is_nobodys_when_two_share_the_given_name():
    analysis = analyse(
        "The jar\n\nBy Ann Lee\n\nA note on names: Lahuy Watan is the daughter of a man called Watan, and Lahuy Temu "
        "of Temu.\n\nYaki Lahuy, as everyone on the production calls her, made the wine. “The millet must be cool,” "
        "Yaki Lahuy said.\n\n[Photo: Yaki Lahuy Watan with the jar. Photograph: Tali Nokan]",
        build_directory([]),
    )
    assert analysis.quotes[0].speaker_name not in {"Lahuy Watan", "Lahuy Temu"}
