"""The quote bench's own scoring: attributions to people an article never names, the name a result
puts forward, and the labelled sets about new shows (their two directories and the shape of their
labels).

These tests check that the labels are well formed, never what the analyser makes of an article: the
held-out set is for measuring only.
"""

import json
import re
from types import SimpleNamespace

import pytest

from articles.text.analyse import Analysis, FoundQuote, QATurn, SpoilerNotice
from articles.text.directory import build_directory
from bench.quotes import CAST_ABSENT, CAST_ENTERED, FRESH, NEW_SHOWS, Case, fresh_cases, predicted_name, score_case
from people.names import normalize_name

SETUP = json.loads((FRESH / "setup.json").read_text(encoding="utf-8"))
LABEL_FILES = sorted(FRESH.glob("*.labels.json"))
SETS = {group: folder for group, folder in NEW_SHOWS.items() if (folder / "setup.json").exists()}
SETUPS = {group: json.loads((folder / "setup.json").read_text(encoding="utf-8")) for group, folder in SETS.items()}
ALL_LABEL_FILES = [(group, path) for group, folder in SETS.items() for path in sorted(folder.glob("*.labels.json"))]
PEOPLE = [
    {"key": "leo-albright", "name": "Leo Albright", "credits": [{"work": "Harbour", "character": "Tam"}]},
    {"key": "dana-albright", "name": "Dana Albright"},
    {"key": "ines-caldwell", "name": "Inès Caldwell", "aliases": ["Ines Caldwell"]},
]
TEXT = "Albright on the harbour\n\nLeo Albright and Ines Caldwell spoke to us on the quay."


def quote(text: str, key: str | None, written: str | None = None) -> FoundQuote:
    return FoundQuote(text=text, speaker_key=key, speaker_written=written, character=None, confidence=1.0, paragraph=0)


def turn(text: str, key: str | None, written: str | None = None) -> QATurn:
    return QATurn(role="answer", label=None, speaker_key=key, speaker_written=written, text=text)


def analysis_of(quotes=(), turns=()) -> Analysis:
    return Analysis(
        title="Albright on the harbour",
        kind="news",
        bylines=[],
        byline_keys=[],
        byline_label=None,
        handles=[],
        image_credits=[],
        reading_time=None,
        boilerplate=[],
        paragraphs=[],
        quotes=list(quotes),
        qa_turns=list(turns),
        credits=[],
        spoiler=SpoilerNotice(),
    )


@pytest.fixture
def case():
    return Case("hand-built", "albright.txt", TEXT, {"file": "albright.txt"}, build_directory(PEOPLE))


# --- Attributions to people the article does not name ---------------------------------------------


def test_unnamed_attributions_count_quotes_and_turns_given_to_a_person_the_article_never_names(case):
    analysis = analysis_of(
        quotes=[quote("We sail at dawn,", "leo-albright"), quote("Not me,", "dana-albright", "Albright")],
        turns=[turn("I stayed ashore.", "dana-albright", "ALBRIGHT")],
    )

    score = score_case(case, analysis)

    assert score.unnamed == 2
    assert score.unnamed_found == [
        "hand-built/albright.txt: quote 'Not me,' given to 'Dana Albright'",
        "hand-built/albright.txt: Q&A turn 'I stayed ashore.' given to 'Dana Albright'",
    ]


def test_unnamed_attributions_accept_an_alias_and_skip_unresolved_speakers(case):
    analysis = analysis_of(quotes=[quote("The quay is ours,", "ines-caldwell"), quote("So it is,", None, "Albright")])

    assert score_case(case, analysis).unnamed == 0


def test_a_name_counts_only_as_whole_words():
    text = "Leo Albrighton spoke to us on the quay."
    case = Case("hand-built", "albrighton.txt", text, {"file": "albrighton.txt"}, build_directory(PEOPLE))

    assert score_case(case, analysis_of(quotes=[quote("We sail at dawn,", "leo-albright")])).unnamed == 1


# --- The name a result puts forward ----------------------------------------------------------------


def test_predicted_name_prefers_a_proposed_name_then_the_directory_then_the_text(case):
    proposed = SimpleNamespace(speaker_name="Dana Albright", speaker_key="leo-albright", speaker_written="Albright")
    resolved = SimpleNamespace(speaker_key="leo-albright", speaker_written="Albright")
    written = SimpleNamespace(speaker_key=None, speaker_written="Albright")
    nothing = SimpleNamespace(speaker_name=None, speaker_key=None, speaker_written="")

    assert [predicted_name(case, found) for found in (proposed, resolved, written, nothing)] == [
        "Dana Albright",
        "Leo Albright",
        "Albright",
        None,
    ]


def test_a_quote_whose_speaker_is_unresolved_is_scored_on_the_name_the_analyser_reports():
    gold = {"file": "a.txt", "quotes": [{"text": "We sail at dawn,", "speaker": "Leo Albright"}]}
    case = Case("hand-built", "a.txt", TEXT, gold, build_directory([]))

    full = score_case(case, analysis_of(quotes=[quote("We sail at dawn,", None, "Leo Albright")]))
    surname = score_case(case, analysis_of(quotes=[quote("We sail at dawn,", None, "Albright")]))

    assert (full.speaker_ok, surname.speaker_ok) == (1, 0)


# --- The fresh set in its two modes -----------------------------------------------------------------


def test_fresh_cases_load_once_with_the_database_alone_and_once_with_the_cast_entered():
    cases = fresh_cases()
    database_keys = {person["key"] for person in SETUP["database"]}

    absent = [case for case in cases if case.source == CAST_ABSENT]
    entered = [case for case in cases if case.source == CAST_ENTERED]

    assert len(absent) == len(entered) == len(LABEL_FILES) >= 12
    for case in absent:
        assert set(case.directory.people) == database_keys
        assert (case.works, case.season_lengths) == ([], {})
    for case in entered:
        article = SETUP["articles"][case.name]
        assert set(case.directory.people) == database_keys | {person["key"] for person in article["cast"]}
        assert case.works == article["works"]
        assert case.season_lengths == {int(k): v for k, v in article.get("season_lengths", {}).items()}
        assert any(person.credited for person in case.directory.people.values())


@pytest.mark.parametrize("group", SETS)
def test_each_new_show_database_holds_nobody_from_an_article_cast(group):
    setup = SETUPS[group]
    database_names = {normalize_name(person["name"]) for person in setup["database"]}
    cast_names = {
        normalize_name(person["name"]) for article in setup["articles"].values() for person in article["cast"]
    }

    assert database_names.isdisjoint(cast_names)
    assert len(setup["articles"]) >= 12


# --- The new-show labels are well formed -------------------------------------------------------------


def occurs(text: str, words: str) -> bool:
    """`words` in `text` (a quote running over paragraphs reopens its mark at each one)."""
    pattern = r"\n\s*\n[\"“‘']?".join(re.escape(part) for part in words.split("\n\n"))
    return re.search(pattern, text) is not None


def names_in(text: str, name: str) -> bool:
    """The name in the text, whole; a nickname in quotes may stand between first name and surname
    ('Dennis "Denny" Roper')."""
    folded, words = normalize_name(text), normalize_name(name).split()
    if re.search(rf"(?<!\w){re.escape(' '.join(words))}(?!\w)", folded):
        return True
    first, last = re.escape(words[0]), re.escape(" ".join(words[1:]))
    return (
        len(words) > 1
        and re.search(rf"(?<!\w){first}\s+[\"“'‘][^\"”'’]{{1,20}}[\"”'’]\s+{last}(?!\w)", folded) is not None
    )


@pytest.fixture(params=ALL_LABEL_FILES, ids=lambda item: f"{item[0]}/{item[1].name.removesuffix('.labels.json')}")
def labelled(request):
    group, path = request.param
    labels = json.loads(path.read_text(encoding="utf-8"))
    labels["group"] = group
    return labels, (SETS[group] / labels["file"]).read_text(encoding="utf-8")


def test_new_show_labels_say_whether_they_were_written_apart_and_have_a_setup(labelled):
    labels, text = labelled

    assert labels["set"] == ("tuning" if labels["group"] == "tuning" else "fresh")
    assert labels["file"] in SETUPS[labels["group"]]["articles"]
    assert text.split("\n", 1)[0].strip() == labels["title"]


def test_every_quote_and_turn_start_occurs_in_its_article(labelled):
    labels, text = labelled

    assert [q["text"] for q in labels["quotes"] if not occurs(text, q["text"])] == []
    assert [t["text_start"] for t in labels["qa_turns"] if t["text_start"] not in text] == []
    warning = labels["spoiler"]["warning"]
    assert warning is None or warning in text


def test_every_speaker_is_a_full_name_the_article_writes_or_an_actor_it_credits(labelled):
    labels, text = labelled
    credited = {credit["person"] for credit in labels["credits"]}
    speakers = {item["speaker"] for item in (*labels["quotes"], *labels["qa_turns"]) if item["speaker"]}
    speakers |= {name for item in labels["quotes"] for name in item.get("candidates", [])}

    assert [name for name in speakers if len(name.split()) < 2] == []
    # "Mara Quist and her brother, Tobias": a speaker may be named in two parts a family shares.
    assert [
        name
        for name in speakers
        if not (names_in(text, name) or name in credited or all(names_in(text, part) for part in name.split()))
    ] == []
    # "Lucien Thibodeau and his daughter, Ariane": a credit may give a family member's first name only.
    assert [
        name for name in credited if not all(names_in(text, part) for part in (name.split()[0], name.split()[-1]))
    ] == []


def test_every_speaker_and_credited_person_is_in_the_database_or_the_cast(labelled):
    labels, _ = labelled
    setup = SETUPS[labels["group"]]
    article = setup["articles"][labels["file"]]
    known = {person["name"] for person in (*setup["database"], *article["cast"])}
    people = {item["speaker"] for item in (*labels["quotes"], *labels["qa_turns"]) if item["speaker"]}
    people |= {credit["person"] for credit in labels["credits"]}

    assert people - known == set()


def write_set(folder, articles: dict[str, tuple[str, list[dict]]]):
    """A labelled set of new-show articles in `folder`: file name → (text, labelled quotes)."""
    folder.mkdir()
    for name, (text, quotes) in articles.items():
        (folder / name).write_text(text)
        labels = {"file": name, "set": "fresh", "title": "Harbour news", "quotes": quotes}
        (folder / name.replace(".txt", ".labels.json")).write_text(json.dumps(labels))
    setup = {"database": PEOPLE, "articles": {name: {"works": [], "cast": []} for name in articles}}
    (folder / "setup.json").write_text(json.dumps(setup))
    return folder


def measure_only(monkeypatch, bench_quotes, sets: dict):
    monkeypatch.setattr(bench_quotes, "NEW_SHOWS", sets)
    monkeypatch.setattr(bench_quotes, "seed_cases", list)
    monkeypatch.setattr(bench_quotes, "own_cases", list)


def test_the_held_out_sets_misses_are_listed_only_when_asked_for(tmp_path, monkeypatch, capsys):
    import bench.quotes as bench_quotes

    text = "Harbour news\n\nLeo Albright waved.\n\n“The boat leaked all winter,” he said.\n"
    folder = write_set(tmp_path / "holdout", {"01.txt": (text, [{"text": "Nothing.", "speaker": None}])})
    measure_only(monkeypatch, bench_quotes, {"holdout": folder})

    bench_quotes.main(["-v"])
    hidden = capsys.readouterr().out
    bench_quotes.main(["-v", "--holdout"])
    shown = capsys.readouterr().out

    assert "holdout, cast absent (all)" in hidden and "missed quote" not in hidden
    assert "holdout, cast absent/01.txt: missed quote 'Nothing.'" in shown


def test_a_person_written_with_a_nickname_inside_their_name_is_named():
    from articles.text.directory import PersonEntry
    from bench.quotes import is_named_in

    roper = PersonEntry("dennis-roper", "Dennis Roper", ("Denny Roper",))
    assert is_named_in(normalize_name("Their drummer, Dennis “Denny” Roper, watches."), roper)
    assert not is_named_in(normalize_name("Their drummer, Dennis Smith, and Ann Roper watch."), roper)
    tess = PersonEntry("tess-marlowe", "Tess Marlowe")
    assert is_named_in(normalize_name("**Tess and Joachim Marlowe**"), tess)
    assert not is_named_in(normalize_name("Tess Quist and Joachim Marlowe"), tess)


def test_an_article_the_analyser_fails_on_fails_the_run_and_is_named(tmp_path, monkeypatch, capsys):
    import bench.quotes as bench_quotes

    articles = {
        name: (f"Harbour news\n\n“{said}” Leo Albright said.\n", [])
        for name, said in (("01.txt", "The boat leaked all winter,"), ("02.txt", "The nets held,"))
    }
    measure_only(monkeypatch, bench_quotes, {"tuned": write_set(tmp_path / "tuned", articles)})
    real_analyse = bench_quotes.analyse

    def analyse(text, *args, **kwargs):
        if "leaked" in text:
            raise NameError("name 'speaker' is not defined")
        return real_analyse(text, *args, **kwargs)

    monkeypatch.setattr(bench_quotes, "analyse", analyse)

    status = bench_quotes.main([])
    out = capsys.readouterr().out

    assert status == 1
    assert "2 article(s) could not be analysed" in out
    assert "tuned, cast absent/01.txt: analyser failed: NameError" in out
    assert "tuned, cast entered/01.txt: analyser failed: NameError" in out
    assert "tuned, cast absent/02.txt: analyser failed" not in out


def test_the_overall_row_leaves_the_held_out_set_out(tmp_path, monkeypatch, capsys):
    import bench.quotes as bench_quotes

    text = "Harbour news\n\n“The boat leaked all winter,” Leo Albright said.\n"
    sets = {
        group: write_set(
            tmp_path / group, {"01.txt": (text, [{"text": "The boat leaked all winter,", "speaker": who}])}
        )
        for group, who in (("tuned", "Leo Albright"), ("holdout", "Ines Caldwell"))
    }
    measure_only(monkeypatch, bench_quotes, sets)

    assert bench_quotes.main([]) == 0
    out = capsys.readouterr().out

    overall = next(line for line in out.splitlines() if line.startswith("OVERALL"))
    assert overall.split()[-5] == "1.000"  # speaker accuracy: the held-out miss is not in it
    assert re.search(r"holdout, cast absent \(all\).* 0\.000 ", out)
