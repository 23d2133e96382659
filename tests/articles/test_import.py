"""The import command and the paste page: a public contract, and bad files explained."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Quote
from tests import factories
from tests.task_queue import drain, queued

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

OWN_ARTICLE = """Gala night at the Archer School: a short report

By Marisol Quartey

The academy's winter gala went ahead on Friday despite the storm.

“We rehearsed through the power cut with candles and a metronome,” Kylie Jefferson said. \
“It was the best rehearsal of the year.”

The evening ended with a standing ovation.
"""


@pytest.fixture
def cast():
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    factories.season(series, number=1, episodes=10)
    kylie = factories.person("Kylie Jefferson", slug="kylie-jefferson")
    factories.credit(kylie, series, role="cast", character=factories.character(series, "Neveah Stroyer"))
    factories.person("Marisol Quartey", slug="marisol-quartey")
    return series


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(tmp_path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_import_creates_a_draft_with_suggested_quotes(tmp_path, cast):
    out, _ = run(str(write(tmp_path, "gala.txt", OWN_ARTICLE)))
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.headline == "Gala night at the Archer School: a short report"
    assert [b.person.name for b in article.bylines.all()] == ["Marisol Quartey"]
    quotes = list(article.quotes.order_by("position"))
    assert quotes and all(q.status == Quote.Status.SUGGESTED for q in quotes)
    assert quotes[0].speaker.name == "Kylie Jefferson"
    assert "Imported 1 article(s); 0 file(s) refused." in out


def test_publish_flag_publishes_now(tmp_path, cast):
    run("--publish", str(write(tmp_path, "gala.txt", OWN_ARTICLE)))
    assert Article.objects.published().count() == 1


def test_dry_run_saves_nothing(tmp_path, cast):
    out, _ = run("--dry-run", str(write(tmp_path, "gala.txt", OWN_ARTICLE)))
    assert not Article.objects.exists()
    assert "Would import 1 article(s)" in out


def test_json_output_follows_the_documented_contract(tmp_path, cast):
    out, _ = run("--format", "json", str(write(tmp_path, "gala.txt", OWN_ARTICLE)))
    [item] = json.loads(out)
    assert set(item) == {
        "file",
        "title",
        "kind",
        "bylines",
        "image_credits",
        "spoiler",
        "quotes",
        "qa_turns",
        "credits",
        "new_people",
        "errors",
    }
    assert item["file"] == "gala.txt"
    assert item["bylines"] == ["Marisol Quartey"]
    assert set(item["spoiler"]) == {"flagged", "warning", "work", "season", "episode"}
    assert item["quotes"][0]["speaker"] == "Kylie Jefferson"
    assert set(item["quotes"][0]) == {"text", "speaker", "new", "candidates", "character", "confidence"}
    assert item["quotes"][0]["new"] is False
    assert not item["quotes"][0]["text"].startswith("“")


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"   \n", "empty.txt: the file is empty."),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "binary.txt: this looks like a binary file"),
        ("huge.txt", b"word " * (1024 * 1024), "huge.txt: the file is 5.0 MB"),
        (
            "broken.txt",
            b"Headline\n\n\x81\x8d\x8f\x90 bad bytes \xff\xfe\xfd" * 3,
            "broken.txt: the file is neither UTF-8",
        ),
    ],
)
def test_bad_files_are_refused_by_name_and_the_rest_still_import(tmp_path, cast, name, data, message):
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", OWN_ARTICLE)
    out, err = run(str(bad), str(good))
    assert message in err
    assert Article.objects.count() == 1
    assert "Imported 1 article(s); 1 file(s) refused." in out


def test_windows_1252_text_with_curly_quotes_imports_with_a_note(tmp_path, cast):
    path = write(tmp_path, "legacy.txt", OWN_ARTICLE.encode("cp1252"))
    out, _ = run(str(path))
    assert "legacy.txt: not UTF-8; read as Windows-1252." in out
    assert "“We rehearsed" in Article.objects.get().body


def test_unbalanced_quote_marks_are_reported_and_the_article_still_imports(tmp_path, cast):
    text = OWN_ARTICLE + "\n\n“This quote never closes, said nobody in particular and then went on.\n"
    out, _ = run("--format", "json", str(write(tmp_path, "unbalanced.txt", text)))
    [item] = json.loads(out)
    assert Article.objects.count() == 1
    assert any("quote" in error.lower() for error in item["errors"])


def test_progress_bar_shows_for_many_files(tmp_path, cast):
    paths = [str(write(tmp_path, f"a{n}.txt", OWN_ARTICLE.replace("Gala night", f"Gala night {n}"))) for n in range(5)]
    _, err = run(*paths)
    assert "5/5" in err
    assert Article.objects.count() == 5


def test_folders_import_their_text_files(tmp_path, cast):
    write(tmp_path, "one.txt", OWN_ARTICLE)
    write(tmp_path, "two.txt", OWN_ARTICLE.replace("Gala night", "Another night"))
    run(str(tmp_path))
    assert Article.objects.count() == 2


def test_seed_interview_imports_with_its_speakers(tmp_path):
    seed = SEEDS / "000_110f06a23277488c.txt"
    if not seed.exists():
        pytest.skip(f"seed articles not found at {SEEDS}")
    call_command("load_demo", stdout=StringIO())
    out, _ = run("--format", "json", "--dry-run", str(seed))
    [item] = json.loads(out)
    labels = json.loads(seed.with_suffix(".labels.json").read_text())
    assert item["title"] == labels["title"]
    assert item["bylines"] == labels["bylines"]
    assert item["spoiler"]["flagged"] is True
    assert {q["speaker"] for q in item["quotes"]} == {"Anna Maiche"}


def test_paste_page_creates_a_draft_and_opens_it(staff_client, cast):
    response = staff_client.post(reverse("admin:articles_article_paste"), {"text": OWN_ARTICLE})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == Article.Status.DRAFT and article.quotes.exists()
    assert article.created_by is not None  # the editor who pasted it owns the draft


INTERVIEW_WITH_NOTES = """Aiko Kimura on cold water and the second season of Gannet Head

By Marisol Quartey

Photo: Ama Boateng for Callboard

Aiko Kimura has swum in the North Sea forty-one times this year, and she is not finished.

“The cold is the easy part,” Kimura said. “The waiting is what gets you.”

This interview has been edited and condensed for clarity.
"""


def test_paste_takes_a_photo_credit_out_of_the_text_and_keeps_the_editors_note(staff_client, cast):
    response = staff_client.post(reverse("admin:articles_article_paste"), {"text": INTERVIEW_WITH_NOTES}, follow=True)
    article = Article.objects.get()
    page = response.content.decode()
    assert "Photo:" not in article.body and "Ama Boateng" not in article.body
    assert "Photo credit taken out of the text: “Ama Boateng for Callboard”" in page
    assert article.body.rstrip().endswith("This interview has been edited and condensed for clarity.")


def test_paste_page_explains_text_that_is_too_short_and_keeps_it(staff_client):
    response = staff_client.post(reverse("admin:articles_article_paste"), {"text": "Just a line"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "too short to be an article" in page and "Just a line" in page
    assert not Article.objects.exists()


def test_changelist_links_to_the_paste_page(staff_client):
    page = staff_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert reverse("admin:articles_article_paste") in page


NEW_SHOW_ARTICLE = """Harbour Lights sails into a second season

By Marisol Quartey

Aiko Kimura (Inspector Pell) and Leo Albright, who plays Captain Rook, spent the winter on the docks.

“We wanted the fog to feel alive,” Kimura said. “It took weeks.”

“The boat leaked from day one,” Albright grumbles.

“You will hang for this,” Inspector Pell warns the smugglers in the Season 1 finale.
"""


def test_people_the_article_introduces_are_reported_by_full_name_and_marked_new(tmp_path, cast):
    factories.person("Dana Albright", slug="dana-albright")
    out, _ = run("--dry-run", "--format", "json", str(write(tmp_path, "harbour.txt", NEW_SHOW_ARTICLE)))
    [item] = json.loads(out)
    assert [(quote["speaker"], quote["new"]) for quote in item["quotes"]] == [
        ("Aiko Kimura", True),
        ("Aiko Kimura", True),
        ("Leo Albright", True),
        ("Aiko Kimura", True),
    ]
    assert {(credit["person"], credit["character"], credit["new"]) for credit in item["credits"]} == {
        ("Aiko Kimura", "Inspector Pell", True),
        ("Leo Albright", "Captain Rook", True),
    }
    assert item["new_people"] == ["Aiko Kimura", "Leo Albright"]


def test_a_save_reads_the_body_exactly_as_its_import_did(tmp_path, cast):
    from articles import services

    run(str(write(tmp_path, "harbour.txt", NEW_SHOW_ARTICLE)))
    run(str(write(tmp_path, "gala.txt", OWN_ARTICLE)))
    columns = ("words", "speaker_id", "speaker_name", "candidates")
    for article in Article.objects.all():
        imported = list(article.quotes.order_by("position").values_list(*columns))
        assert imported
        # Without the import's suggestions to keep, the save finds every quote again itself.
        article.quotes.all().delete()
        editor = factories.member("Editor", f"editor-{article.pk}")
        services.article_save(article=article, user=editor, base_version=article.version)
        assert list(article.quotes.order_by("position").values_list(*columns)) == imported


def test_a_background_import_queues_each_good_file_and_a_worker_imports_it(tmp_path, cast, queue):
    bad = write(tmp_path, "binary.txt", b"\x00\x01\x02PK\x03\x04" * 100)
    good = [write(tmp_path, f"g{n}.txt", OWN_ARTICLE.replace("Gala night", f"Gala night {n}")) for n in range(3)]
    out, err = run("--background", "--publish", str(bad), *map(str, good))
    assert "binary.txt: this looks like a binary file" in err
    assert "Queued 3 file(s) for import; 1 refused." in out
    assert not Article.objects.exists()  # nothing imported until a worker runs
    assert queued("article_import") == 3

    assert drain() == 3
    assert Article.objects.published().count() == 3
    results = [result.return_value for result in DBTaskResult.objects.order_by("enqueued_at")]
    assert [result["file"] for result in results] == ["g0.txt", "g1.txt", "g2.txt"]
    assert {result["article"] for result in results} == set(Article.objects.values_list("pk", flat=True))
    assert all(result["quotes"][0]["speaker"] == "Kylie Jefferson" for result in results)


def test_a_background_dry_run_is_refused(tmp_path, cast, queue):
    with pytest.raises(CommandError, match="use one or the other"):
        run("--background", "--dry-run", str(write(tmp_path, "gala.txt", OWN_ARTICLE)))
    assert queued("article_import") == 0
