"""The spoiler contract over HTTP: no reader is shown a spoiler they have not revealed.

A small world is published through the editorial core (``article_save``, ``quote_save``,
``quote_confirm``), with bodies that use every spoiler shape of the spoiler contract (written up
for editors in docs/spoilers.md). Each piece of secret text carries a unique marker word, and
each marker knows the chain of spoilers around it, read off the contract alone. The
crawl then asks for every address the URL configuration declares, as a reader with no progress,
with progress cookies just short of each secret, and as feeds cut with ``?through=``, and follows
the links it finds. A marker may reach a reader only where the contract lets that reader see it:

- on a page, in the text and attribute values a reader sees; inside a closed
  ``<details class="spoiler">`` or an unchecked inline spoiler it is not seen;
- in a page's title, meta and Open Graph tags and JSON-LD, never, whoever asks;
- in a feed, only if the feed's own scope (``?through=``, or the whole work for a spoilers feed)
  covers it; in a sitemap, never;
- in search, never: neither in a result nor as the word that finds an article;
- in a quote row's words only if the row's spoiler scope hides it from the same readers, and in
  the words of a quote with a card never.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from hypothesis import Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles import services
from articles.models import Article, ArticleSpoiler, Byline, Quote, SpoilerScope
from articles.text.scope import Scope, covers, parse_scope
from images.models import Image
from people.models import Character, Credit, Person, Work
from reader.progress import COOKIE_NAME, covered_by
from reader.sitemaps import SITEMAPS
from tests import factories

pytestmark = pytest.mark.django_db

SEASONS: dict[str, dict[int, int]] = {"the-show": {1: 10, 2: 8}, "other-show": {1: 10, 2: 8}}
# Handwritten markers are "zq" and lower-case letters; none holds another, so a plain search finds each.
MARKER_RE = re.compile(r"zq[a-z]+")
UNSCOPED = None  # in a chain: a spoiler nobody may open (no scope, an unreadable one, dropped text)


@dataclass(frozen=True)
class Secret:
    """Text only some readers may see: the spoilers around it, outermost first, and its shape."""

    chain: tuple[Scope | None, ...]
    shape: str
    # Whether a reader whose progress covers the chain must find it shown; False where the
    # contract leaves that to the renderer (a table with `||` in a row may be hidden whole).
    reveals: bool = True


def _s(*chain: str | None, shape: str, reveals: bool = True) -> Secret:
    return Secret(tuple(UNSCOPED if attr is UNSCOPED else parse_scope(attr) for attr in chain), shape, reveals)


NEVER = (UNSCOPED,)


@dataclass(frozen=True)
class Piece:
    """One article as an editor writes it, with what its body hides from whom."""

    slug: str
    kind: str
    works: tuple[str, ...]
    spoiler_tags: tuple[tuple[str, int | None, int | None], ...]
    body: str
    secrets: dict[str, Secret]
    authors: tuple[str, ...] = ("Lena Brightwater",)
    topics: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    # Quotes the analyser finds (named by a marker in their words) that the editor confirms.
    confirm: tuple[str, ...] = ()
    # Quotes the editor adds by hand, (words, speaker), confirmed.
    added_quotes: tuple[tuple[str, str], ...] = ()
    state: str = "live"  # "live", "scheduled" or "draft"
    hero: bool = False
    reviewed_season: int | None = None
    # Markers surely shown to every reader; None: every marker of the body and headline not secret.
    public: tuple[str, ...] | None = None

    @property
    def headline(self) -> str:
        return f"{self.slug.replace('-', ' ').capitalize()} zq{self.slug.replace('-', '')}"


PIECES = [
    Piece(
        slug="recap-unclosed-in-a-list",
        kind="recap",
        works=("the-show",),
        spoiler_tags=(("the-show", 1, 8),),
        topics=("show-recaps",),
        hero=True,
        body=(
            "The week began quietly zqlistpub.\n\n"
            "- A public item zqlistitem\n"
            "- ::: spoiler S1E8\n"
            "  In this item zqlistsecret happens.\n"
            "- A later item zqlistlater\n"
            "- Another item zqlistlast\n\n"
            "A closing paragraph zqlisttail.\n\n"
            "## A heading after the list zqlisthead\n\n"
            "> A quoted line zqlistquote\n"
        ),
        secrets={
            marker: _s("the-show:s1e8", shape="unclosed block in a list item, runs to the end of the document")
            for marker in ("zqlistsecret", "zqlistlater", "zqlistlast", "zqlisttail", "zqlisthead", "zqlistquote")
        },
    ),
    Piece(
        slug="nested-spoilers",
        kind="feature",
        works=("the-show",),
        spoiler_tags=(("the-show", 2, 2),),
        authors=("Tomas Reyes",),
        topics=("show-theories",),
        body=(
            "An essay on the show zqnestpub.\n\n"
            "::: spoiler S1E3\n"
            "Outer secret zqnestouter.\n\n"
            "::: spoiler S2E2\n"
            "Inner secret zqnestinner.\n"
            ":::\n\n"
            "Back in the outer spoiler zqnestback.\n"
            ":::\n\n"
            "After both spoilers zqnestafter.\n\n"
            "Also ||S1E10: late zqinlate ||S1E3: early zqinearly|| tail zqtailoflate|| done zqinlinepub.\n"
        ),
        secrets={
            "zqnestouter": _s("the-show:s1e3", shape="outer of nested blocks with the same colon count"),
            "zqnestinner": _s("the-show:s1e3", "the-show:s2e2", shape="inner of nested blocks"),
            "zqnestback": _s("the-show:s1e3", shape="outer block after its inner block closed"),
            "zqinlate": _s("the-show:s1e10", shape="outer of nested inline spoilers"),
            "zqinearly": _s("the-show:s1e10", "the-show:s1e3", shape="inner of nested inline spoilers"),
            "zqtailoflate": _s("the-show:s1e10", shape="outer inline spoiler after its inner one closed"),
        },
    ),
    Piece(
        slug="review-with-pictures",
        kind="review",
        works=("the-show",),
        spoiler_tags=(("the-show", 1, 7),),
        topics=("show-recaps",),
        body=(
            "A review with pictures zqimgpub.\n\n"
            "![The ||S1E4: zqaltsecret|| scene](image:FIRST)\n\n"
            '![A public alt zqpublicalt](image:FIRST "A caption hiding ||S1E5: zqcapsecret|| inside")\n\n'
            "::: spoiler S1E7\n"
            '![Alt inside the spoiler zqimgblockalt](image:SECOND "Caption inside the spoiler zqimgblockcap")\n\n'
            "Text beside the picture zqimgblocktext.\n"
            ":::\n\n"
            "The end of the review zqimgend.\n"
        ),
        secrets={
            "zqaltsecret": _s(*NEVER, shape="inline spoiler in an image's alt (dropped from the alt)"),
            "zqcapsecret": _s(*NEVER, shape="inline spoiler in an image's caption (caption dropped)"),
            "zqimgblockalt": _s("the-show:s1e7", shape="alt of a library image inside a spoiler block"),
            "zqimgblockcap": _s("the-show:s1e7", shape="caption of a library image inside a spoiler block"),
            "zqimgblocktext": _s("the-show:s1e7", shape="text beside an image inside a spoiler block"),
        },
    ),
    Piece(
        slug="interview-with-the-cast",
        kind="interview",
        works=("the-show",),
        spoiler_tags=(("the-show", 2, 5),),
        authors=("Tomas Reyes",),
        topics=("interviews",),
        people=("Marta Quell", "Dorian Faulk"),
        body=(
            "Marta Quell sat down with us zqintpub.\n\n"
            "“I always knew the first half of the story zqquotepub,” said Marta Quell.\n\n"
            "“When we shot the finale I could not stop laughing zqquotefirst.\n\n"
            "“But the moment ||S1E6: Ida Vane betrays the captain zqquotesecond|| changed everything,” "
            "said Marta Quell.\n\n"
            "“Nobody will guess that zqquoteinline ||S1E9: the captain dies zqquoteinsecret||,” said Dorian Faulk.\n\n"
            "::: spoiler S2E5\n"
            "“I cried for days when the tower fell zqquoteblock,” said Priya Okafor.\n"
            ":::\n\n"
            "“We wrote the second season in a hurry zqquoteplain,” Priya Okafor said.\n\n"
            "“The ending was always going to hurt zqbqfirst.\n\n"
            "::: spoiler S1E10\n"
            "“Everyone dies in the fire zqbqsecond,” said Marta Quell.\n"
            ":::\n"
        ),
        secrets={
            "zqquotesecond": _s("the-show:s1e6", shape="quote over two paragraphs, the second's words in a spoiler"),
            "zqquoteinsecret": _s("the-show:s1e9", shape="inline spoiler inside a quote's words"),
            "zqquoteblock": _s("the-show:s2e5", shape="quote inside a spoiler block"),
            "zqbqsecond": _s("the-show:s1e10", shape="quote over two paragraphs, the second in a spoiler block"),
        },
        confirm=("zqquotepub", "zqquotesecond", "zqquoteinsecret", "zqquoteblock", "zqquoteplain", "zqbqsecond"),
        added_quotes=(
            ("The ending was always going to hurt zqbqfirst.\n\nEveryone dies in the fire zqbqsecond,", "Marta Quell"),
        ),
    ),
    Piece(
        slug="code-and-links",
        kind="news",
        works=("the-show",),
        spoiler_tags=(("the-show", 1, 5),),
        topics=("show-news",),
        body=(
            "Type `a||b` to split a cell zqcodepub, then ||S1E2: zqcodeafter|| is revealed.\n\n"
            "Literal pipes \\|\\|S1E2: stay text zqliteralpub\\|\\| here.\n\n"
            "In code, `||S1E3: zqincode||` stays code.\n\n"
            "See [the guide][guide] for more zqrefpub.\n\n"
            "::: spoiler S1E5\n"
            "Background zqrefblock.\n\n"
            '[guide]: https://example.com/zqrefurl "zqreftitle"\n'
            ":::\n\n"
            '[A public link](https://example.com/ok "Title with ||S1E2: zqlinktitle||") zqlinkpub.\n\n'
            "::: spoiler S1E4\n"
            "Secret before the code zqfencebefore.\n\n"
            "```text\n"
            ":::\n"
            "```\n\n"
            "Still secret after the code zqfenceafter.\n"
            ":::\n\n"
            "```text\n"
            "::: spoiler S1E1\n"
            "code, not a marker zqfencepub\n"
            "```\n\n"
            "Public after the fence zqfenceend.\n"
        ),
        secrets={
            "zqcodeafter": _s("the-show:s1e2", shape="inline spoiler after a code span holding ||"),
            "zqrefblock": _s("the-show:s1e5", shape="spoiler block holding a link reference definition"),
            "zqrefurl": _s(*NEVER, shape="address of a reference defined inside a spoiler, used outside it"),
            "zqreftitle": _s(*NEVER, shape="title of a reference defined inside a spoiler, used outside it"),
            "zqlinktitle": _s(*NEVER, shape="inline spoiler in a link title (title dropped)"),
            "zqfencebefore": _s("the-show:s1e4", shape="spoiler block holding a fenced :::"),
            "zqfenceafter": _s("the-show:s1e4", shape="spoiler text after a fenced ::: (code, not a closer)"),
        },
    ),
    Piece(
        slug="tables-footnotes-headings",
        kind="feature",
        works=("the-show",),
        spoiler_tags=(("the-show", 2, 3),),
        authors=("Tomas Reyes",),
        topics=("show-theories",),
        body=(
            "## The ||S2E3: zqheadsecret|| reveal\n\n"
            "## Who fell? ||S1E2: zqheadopen\n\n"
            "A public paragraph after the headings zqheadpub.\n\n"
            "| Episode | What happens |\n"
            "| --- | --- |\n"
            "| S1E1 | A public cell |\n"
            "| S1E5 | ||S1E5: zqcellsecret|| |\n"
            "| S2E1 | ||S2E1: zqcellopen |\n\n"
            "::: spoiler S2E3\n"
            "| Hidden | Table |\n"
            "| --- | --- |\n"
            "| zqtablehidden | row |\n"
            ":::\n\n"
            "| Public | Table |\n"
            "| --- | --- |\n"
            "| zqtablepub | row |\n\n"
            "A claim with a footnote.[^1] zqnotepub\n\n"
            "::: spoiler S2E1\n"
            "[^1]: The footnote reveals zqfootsecret.\n"
            ":::\n\n"
            "Another claim.[^2]\n\n"
            "[^2]: A public footnote with ||S1E9: zqfootinline|| inside.\n"
        ),
        secrets={
            "zqheadsecret": _s("the-show:s2e3", shape="inline spoiler in a heading"),
            "zqheadopen": _s("the-show:s1e2", shape="unclosed inline spoiler in a heading"),
            "zqcellsecret": _s("the-show:s1e5", shape="inline spoiler in a table cell", reveals=False),
            "zqcellopen": _s("the-show:s2e1", shape="unclosed inline spoiler in a table cell", reveals=False),
            "zqtablehidden": _s("the-show:s2e3", shape="table inside a spoiler block"),
            "zqfootsecret": _s("the-show:s2e1", shape="footnote defined inside a spoiler block"),
            "zqfootinline": _s("the-show:s1e9", shape="inline spoiler in a footnote"),
        },
    ),
    Piece(
        slug="both-shows-return",
        kind="news",
        works=("the-show", "other-show"),
        spoiler_tags=(),
        topics=("show-news",),
        body=(
            "Both shows return this autumn zqbothpub.\n\n"
            ":::\n\n"
            "A stray closer above changes nothing zqstraypub.\n\n"
            "::: spoiler\n"
            "No scope and no default zqunscoped.\n"
            ":::\n\n"
            "Then ||bare inline zqbareinline|| after.\n\n"
            "::: spoiler S1E5\n"
            "A scope without a work zqnowork.\n"
            ":::\n\n"
            "::: spoiler other-show:s1e2\n"
            "The other show's twist zqothertwist.\n"
            ":::\n\n"
            "> ::: spoiler the-show:s1e5\n"
            "> A quoted secret zqbqsecret.\n"
            "> :::\n"
            ">\n"
            "> A public quoted line zqbqpub.\n\n"
            "Last words zqbothend.\n"
        ),
        secrets={
            "zqunscoped": _s(*NEVER, shape="block spoiler with no scope and no article default"),
            "zqbareinline": _s(*NEVER, shape="inline spoiler with no scope and no article default"),
            "zqnowork": _s(*NEVER, shape="episode scope in an article about several works"),
            "zqothertwist": _s("other-show:s1e2", shape="block spoiler naming another work"),
            "zqbqsecret": _s("the-show:s1e5", shape="spoiler block inside a block quote"),
        },
    ),
    Piece(
        slug="season-two-review",
        kind="review",
        works=("the-show",),
        spoiler_tags=(("the-show", 2, None),),
        authors=("Tomas Reyes",),
        topics=("show-recaps",),
        reviewed_season=2,
        body=(
            "A review of the second season zqreviewpub.\n\n"
            "::: spoiler\n"
            "Default-scoped secret zqdefault.\n"
            ":::\n\n"
            "::: Spoilers: S2\n"
            "Season-scoped secret zqseasonscope.\n"
            ":::\n\n"
            "::: spolier S1E5\n"
            "A misspelt opener zqtypo.\n"
            ":::\n\n"
            "::: S1E6\n"
            "A bare scope opener zqbarescope.\n"
            ":::\n\n"
            "The verdict stands zqreviewend.\n"
        ),
        secrets={
            "zqdefault": _s("the-show:s2", shape="block spoiler taking the article's scope (a whole season)"),
            "zqseasonscope": _s("the-show:s2", shape="'::: Spoilers: S2' whole-season block"),
            "zqtypo": _s(*NEVER, shape="misspelt opener '::: spolier S1E5'"),
            "zqbarescope": _s("the-show:s1e6", shape="opener without the word, '::: S1E6'"),
        },
    ),
    Piece(
        slug="other-show-interview",
        kind="interview",
        works=("other-show",),
        spoiler_tags=(("other-show", 1, 4),),
        topics=("interviews",),
        people=("Hal Ingram",),
        body=(
            "Hal Ingram on the new show zqhalpub.\n\n"
            "“I loved every single day on that set zqhalquote,” said Hal Ingram.\n\n"
            "::: spoiler S1E4\n"
            "“The ending zqhalsecret broke me completely,” said Hal Ingram.\n"
            ":::\n\n"
            "A crossover hint: ||the-show:s2e1: zqcrossover|| for fans.\n"
        ),
        secrets={
            "zqhalsecret": _s("other-show:s1e4", shape="quote inside a spoiler block (the article's own work)"),
            "zqcrossover": _s("the-show:s2e1", shape="inline spoiler naming another work"),
        },
        confirm=("zqhalquote", "zqhalsecret"),
    ),
    Piece(
        slug="spoilers-inside-spoilers-and-links",
        kind="feature",
        works=("the-show",),
        spoiler_tags=(("the-show", 1, 9),),
        topics=("show-theories",),
        body=(
            "Links and nesting zqlinkspub.\n\n"
            "::: spoiler S1E3\n"
            "Early block zqearlyblock with ||S1E9: a later inline zqlaterinline|| inside.\n"
            ":::\n\n"
            "Then ||S1E2: early zqearlyinline ||S1E9: later zqlaternested|| back zqbackearly|| done.\n\n"
            "Read [the ending ||S1E8: zqlinkopen and the rest](https://example.com/zqhrefsecret) after zqlinkafter.\n\n"
            "Read [the ||S1E6: burning of the set zqquoteinlink|| story](https://example.com/fire) today.\n\n"
            "::: spoiler S1E2\n"
            "See [the note][late] zqrefuse.\n"
            ":::\n\n"
            "::: spoiler S1E9\n"
            '[late]: https://example.com/zqrefother "zqlatetitle"\n'
            ":::\n"
        ),
        secrets={
            "zqearlyblock": _s("the-show:s1e3", shape="block spoiler holding a later inline spoiler"),
            "zqlaterinline": _s("the-show:s1e3", "the-show:s1e9", shape="later inline spoiler inside an earlier block"),
            "zqearlyinline": _s("the-show:s1e2", shape="earlier inline spoiler holding a later one"),
            "zqlaternested": _s("the-show:s1e2", "the-show:s1e9", shape="later inline spoiler inside an earlier one"),
            "zqbackearly": _s("the-show:s1e2", shape="earlier inline spoiler after its later inner one"),
            "zqlinkopen": _s("the-show:s1e8", shape="unclosed inline spoiler opened in a link's text"),
            "zqhrefsecret": _s("the-show:s1e8", shape="address of a link whose text opens an unclosed spoiler"),
            "zqlinkafter": _s("the-show:s1e8", shape="text after a link whose text opens an unclosed spoiler"),
            "zqquoteinlink": _s("the-show:s1e6", shape="confirmed quote inside an inline spoiler in a link's text"),
            "zqrefuse": _s("the-show:s1e2", shape="text beside a link defined in another spoiler"),
            "zqrefother": _s(*NEVER, shape="address of a reference defined in a spoiler not enclosing its use"),
            "zqlatetitle": _s(*NEVER, shape="title of a reference defined in a spoiler not enclosing its use"),
        },
        added_quotes=(("burning of the set zqquoteinlink", "Marta Quell"),),
    ),
    Piece(
        slug="coming-soon",
        kind="news",
        works=("the-show",),
        spoiler_tags=(),
        topics=("show-news",),
        state="scheduled",
        body="Not public yet zqscheduledbody.\n",
        secrets={},
    ),
    Piece(
        slug="still-a-draft",
        kind="news",
        works=("the-show",),
        spoiler_tags=(),
        topics=("drafts-only",),
        state="draft",
        body="Not public at all zqdraftbody.\n",
        secrets={},
    ),
]


# --- The world ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """What every article stands on: the works, their people, two library images, an editor."""

    works: dict[str, Work]
    people: dict[str, Person]
    images: tuple[Image, Image]
    editor: AbstractBaseUser


@dataclass(frozen=True)
class Cut:
    """A reader's progress; the articles whose spoilers it stops just short of (None: all of
    them); the works it stops short in, whose feeds are asked for with it."""

    progress: dict[str, Scope]
    articles: frozenset[str] | None = None
    works: tuple[str, ...] = ()


@dataclass
class World:
    secrets: dict[str, Secret] = field(default_factory=dict)  # hidden from a reader without progress
    public: dict[str, str] = field(default_factory=dict)  # surely shown to everyone: marker → article slug
    home: dict[str, str] = field(default_factory=dict)  # every marker → its article's slug
    cuts: list[Cut] = field(default_factory=list)


def build_stage() -> Stage:
    works = {
        slug: factories.work(slug.replace("-", " ").title(), slug=slug, synopsis="A drama about a theatre company.")
        for slug in SEASONS
    }
    for slug, seasons in SEASONS.items():
        for number, episodes in seasons.items():
            factories.season(works[slug], number=number, episodes=episodes)
    names = ("Marta Quell", "Dorian Faulk", "Priya Okafor", "Hal Ingram", "Lena Brightwater", "Tomas Reyes")
    people = {name: factories.person(name, slug=name.lower().replace(" ", "-")) for name in names}
    show = works["the-show"]
    factories.credit(people["Marta Quell"], show, role="cast", character=factories.character(show, "Ida Vane"))
    factories.credit(people["Dorian Faulk"], show, role="cast", character=factories.character(show, "Captain Roe"))
    factories.credit(people["Priya Okafor"], show, role=Credit.Role.CREATOR)
    other = works["other-show"]
    factories.credit(people["Hal Ingram"], other, role="cast", character=factories.character(other, "Bosun Pike"))
    images = (factories.image(alt_text="A stage"), factories.image(alt_text="A tower", caption="The tower"))
    return Stage(works=works, people=people, images=images, editor=factories.member("Editor"))


def publish(piece: Piece, stage: Stage, *, when) -> Article:
    """Save the piece through the core as an editor would: its relations, the state asked for,
    then the quote decisions."""
    works, people, editor = stage.works, stage.people, stage.editor
    first, second = stage.images
    body = piece.body.replace("image:FIRST", f"image:{first.pk}").replace("image:SECOND", f"image:{second.pk}")
    article = Article(slug=piece.slug, headline=piece.headline, kind=piece.kind, body=body)
    if piece.hero:
        article.hero_image = factories.image(alt_text="The cast on a stage", caption="The cast, in costume")
    if piece.reviewed_season:
        article.reviewed_work = works[piece.works[0]]
        article.reviewed_season = article.reviewed_work.seasons.get(number=piece.reviewed_season)

    def save_related() -> None:
        article.works.set([works[slug] for slug in piece.works])
        article.people.set([people[name] for name in piece.people])
        article.tags.set(list(piece.topics))
        for position, name in enumerate(piece.authors):
            Byline.objects.create(article=article, person=people[name], label="TV Critic", position=position)
        for work, season, episode in piece.spoiler_tags:
            scope = SpoilerScope.objects.for_numbers(work=works[work], season_number=season, episode_number=episode)
            ArticleSpoiler.objects.create(content_object=article, tag=scope)

    status = Article.Status.DRAFT if piece.state == "draft" else Article.Status.PUBLISHED
    services.article_save(article=article, user=editor, status=status, publish_at=when, save_related=save_related)
    for marker in piece.confirm:
        services.quote_confirm(quote=article.quotes.get(words__contains=marker), user=editor)
    for words, speaker in piece.added_quotes:
        quote = Quote(article=article, words=words, speaker=people[speaker], speaker_name=speaker)
        services.quote_confirm(quote=services.quote_save(quote=quote, user=editor), user=editor)
    return article


def publish_world(pieces: Iterable[Piece], stage: Stage) -> World:
    """Publish the pieces, newest first, and note who may see each marker and the cuts to read at."""
    world = World()
    now = timezone.now()
    for index, piece in enumerate(pieces):
        when = now + timedelta(days=3) if piece.state == "scheduled" else now - timedelta(hours=index + 1)
        publish(piece, stage, when=when)
        assert all(marker in piece.body for marker in piece.secrets), f"{piece.slug}: a secret is not in the body"
        markers = {*MARKER_RE.findall(piece.body + piece.headline), *piece.secrets, *(piece.public or ())}
        if piece.state == "live":
            public = piece.public if piece.public is not None else markers - set(piece.secrets)
            world.secrets.update(piece.secrets)
            world.public.update(dict.fromkeys(public, piece.slug))
        else:
            world.secrets.update({marker: _s(*NEVER, shape=f"in a {piece.state} article") for marker in markers})
        world.home.update(dict.fromkeys(markers, piece.slug))
    every = [*world.secrets, *world.public]
    overlapping = [(a, b) for a in every for b in every if a != b and a in b]
    assert not overlapping, f"markers must not contain one another: {overlapping}"
    world.cuts = progress_cuts(world)
    return world


# --- Who may see what -----------------------------------------------------------------------------


def may_see(progress: Mapping[str, Scope], secret: Secret) -> bool:
    """The contract's one rule: every spoiler around the text is covered by the reader's progress."""
    for spoiler in secret.chain:
        reached = progress.get(spoiler.work or "") if spoiler is not None else None
        if reached is None or not covers(reached, spoiler, season_lengths=SEASONS.get(spoiler.work or "")):
            return False
    return True


def just_short_of(spoiler: Scope) -> Scope | None:
    """The furthest progress in the spoiler's work that does not reach it (None: nothing watched)."""
    lengths = SEASONS[spoiler.work]
    season = spoiler.season or max(lengths)
    episode = spoiler.episode or lengths[season]
    if episode > 1:
        return Scope(spoiler.work, season, episode - 1)
    if season > 1:
        return Scope(spoiler.work, season - 1)
    return None


def progress_cuts(world: World) -> list[Cut]:
    """No progress; everything watched; and for every spoiler of every chain, progress just short
    of it with every other work watched in full, so that spoiler alone keeps its text hidden."""
    everything = {work: Scope(work) for work in SEASONS}
    cuts: dict[str, tuple[dict[str, Scope], set[str], str]] = {}
    for marker, secret in world.secrets.items():
        for spoiler in secret.chain:
            if spoiler is None or spoiler.work not in SEASONS:
                continue  # nobody's: the cut with everything watched is short of it
            progress = {work: scope for work, scope in everything.items() if work != spoiler.work}
            if (short := just_short_of(spoiler)) is not None:
                progress[spoiler.work] = short
            cuts.setdefault(cookie(progress), (progress, set(), spoiler.work))[1].add(world.home[marker])
    return [
        Cut({}),
        Cut(everything, works=tuple(everything)),
        *(Cut(progress, frozenset(slugs), (work,)) for progress, slugs, work in cuts.values()),
    ]


def cookie(progress: Mapping[str, Scope]) -> str:
    return "|".join(sorted(scope.attr for scope in progress.values()))


def through(scope: Scope) -> str:
    """The ``?through=`` value a feed reader writes for this progress."""
    return scope.code.lower() or "all"


@dataclass(frozen=True)
class Reader:
    """Who is asking: what the contract lets them see, and the cookie their browser sends."""

    label: str
    progress: Mapping[str, Scope]
    cookie: str = ""

    @classmethod
    def with_progress(cls, progress: Mapping[str, Scope]) -> Reader:
        value = cookie(progress)
        return cls(f"cookie {value}" if value else "no progress", progress, value)


NO_PROGRESS = Reader("no progress", {})


# --- What a reader sees -----------------------------------------------------------------------------

VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class _Element:
    tag: str
    hidden: bool  # its text and attributes are out of the reader's sight
    spoiler: str = ""  # "block" or "inline" for a reveal control
    is_open: bool = True  # for a reveal control: opened (details) or checked (inline)


class _PageReader(HTMLParser):
    """Splits a page into what a reader sees (text and attribute values outside closed spoilers),
    its metadata (title, the head's meta and link tags, JSON-LD) and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Element] = []
        self.seen: list[str] = []
        self.metadata: list[str] = []
        self.links: list[str] = []
        self.in_head = False
        self.script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = set(values.get("class", "").split())
        parent = self.stack[-1] if self.stack else None
        hidden = parent is not None and _hides(parent, tag, classes)
        if tag == "head":
            self.in_head = True
        elif tag == "script":
            self.script = values.get("type", "").lower()
        elif tag == "input" and "spoiler-toggle" in classes and parent is not None and parent.spoiler == "inline":
            parent.is_open = "checked" in values
        if not hidden:
            self.seen.extend(values.values())
            if self.in_head and tag in {"meta", "link"}:
                self.metadata.extend(values.values())
            self.links.extend(values[name] for name in ("href", "src") if values.get(name))
        if tag in VOID_TAGS:
            return
        element = _Element(tag, hidden)
        if tag == "details" and "spoiler" in classes:
            element.spoiler, element.is_open = "block", "open" in values
        elif tag == "span" and "spoiler" in classes:
            element.spoiler, element.is_open = "inline", False
        self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag == "script":
            self.script = None
        if any(element.tag == tag for element in self.stack):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            if self.script == "application/ld+json":  # read by search engines, whoever asked
                self.metadata.append(json.dumps(json.loads(data), ensure_ascii=False))
            return
        if self.stack and self.stack[-1].hidden:
            return
        self.seen.append(data)
        if self.stack and self.stack[-1].tag == "title":
            self.metadata.append(data)


def _hides(parent: _Element, tag: str, classes: set[str]) -> bool:
    """Whether a child of ``parent`` is out of sight: everything in a hidden element, a closed
    ``<details>`` but its summary, an unchecked inline spoiler's content."""
    if parent.hidden:
        return True
    if parent.spoiler == "block" and not parent.is_open:
        return tag != "summary"
    if parent.spoiler == "inline" and not parent.is_open:
        return "spoiler-content" in classes
    return False


@dataclass(frozen=True)
class Seen:
    text: str  # what the reader sees, lower-cased
    metadata: str  # what search engines and link previews read, lower-cased
    links: list[str]


def read_page(content: str) -> Seen:
    reader = _PageReader()
    reader.feed(content)
    reader.close()
    return Seen(" ".join(reader.seen).lower(), " ".join(reader.metadata).lower(), reader.links)


# --- The crawl ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leak:
    url: str
    reader: str
    marker: str
    where: str


class Crawl:
    """Asks the site for addresses as one reader or another and keeps every marker shown to a
    reader the contract hides it from."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.leaks: set[Leak] = set()
        self.clients: dict[str, Client] = {}
        self.visited: set[tuple[str, str]] = set()
        self.pages: dict[tuple[str, str], Seen] = {}

    def client(self, reader: Reader) -> Client:
        if reader.cookie not in self.clients:
            client = Client()
            if reader.cookie:
                client.cookies[COOKIE_NAME] = reader.cookie
            self.clients[reader.cookie] = client
        return self.clients[reader.cookie]

    def visit(self, url: str, reader: Reader) -> list[str]:
        """Read ``url`` as ``reader``, note its leaks, and return the links it shows."""
        if (url, reader.label) in self.visited:
            return []
        self.visited.add((url, reader.label))
        response = self.client(reader).get(url)
        assert response.status_code in (200, 301, 302, 404), f"{url} answered {response.status_code}"
        if response.status_code != 200:
            return [response["Location"]] if response.has_header("Location") else []
        kind = response["Content-Type"].split(";")[0]
        if kind.startswith("image/"):
            return []  # the site's icon and other pictures: no text in them to give a spoiler away
        content = response.content.decode()
        if kind != "text/html":
            self.check(url, reader, html.unescape(html.unescape(content)).lower(), reader.progress, kind)
            # In JSON a quote mark inside a string is escaped: the backslash ends an address too.
            return re.findall(r"https?://testserver(/[^\s\"'<\\]*)", content)
        seen = self.pages[url, reader.label] = read_page(content)
        text, metadata = seen.text, seen.metadata
        # A search page repeats what the reader typed: that is not the site telling them.
        if query := parse_qs(urlsplit(url).query).get("q", [""])[0].lower():
            text, metadata = text.replace(query, " "), metadata.replace(query, " ")
            if query in self.world.secrets and '<article class="card' in content:
                self.leaks.add(Leak(url, reader.label, query, "search finds articles by this secret word"))
        self.check(url, reader, text, reader.progress, "page")
        self.check(url, reader, metadata, {}, "title, meta tags or JSON-LD")
        return seen.links

    def check(self, url: str, reader: Reader, text: str, progress: Mapping[str, Scope], where: str) -> None:
        for marker, secret in self.world.secrets.items():
            if marker in text and not may_see(progress, secret):
                self.leaks.add(Leak(url, reader.label, marker, where))

    def report(self) -> str:
        by_marker: dict[str, dict[tuple[str, str], list[str]]] = {}
        for leak in self.leaks:
            by_marker.setdefault(leak.marker, {}).setdefault((leak.where, leak.url), []).append(leak.reader)
        lines = [f"{len(by_marker)} secrets reached readers who had not revealed them:"]
        for marker in sorted(by_marker, key=lambda marker: (self.world.home[marker], marker)):
            secret = self.world.secrets[marker]
            lines.append(f"{marker} in {self.world.home[marker]}: {secret.shape} [{chain_label(secret.chain)}]")
            # Pages first, then metadata and search, then feeds and sitemaps.
            places = sorted(by_marker[marker].items(), key=lambda place: (WHERE_ORDER.get(place[0][0], 9), place[0]))
            for (where, url), readers in places[:8]:
                readers = sorted(readers, key=lambda label: (label != "no progress", label))
                more = f" and {len(readers) - 2} more" if len(readers) > 2 else ""
                lines.append(f"    {url} ({where}) to {', '.join(readers[:2])}{more}")
            if len(places) > 8:
                lines.append(f"    ... and {len(places) - 8} more addresses")
        return "\n".join(lines)


WHERE_ORDER = {"page": 0, "title, meta tags or JSON-LD": 1, "search finds articles by this secret word": 2}


def chain_label(chain: Iterable[Scope | None]) -> str:
    return " > ".join("unscoped" if scope is None else scope.attr for scope in chain)


# --- The addresses -------------------------------------------------------------------------------------

Arguments = Callable[[], Iterable[dict]]


def route_arguments() -> dict[str, Arguments]:
    """How the crawl fills in each named address of the URL configuration, from the database."""

    def single():
        return [{}]

    def kinds():
        return [{"kind": kind} for kind in Article.Kind.values]

    def tags():
        return [{"slug": tag.slug} for tag in Article.objects.published().topic_tags()]

    def works():
        return [{"slug": slug} for slug in Work.objects.values_list("slug", flat=True)]

    def people():
        return [{"slug": slug} for slug in Person.objects.values_list("slug", flat=True)]

    def articles():
        return [{"slug": slug} for slug in Article.objects.values_list("slug", flat=True)]

    def quotes():
        return [{"pk": pk} for pk in Quote.objects.values_list("pk", flat=True)]

    def characters():
        return [{"work_slug": work, "slug": slug} for work, slug in Character.objects.values_list("work__slug", "slug")]

    return {
        "articles:home": single,
        "articles:article_detail": articles,
        "articles:kind_archive": kinds,
        "articles:tag_detail": tags,
        "articles:quote_detail": quotes,
        "articles:feed_rss": single,
        "articles:feed_atom": single,
        "articles:kind_feed_rss": kinds,
        "articles:kind_feed_atom": kinds,
        "articles:tag_feed_rss": tags,
        "articles:tag_feed_atom": tags,
        "articles:work_feed_rss": works,
        "articles:work_feed_atom": works,
        "articles:work_spoilers_feed_rss": works,
        "articles:work_spoilers_feed_atom": works,
        "articles:person_feed_rss": people,
        "articles:person_feed_atom": people,
        "people:person_detail": people,
        "people:work_detail": works,
        "people:character_detail": characters,
        "search:search": single,
        "sitemap": single,
        "sitemap_section": lambda: [{"section": section} for section in SITEMAPS],
        "robots_txt": single,
        # The content API: its lists and the addresses they link to (filters, cursors) are
        # followed like any page's links; bodies, quotes and JSON are read as a feed's text is.
        "api:reference": single,
        "api:schema": single,
        "api:root": single,
        "api:article_list": single,
        "api:article_detail": articles,
        "api:person_list": single,
        "api:person_detail": people,
        "api:work_list": single,
        "api:work_detail": works,
        "api:quote_list": single,
        "api:quote_detail": quotes,
        "api:tag_list": single,
    }


NOT_CRAWLED = {
    "articles:reader_progress": "a form's POST target; the crawl sends the cookie it writes",
    "articles:share_preview": "a signed link an editor hands to one person; nothing links to it",
    "favicon": "the site's icon, the same image for everyone",
}
WORK_FEEDS = {
    "articles:work_feed_rss",
    "articles:work_feed_atom",
    "articles:work_spoilers_feed_rss",
    "articles:work_spoilers_feed_atom",
}


def declared_routes() -> Iterator[tuple[str, str]]:
    """(name, pattern) of every address the site declares, but the admin's and uploaded media."""

    def walk(patterns, namespace: str, prefix: str) -> Iterator[tuple[str, str]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name != "admin":
                    inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                    yield from walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if not route.lstrip("^").startswith(settings.MEDIA_URL.lstrip("/")):
                    yield (f"{namespace}{pattern.name}" if pattern.name else "", route)

    yield from walk(get_resolver().url_patterns, "", "")


def public_addresses() -> list[str]:
    """Every address the site declares, filled in with every row it can show. A new address
    fails the crawl until ``route_arguments`` learns it or NOT_CRAWLED says why not."""
    arguments = route_arguments()
    routes = list(declared_routes())
    untaught = [f"{name or '(unnamed)'} {route}" for name, route in routes if name not in arguments | NOT_CRAWLED]
    assert not untaught, f"addresses the crawl does not know how to visit: {untaught}"
    return [reverse(name, kwargs=kwargs) for name, _ in routes if name in arguments for kwargs in arguments[name]()]


def progress_addresses(cut: Cut) -> list[str]:
    """The pages that read the progress cookie, for the cut's articles: the articles, their quotes
    and their speakers' pages; with every article, the works' pages too."""
    articles = Article.objects.all() if cut.articles is None else Article.objects.filter(slug__in=cut.articles)
    quotes = Quote.objects.filter(article__in=articles)
    speakers = set(quotes.exclude(speaker=None).values_list("speaker__slug", flat=True))
    works = Work.objects.values_list("slug", flat=True) if cut.articles is None else []
    return [
        *(reverse("articles:article_detail", args=[slug]) for slug in articles.values_list("slug", flat=True)),
        *(reverse("articles:quote_detail", args=[pk]) for pk in quotes.values_list("pk", flat=True)),
        *(reverse("people:person_detail", args=[slug]) for slug in sorted(speakers)),
        *(reverse("people:work_detail", args=[slug]) for slug in works),
    ]


def cut_feed_addresses(cut: Cut) -> list[str]:
    """A work's feed and its spoilers feed as a reader at the cut asks for them with ``?through=``,
    one format each (the RSS and Atom twins share their items)."""
    return [
        f"{reverse(name, args=[work])}?{urlencode({'through': through(cut.progress[work])})}"
        for work in cut.works
        for name in ("articles:work_feed_rss", "articles:work_spoilers_feed_atom")
    ]


def search_addresses(world: World, pieces: Iterable[Piece]) -> list[str]:
    """Searches for every secret marker and for the words written next to each secret.

    Only articles can hold a secret, so each search asks for articles alone: the mixed page shows
    the same article results beside people and works, at four times the cost. The mixed page is
    asked for the first secret of each article.
    """
    search = reverse("search:search")
    near: set[str] = set()
    mixed: list[str] = []
    for piece in pieces:
        words = [word for word in re.findall(r"[A-Za-z]+", piece.body) if len(word) > 3]
        for index, word in enumerate(words):
            if word in piece.secrets:
                near.update(w.lower() for w in words[max(0, index - 1) : index + 2] if w not in piece.secrets)
        mixed += [f"{search}?{urlencode({'q': marker})}" for marker in list(piece.secrets)[:1]]
    queries = [*sorted(world.secrets), *sorted(near - set(world.public))]
    return [*mixed, *(f"{search}?{urlencode({'q': query, 'type': 'articles'})}" for query in queries)]


def feed_reader(url: str) -> Reader | None:
    """The reader a work feed serves: the work up to its ``?through=``, or, for a spoilers feed
    without one, the whole work. None for any other address."""
    parts = urlsplit(url)
    match = resolve(parts.path)
    if match.view_name not in WORK_FEEDS:
        return None
    work = match.kwargs["slug"]
    value = parse_qs(parts.query).get("through", [""])[0]
    if value:
        return Reader(f"?through={value}", {work: Scope(work) if value == "all" else parse_scope(value, work)})
    if "spoilers" in match.view_name:
        return Reader("a spoilers feed (the whole work)", {work: Scope(work)})
    return None


def same_site(link: str) -> str | None:
    """A link to one of the readers' own pages, as a path; None for anything else."""
    parts = urlsplit(html.unescape(link))
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(("/admin/", settings.STATIC_URL, settings.MEDIA_URL, "/progress/", "/preview/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl_as_readers(crawl: Crawl, seeds: Iterable[str], *, follow: bool = True) -> None:
    """Every seed as a reader without progress (a work feed as the reader its scope serves) and,
    with ``follow``, every page they link to; then the pages that read progress and the work
    feeds, at each cut."""
    search = reverse("search:search")
    queue = list(seeds)
    while queue and len(crawl.visited) < MAX_PAGES:
        url = queue.pop(0)
        links = crawl.visit(url, feed_reader(url) or NO_PROGRESS)
        # A search page's own links ask the same question by section; its results are listed anyway.
        if follow and not url.startswith(search):
            queue += filter(None, map(same_site, links))
    for cut in crawl.world.cuts:
        reader = Reader.with_progress(cut.progress)
        for url in progress_addresses(cut):
            crawl.visit(url, reader)
        for url in cut_feed_addresses(cut):
            crawl.visit(url, feed_reader(url))


def quote_row_problems(world: World) -> list[str]:
    """Quote rows holding secret words that a reader who may not see them could be shown: a row
    stored as public, a scope some cut short of the words covers, or a card drawn from them."""
    problems = []
    for quote in Quote.objects.select_related("article"):
        hidden = [marker for marker in world.secrets if marker in quote.words]
        if not hidden:
            continue
        where = f"quote {quote.pk} in {quote.article.slug} ({quote.status}, holding {', '.join(hidden)})"
        if not quote.spoiler_scope:
            problems.append(f"{where} is stored as public")
        for cut in world.cuts:
            unseen = [marker for marker in hidden if not may_see(cut.progress, world.secrets[marker])]
            if unseen and quote.spoiler_scope and covered_by(cut.progress)(quote.spoiler_scope):
                problems.append(f"{where} is scoped {quote.spoiler_scope!r}, which opens at {cookie(cut.progress)}")
        if quote.card:
            problems.append(f"{where} has a quote card, drawn from its words")
    return problems


# --- Tests ---------------------------------------------------------------------------------------------

MAX_PAGES = 1000


@pytest.fixture
def stage() -> Stage:
    return build_stage()


@pytest.fixture
def world(stage) -> World:
    return publish_world(PIECES, stage)


def test_no_reader_is_shown_a_spoiler_they_have_not_revealed(world):
    crawl = Crawl(world)
    crawl_as_readers(crawl, [*public_addresses(), *search_addresses(world, PIECES)])
    assert not crawl.leaks, crawl.report()


def test_quote_rows_keep_their_secret_words_behind_their_scope(world):
    holding_secrets = [quote for quote in Quote.objects.all() if any(marker in quote.words for marker in world.secrets)]
    assert len(holding_secrets) >= 5, "the analyser and the editor made the quotes this test is about"
    problems = quote_row_problems(world)
    assert not problems, "\n".join(problems)


def test_readers_are_shown_the_public_text_and_the_spoilers_their_progress_opens(world):
    """The crawl's reading of a page is not blind: each article page shows its public text to
    everyone, and the spoilers their progress covers to readers who have watched everything."""
    crawl = Crawl(world)
    everything = Reader.with_progress({work: Scope(work) for work in SEASONS})
    missing = []
    for slug in dict.fromkeys(world.public.values()):
        url = reverse("articles:article_detail", args=[slug])
        for reader in (NO_PROGRESS, everything):
            crawl.visit(url, reader)
        shown = crawl.pages[url, NO_PROGRESS.label].text
        missing += [
            f"{url} hides public {marker}"
            for marker, home in world.public.items()
            if home == slug and marker not in shown
        ]
        opened = crawl.pages[url, everything.label].text
        missing += [
            f"{url} keeps {marker} ({secret.shape}) closed for {everything.label}"
            for marker, secret in world.secrets.items()
            if world.home[marker] == slug
            and secret.reveals
            and may_see(everything.progress, secret)
            and marker not in opened
        ]
    assert not missing, "\n".join(missing)


# --- Generated documents -----------------------------------------------------------------------------

DRAWN_BATCH = 5


def drawn_piece(index: int, document, quotes: Iterable[str]) -> Piece:
    """A document drawn by ``tests.text.documents`` as an article: its markers renamed to be unique
    in the batch, its default scope given by the article's spoiler tag or its one work."""
    rename = re.compile(r"qzm(\d+)k")
    prefix = f"qzm{chr(ord('a') + index)}"

    def renamed(text: str) -> str:
        return rename.sub(lambda match: f"{prefix}{match[1]}k", text)

    default = document.default_scope
    works: tuple[str, ...] = (default.work,) if default and default.work else ()
    tags = ((default.work, default.season, default.episode),) if default and default.season else ()
    return Piece(
        slug=f"drawn-{index}",
        kind="feature",
        works=works,
        spoiler_tags=tags,
        topics=("drawn",),
        body=renamed(document.source).replace("](image:1", "](image:FIRST"),
        secrets={renamed(secret.marker): Secret(secret.chain, "generated") for secret in document.secrets},
        public=tuple(renamed(marker) for marker in document.public),
        added_quotes=tuple((renamed(words), "Marta Quell") for words in quotes),
    )


def drawn_addresses(world: World) -> list[str]:
    """What a reader without progress can reach of the drawn articles: their pages and quotes,
    the speaker's page, the site's and the works' feeds, and a search for each secret."""
    search = reverse("search:search")
    return [
        *progress_addresses(Cut({})),
        reverse("articles:feed_rss"),
        *(reverse(name, args=[work]) for work in SEASONS for name in sorted(WORK_FEEDS)),
        *(f"{search}?{urlencode({'q': marker, 'type': 'articles'})}" for marker in world.secrets),
    ]


def test_drawn_documents_published_through_the_core_reach_no_reader_unrevealed(stage):
    drawn = pytest.importorskip(
        "tests.text.documents", reason="tests/text/documents.py is not there yet", exc_type=ModuleNotFoundError
    )

    # Each example publishes a batch and crawls it over HTTP, about a second's work: a handful
    # of examples, not shrunk (the renderer's own property tests shrink their failures). The
    # batch is rolled back after each example, so the next one starts from the stage alone.
    @hypothesis_settings(max_examples=4, phases=[Phase.explicit, Phase.reuse, Phase.generate])
    @given(batch=st.lists(drawn.documents_with_quotes(), min_size=DRAWN_BATCH, max_size=DRAWN_BATCH))
    def crawl_a_batch(batch):
        cache.clear()
        with transaction.atomic():
            pieces = [drawn_piece(index, document, quotes) for index, (document, quotes) in enumerate(batch)]
            world = publish_world(pieces, stage)
            crawl = Crawl(world)
            crawl_as_readers(crawl, drawn_addresses(world), follow=False)
            problems = quote_row_problems(world)
            transaction.set_rollback(True)
        leaking = {world.home[leak.marker] for leak in crawl.leaks}
        involved = [p for p in pieces if p.slug in leaking or any(f" in {p.slug} (" in line for line in problems)]
        sources = [f"--- {piece.slug}\n{piece.body}" for piece in involved]
        assert not crawl.leaks and not problems, "\n".join([crawl.report(), *problems, *sources])

    crawl_a_batch()
