import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command

from articles import demo
from articles.models import Article, ArticleSpoiler, Byline, Quote, SpoilerScope, TaggedArticle
from images.models import Image
from people.models import Character, Credit, Episode, Person, PersonAlias, PersonLink, Season, Work

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
DEMO_MODELS = [
    Person,
    PersonAlias,
    PersonLink,
    Work,
    Season,
    Episode,
    Character,
    Credit,
    Image,
    Article,
    Byline,
    Quote,
    SpoilerScope,
    ArticleSpoiler,
    TaggedArticle,
]


def snapshot() -> str:
    rows = []
    for model in DEMO_MODELS:
        rows.extend(model.objects.order_by("pk"))
    return serializers.serialize("json", rows)


def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo", stdout=StringIO())
    first = snapshot()

    output = StringIO()
    call_command("load_demo", stdout=output)

    assert snapshot() == first
    assert "0 created, 0 updated" in output.getvalue()


def test_reloading_restores_an_edited_demo_row():
    call_command("load_demo", stdout=StringIO())
    Person.objects.filter(slug="anna-maiche").update(name="Edited Name")
    report = demo.load()
    assert Person.objects.get(slug="anna-maiche").name == "Anna Maiche"
    assert report.updated >= 1


def test_demo_covers_the_series_and_every_article_kind():
    call_command("load_demo", stdout=StringIO())

    series = Work.objects.get(slug="tiny-pretty-things")
    assert series.based_on.kind == Work.Kind.NOVEL
    assert list(series.seasons.get(number=1).episodes.values_list("number", flat=True)) == list(range(1, 11))
    assert Person.objects.matching_name("Casimere Jolette").get().name == "Casimere Jollette"
    assert Credit.objects.filter(work=series, role=Credit.Role.CAST, character__isnull=False).count() >= 11
    assert Credit.objects.filter(work=series.based_on, role=Credit.Role.AUTHOR).count() == 2

    published = Article.objects.published()
    assert published.count() >= 6
    assert set(published.values_list("kind", flat=True)) == set(Article.Kind.values)
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Article.objects.scheduled().count() == 1
    assert published.filter(kind=Article.Kind.REVIEW, rating__isnull=False).exists()
    assert published.filter(kind=Article.Kind.RECAP, spoiler_items__severity="ending").exists()
    assert Quote.objects.filter(status=Quote.Status.CONFIRMED, article__in=published).exists()


def test_every_demo_quote_appears_word_for_word_in_its_article():
    call_command("load_demo", stdout=StringIO())
    for quote in Quote.objects.select_related("article"):
        assert quote.words in quote.article.body, quote.words


def test_with_editor_prints_a_random_password_that_logs_in(client):
    first, second = StringIO(), StringIO()
    call_command("load_demo", "--with-editor", stdout=first)
    call_command("load_demo", "--with-editor", stdout=second)

    passwords = [re.search(r"password (\S+)", out.getvalue()).group(1) for out in (first, second)]
    editor = get_user_model().objects.get(username="editor")

    assert passwords[0] != passwords[1]
    assert editor.is_staff and not editor.is_superuser
    assert client.login(username="editor", password=passwords[1])
    assert client.get("/admin/articles/article/").status_code == 200


def test_demo_prose_is_original_not_copied_from_the_seed_articles():
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}; the content check needs ../shared/seeds")
    demo_text = _words(json.dumps(json.loads(demo.DATA_FILE.read_text()), ensure_ascii=False))
    demo_runs = {tuple(demo_text[i : i + 8]) for i in range(len(demo_text) - 7)}
    for seed in SEEDS.glob("*.txt"):
        seed_words = _words(seed.read_text(encoding="utf-8"))
        copied = [
            " ".join(seed_words[i : i + 8])
            for i in range(len(seed_words) - 7)
            if tuple(seed_words[i : i + 8]) in demo_runs
        ]
        assert not copied, f"{seed.name} shares these runs of eight words with the demo: {copied[:3]}"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.replace("’", "'").lower())
