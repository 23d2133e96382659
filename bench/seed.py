"""Seed N benchmark articles: `python -m bench.seed N [--wipe] [--no-verify]`.

The database is `DATABASE_URL`, by default the SQLite file var/bench.sqlite3 (never the
development database); media go to var/bench-media unless MEDIA_ROOT is set. The seed is
deterministic (fixed RNG seed) and writes the rows the app itself writes when an editor creates
and publishes an article, only in bulk:

- 50 people credited on 12 works (2 or 3 works each; series have 2 seasons of 8 episodes), 8
  journalists for bylines, 100 topic tags;
- per article: about 900 words of generated prose in 12 paragraphs with 5 confirmed quotes by
  people credited on the article's work, 4 tags, 1 hero image, a byline, the work it covers and
  two people covered; every fifth article is a recap with a spoiler section and a spoiler tag,
  reviews carry a rating;
- hero images are uploaded through images.services.image_save (a 320x180 PNG, so the clean
  copy, the private original, the renditions and the image's rendition index are all real). The
  first 1,000 articles upload one each; every later article shares one of those uploaded for
  articles about the same work (picked by its index), so its caption and credit still fit.
  Pages read only the image row and its rendition index, which are as real for a shared image
  as for an article's own; the difference is that the image library stays at about 1,000
  images however large N is;
- the stored body variants are computed by `articles.text.render_body` from exactly the inputs
  `articles.services.article_render` gathers (default scope, speaker URLs, season lengths,
  confirmed quotes), quote spoiler scopes and quote cards follow it as well (one PNG per
  distinct card signature, hard-linked under each quote's own file name), and publishing writes
  what `article_publish` writes: the published status and time, an audit entry and a revision
  snapshot;
- at the end a sample of articles is re-rendered through `article_render` inside a rolled-back
  transaction and the run fails if that would change anything.

Articles are written in transactions of 1,000 with bulk_create, with primary keys given in
article order. Plans and bodies are computed, and quote cards drawn, in one worker process per
CPU while the main process uploads images and writes rows; each article depends only on its
index and each card only on its signature, so the result is the same whatever the number of
workers. Running it again with the same N reuses the seed; with another N (or --wipe) the
previous bench seed is deleted first. A database holding anything that is not a bench seed is
refused.
"""

import argparse
import io
import multiprocessing
import os
import pickle
import random
import re
import secrets
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articles.text import RenderedBody

BASE_DIR = Path(__file__).resolve().parent.parent
SEED = 20261128
BATCH = 1000  # articles per transaction
INSERT_BATCH = 2000  # rows per INSERT statement
HERO_POOL = 1000  # distinct hero images uploaded; later articles reuse them (see Seeder.hero_image)
WORKERS = max(1, min(8, os.cpu_count() or 1))  # processes rendering bodies and drawing quote cards
RENDER_CHUNK = 100  # articles per task sent to a worker
# A batch takes seconds; a pool whose worker was killed (say, out of memory) never answers, so a
# batch that takes this long stops the seed instead of waiting for ever.
WORKER_TIMEOUT = 900
PREFIX = "bench-"


def configure_environment() -> None:
    """Bench defaults: a separate database and media directory, production-like settings."""
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'bench.sqlite3'}")
    # Media per database, so a SQLite and a PostgreSQL seed do not wipe each other's files.
    label = re.sub(
        r"[^A-Za-z0-9]+",
        "-",
        os.environ["DATABASE_URL"].split("://", 1)[0] + "-" + Path(os.environ["DATABASE_URL"].rsplit("/", 1)[-1]).stem,
    )
    # Originals go beside MEDIA_ROOT (images.storage), so each database gets a folder of its own.
    os.environ.setdefault("MEDIA_ROOT", str(BASE_DIR / "var" / "bench-media" / label.strip("-") / "media"))
    os.environ.setdefault("STATIC_ROOT", str(BASE_DIR / "var" / "bench-static"))
    os.environ.setdefault("DJANGO_DEBUG", "0")  # DEBUG=1 would keep every query in memory
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("CALLBOARD_HTTPS", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    sys.path.insert(0, str(BASE_DIR))


# --- Deterministic text ---------------------------------------------------------------------

WORDS = [
    "stage",
    "rehearsal",
    "season",
    "premiere",
    "studio",
    "audience",
    "camera",
    "script",
    "scene",
    "cast",
    "character",
    "story",
    "director",
    "writer",
    "ensemble",
    "finale",
    "episode",
    "pilot",
    "spotlight",
    "curtain",
    "costume",
    "dance",
    "score",
    "music",
    "chorus",
    "drama",
    "comedy",
    "network",
    "streaming",
    "release",
    "review",
    "critic",
    "performance",
    "moment",
    "voice",
    "pressure",
    "trust",
    "friendship",
    "rivalry",
    "ambition",
    "family",
    "city",
    "night",
    "light",
    "silence",
    "rhythm",
    "production",
    "set",
    "location",
    "schedule",
    "budget",
    "casting",
    "audition",
    "role",
    "lead",
    "understudy",
    "tour",
    "theatre",
    "ballet",
    "orchestra",
    "choreography",
    "design",
    "wardrobe",
    "editing",
    "sound",
    "mood",
    "pace",
    "tension",
]
VERBS = [
    "shapes",
    "carries",
    "follows",
    "opens",
    "closes",
    "reveals",
    "hides",
    "frames",
    "turns",
    "builds",
    "breaks",
    "holds",
    "tests",
    "finds",
    "loses",
    "keeps",
    "changes",
    "sharpens",
    "softens",
    "balances",
    "lifts",
]
ADJECTIVES = [
    "quiet",
    "bold",
    "sharp",
    "tender",
    "restless",
    "bright",
    "careful",
    "generous",
    "fragile",
    "fierce",
    "patient",
    "uneasy",
    "confident",
    "honest",
    "strange",
    "familiar",
    "early",
    "late",
    "long",
    "brief",
]
FIRST = [
    "Ada",
    "Bruno",
    "Carmen",
    "Dmitri",
    "Elena",
    "Felix",
    "Greta",
    "Hugo",
    "Ines",
    "Jonah",
    "Keiko",
    "Luca",
    "Maren",
    "Nico",
    "Oona",
    "Paolo",
    "Quinn",
    "Rosa",
    "Soren",
    "Talia",
    "Ulric",
    "Vera",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zora",
    "Amara",
    "Basil",
    "Celine",
    "Dario",
]
LAST = [
    "Abernathy",
    "Blackwood",
    "Castellanos",
    "Delacroix",
    "Eriksen",
    "Fontaine",
    "Galloway",
    "Halvorsen",
    "Ishikawa",
    "Jovanovic",
    "Kowalczyk",
    "Lindqvist",
    "Marchetti",
    "Nakamura",
    "Okonkwo",
    "Pellegrini",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Thorne",
    "Ueda",
    "Valentin",
    "Whitcombe",
    "Xanthos",
    "Yilmaz",
    "Zeller",
    "Ambrose",
    "Brannigan",
    "Cordova",
    "Drummond",
]
TITLE_WORDS = [
    "Velvet",
    "Harbor",
    "Midnight",
    "Chorus",
    "Paper",
    "Crowns",
    "Glass",
    "Garden",
    "Silver",
    "Line",
    "Hollow",
    "Bright",
    "Empire",
    "Winter",
    "Circuit",
    "Golden",
    "Hour",
    "Second",
    "Act",
    "Open",
    "Water",
    "Northern",
    "Lights",
]


def sentence(rng: random.Random, length: int) -> str:
    words = []
    for _ in range(length):
        pick = rng.random()
        words.append(rng.choice(VERBS if pick < 0.15 else ADJECTIVES if pick < 0.35 else WORDS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def quote_line(rng: random.Random) -> str:
    # No apostrophes or markup: the words must appear verbatim in one text run of the body.
    return sentence(rng, rng.randint(9, 16))


def png_bytes(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageDraw

    image = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle([width // 4, height // 4, width * 3 // 4, height * 3 // 4], outline=(255, 255, 255), width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# --- Worker processes --------------------------------------------------------------------------

_worker_seeder = None


def _start_worker(seeder: bytes) -> None:
    """Pool initializer: set Django up, then load the seeder with its people, works and tags.

    The seeder comes pickled by hand: its model instances can only be loaded once Django is set up.
    """
    global _worker_seeder
    configure_environment()
    import django

    django.setup()
    _worker_seeder = pickle.loads(seeder)


def _render_articles(indexes: range) -> list[tuple[dict, "RenderedBody"]]:
    return [_worker_seeder.render_article(i) for i in indexes]


def _draw_card(words: str, speaker: str, work_title: str, path: str) -> None:
    from articles.cards import draw_quote_card

    Path(path).write_bytes(draw_quote_card(words, speaker, work_title))


def wait_for(result):
    """The result of a pool task, or a clear stop when a worker has gone."""
    try:
        return result.get(timeout=WORKER_TIMEOUT)
    except multiprocessing.TimeoutError:
        raise SystemExit(
            f"[seed] a worker process gave no answer in {WORKER_TIMEOUT} s (killed?); rerun with --wipe"
        ) from None


# --- The seed ----------------------------------------------------------------------------------


class Seeder:
    def __init__(self, n: int, log=print):
        self.n = n
        self.log = log
        self.rng = random.Random(SEED)
        from django.conf import settings

        self.media_root = Path(settings.MEDIA_ROOT)
        self.heroes: dict[int, list] = {}  # work pk -> hero images uploaded so far
        self.speaker_url_tables: dict[tuple, dict[str, str]] = {}
        self.person_urls: dict[int, str] = {}

    def __getstate__(self) -> dict:
        # Sent to the worker processes, which log nothing (the callback may not pickle).
        return {**self.__dict__, "log": print}

    # Existing data -------------------------------------------------------------------------
    def existing_seed(self) -> int | None:
        """The N of a previous bench seed, 0 for an empty database; refuses anything else."""
        from articles.models import Article

        total = Article.objects.count()
        if total == 0:
            return 0
        bench = Article.objects.filter(slug__startswith=PREFIX).count()
        if bench != total:
            raise SystemExit(
                f"Refusing to seed: the database {self.db_label()} holds {total - bench} articles that are not "
                "a bench seed. Point DATABASE_URL at a database of its own for the benchmark."
            )
        return bench

    def db_label(self) -> str:
        from django.db import connection

        return f"{connection.vendor}:{connection.settings_dict['NAME']}"

    def wipe(self) -> None:
        """Delete a previous bench seed: every content row (the database holds nothing else).

        The id sequences start again at 1, so a wiped database is seeded exactly like a new one.
        """
        from django.core.management.color import no_style
        from django.db import connection, transaction
        from taggit.models import Tag

        from articles.models import (
            Article,
            ArticleSpoiler,
            AuditEntry,
            Byline,
            Quote,
            Revision,
            SpoilerScope,
            TaggedArticle,
        )
        from images.models import Image, Rendition
        from people.models import Character, Credit, Episode, Person, Season, Work

        t0 = time.monotonic()
        models = [
            *(Revision, AuditEntry, Quote, Byline, TaggedArticle, ArticleSpoiler),
            *(Article.works.through, Article.people.through),
            *(Article, SpoilerScope, Credit, Character, Episode, Season, Work, Person, Rendition, Image, Tag),
        ]
        with transaction.atomic():
            for model in models:
                model.objects.all()._raw_delete(model.objects.db)
            sequences = [{"table": model._meta.db_table, "column": model._meta.pk.column} for model in models]
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_by_name_sql(no_style(), sequences):
                    cursor.execute(sql)
        import shutil

        shutil.rmtree(self.media_root, ignore_errors=True)
        from images.storage import private_storage

        shutil.rmtree(private_storage().base_location, ignore_errors=True)
        self.log(f"[seed] wiped the previous bench seed in {time.monotonic() - t0:.1f}s")

    # Fixed content -------------------------------------------------------------------------
    def seed_fixed(self) -> None:
        from django.db import transaction
        from django.utils.text import slugify
        from taggit.models import Tag

        from articles.models import SpoilerScope
        from people.models import Character, Credit, Episode, Person, Season, Work
        from people.names import normalize_name

        rng = self.rng
        with transaction.atomic():
            names = set()
            people = []
            while len(people) < 58:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                if name in names:
                    continue
                names.add(name)
                person = Person(name=name, slug=f"{PREFIX}{slugify(name)}", bio=sentence(rng, 30))
                person.normalized_name = normalize_name(name)
                people.append(person)
            people = Person.objects.bulk_create(people)
            self.credited, self.journalists = people[:50], people[50:]

            titles = set()
            works = []
            while len(works) < 12:
                title = f"{rng.choice(TITLE_WORDS)} {rng.choice(TITLE_WORDS)}"
                if title in titles or len(set(title.split())) < 2:
                    continue
                titles.add(title)
                kind = Work.Kind.SERIES if len(works) % 3 else Work.Kind.FILM
                works.append(
                    Work(
                        kind=kind,
                        title=title,
                        slug=f"{PREFIX}{slugify(title)}",
                        year=2015 + len(works),
                        network=rng.choice(["Netflix", "HBO", "Hulu", "BBC", "Apple TV+"]),
                        synopsis=sentence(rng, 40),
                    )
                )
            self.works = Work.objects.bulk_create(works)

            seasons = [
                Season(work=work, number=number)
                for work in self.works
                if work.kind == Work.Kind.SERIES
                for number in (1, 2)
            ]
            seasons = Season.objects.bulk_create(seasons)
            Episode.objects.bulk_create(
                [
                    Episode(season=season, number=number, title=sentence(rng, 3)[:-1])
                    for season in seasons
                    for number in range(1, 9)
                ]
            )

            # Each credited person works on 2 or 3 works; every work gets at least 5 people.
            self.cast: dict[int, list] = {work.pk: [] for work in self.works}
            credits = []
            # An acting credit plays a character of the work. Their names come from an RNG of
            # their own, so adding them changed nothing else the seed writes.
            naming = random.Random(SEED + 2)
            characters = []
            for i, person in enumerate(self.credited):
                chosen = {self.works[i % len(self.works)]}
                while len(chosen) < rng.choice([2, 2, 3]):
                    chosen.add(rng.choice(self.works))
                for work in sorted(chosen, key=lambda w: w.pk):
                    credit = Credit(
                        person=person,
                        work=work,
                        role=rng.choice([Credit.Role.CAST] * 4 + [Credit.Role.CREATOR, Credit.Role.DIRECTOR]),
                        billing=len(self.cast[work.pk]) + 1,
                    )
                    if credit.role == Credit.Role.CAST:
                        name = f"{naming.choice(FIRST)} {naming.choice(LAST)} {len(characters) + 1}"
                        characters.append(Character(work=work, name=name, slug=slugify(name)))
                        credit.character = characters[-1]
                    credits.append(credit)
                    self.cast[work.pk].append(person)
            Character.objects.bulk_create(characters)
            Credit.objects.bulk_create(credits)  # each takes its character's key, now saved
            # (person, work) -> the character they play in it: every third quote is said in that role.
            self.roles = {(c.person.pk, c.work.pk): c.character.pk for c in credits if c.character is not None}

            # Three stock lines per person, so quote cards repeat across articles.
            self.lines = {person.pk: [quote_line(rng) for _ in range(3)] for person in self.credited}

            tag_names = set()
            while len(tag_names) < 100:
                tag_names.add(f"{rng.choice(WORDS)} {rng.choice(WORDS)}" if len(tag_names) >= 30 else rng.choice(WORDS))
            self.tags = Tag.objects.bulk_create(
                [Tag(name=name, slug=f"{PREFIX}{slugify(name)}") for name in sorted(tag_names)]
            )

            # One spoiler scope per series episode of season 1, created the way the admin does.
            self.scopes = {}
            for work in self.works:
                if work.kind == Work.Kind.SERIES:
                    for episode in range(1, 9):
                        self.scopes[(work.pk, episode)] = SpoilerScope.objects.for_numbers(
                            work=work, season_number=1, episode_number=episode
                        )
            # What article_render reads per work: season lengths.
            from django.db.models import Count

            self.season_lengths = {
                work.pk: dict(
                    Season.objects.filter(work__slug=work.slug)
                    .annotate(episode_count=Count("episodes"))
                    .values_list("number", "episode_count")
                )
                for work in self.works
            }

        self.log(f"[seed] {len(people)} people, {len(self.works)} works, {len(credits)} credits, 100 tags")

    # Articles ------------------------------------------------------------------------------
    def article_plan(self, i: int) -> dict:
        """Everything about article i, from its own RNG so batches do not depend on each other."""
        from articles.models import Article

        rng = random.Random(SEED * 1_000_003 + i)
        work = self.works[rng.randrange(len(self.works))]
        cast = self.cast[work.pk]
        speakers = [rng.choice(cast) for _ in range(5)]
        quotes = []
        for position, speaker in enumerate(speakers):
            words = rng.choice(self.lines[speaker.pk])
            if any(words == q[0] for q in quotes):
                words = words[:-1] + f", in take {position + 1}."
            quotes.append((words, speaker, position))
        kinds = [
            Article.Kind.NEWS,
            Article.Kind.INTERVIEW,
            Article.Kind.REVIEW,
            Article.Kind.FEATURE,
            Article.Kind.RECAP,
        ]
        kind = kinds[i % 5]
        spoiler_episode = rng.randint(1, 8) if kind == Article.Kind.RECAP and (work.pk, 1) in self.scopes else None

        paragraphs = []
        quote_at = sorted(rng.sample(range(10), 5))
        for p in range(12):
            sentences = [sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(5, 7))]
            if p in quote_at:
                words, speaker, _ = quotes[quote_at.index(p)]
                sentences.insert(rng.randint(0, len(sentences)), f"“{words}” said {speaker.name}.")
            if p == 1:
                sentences.insert(0, f"The *{work.title}* team kept the **{rng.choice(WORDS)}** close.")
            paragraphs.append(" ".join(sentences))
        if spoiler_episode:
            paragraphs[10:] = [f"::: spoiler S1E{spoiler_episode}", *paragraphs[10:], ":::"]
        headline = f"{speakers[0].name} on {work.title}: the {rng.choice(ADJECTIVES)} {rng.choice(WORDS)}"
        return {
            "work": work,
            "kind": kind,
            "headline": headline,
            "slug": f"{PREFIX}{i:06d}",
            "dek": sentence(rng, 24),
            "body": "\n\n".join(paragraphs),
            "quotes": quotes,
            "people": sorted({speakers[0].pk, speakers[1].pk}),
            "byline": self.journalists[i % len(self.journalists)],
            "tags": sorted(rng.sample(range(len(self.tags)), 4)),
            "spoiler_episode": spoiler_episode,
            "rating": Decimal(rng.randint(4, 10)) / 2 if kind == Article.Kind.REVIEW else None,
        }

    def render_article(self, i: int) -> tuple[dict, "RenderedBody"]:
        """Article i's plan and its body rendered from exactly the inputs article_render gathers.

        Needs no database, so it runs in the worker processes.
        """
        from articles.text import QuoteMark, Scope, render_body

        plan = self.article_plan(i)
        work = plan["work"]
        episode = plan["spoiler_episode"]
        default_scope = Scope(work.slug, 1, episode) if episode else Scope(work.slug)
        rendered = render_body(
            plan["body"],
            default_scope=default_scope,
            speaker_urls=self.speaker_urls(plan),
            season_lengths=self.season_lengths[work.pk],
            quotes=[QuoteMark(w, self.person_url(s), s.name) for w, s, _ in plan["quotes"]],
        )
        return plan, rendered

    def speaker_urls(self, plan: dict) -> dict[str, str]:
        """articles.services.derived._speaker_urls from memory, through the same `label_table`
        (the bench seed has no aliases).

        The circle is the work's cast plus the people covered and quoted, who are normally in
        that cast already, so the table is built about once per work, not once per article.
        """
        work = plan["work"]
        cast = self.cast[work.pk]
        circle = set(plan["people"]) | {speaker.pk for _, speaker, _ in plan["quotes"]}
        key = (work.pk, frozenset(circle - {person.pk for person in cast}))
        if key not in self.speaker_url_tables:
            from articles.text.directory import NameDirectory, PersonEntry, label_table

            people = sorted({p for p in self.credited if p.pk in key[1]} | set(cast), key=lambda p: (p.name, p.pk))
            directory = NameDirectory(PersonEntry(person.slug, person.name) for person in people)
            urls = {person.slug: self.person_url(person) for person in people}
            self.speaker_url_tables[key] = label_table(directory, urls)
        return self.speaker_url_tables[key]

    def person_url(self, person) -> str:
        if person.pk not in self.person_urls:
            self.person_urls[person.pk] = person.get_absolute_url()
        return self.person_urls[person.pk]

    def hero_image(self, i: int, plan: dict):
        """Article i's hero image, uploaded through images.services.image_save.

        The first HERO_POOL articles each upload a picture of their own; later articles share
        those of the same work, so captions still name the right work and every hero has a real
        rendition index, without one trip through Pillow per article.
        """
        from django.core.files.base import ContentFile

        from images.models import Image
        from images.services import image_save

        work = plan["work"]
        pool = self.heroes.setdefault(work.pk, [])
        if i >= HERO_POOL and pool:
            return pool[i % len(pool)]
        colour = (i % 251, (i // 251) % 251, 60 + (i // 63001) % 190)
        image = image_save(
            image=Image(
                title=f"Hero {i}",
                alt_text=f"A still from {work.title}",
                caption=f"{work.title}, publicity still.",
                credit=f"{work.network} press",
            ),
            upload=ContentFile(png_bytes(320, 180, colour), name=f"hero-{i:06d}.png"),
        )
        pool.append(image)
        return image

    def seed_articles(self) -> None:
        """Write the articles in batches, rendering the next batch in worker processes meanwhile.

        Worker processes compute plans and bodies (pure functions of the article's index) and
        draw quote cards (a pure function of the card's signature); this process uploads hero
        images, assigns primary keys and writes every row, always in article order, so the
        result does not depend on how many workers there are or which one did what.
        """

        from django.core.management.color import no_style
        from django.db import connection, transaction
        from django.db.models import Max

        from articles.cards import card_signature
        from articles.models import Article, Quote
        from articles.text.lint import spoiler_lint
        from articles.text.spoilers import UNSCOPED

        start = datetime(2023, 1, 1, 9, 0, tzinfo=UTC)
        span = (datetime(2026, 11, 1, tzinfo=UTC) - start) / max(self.n, 1)
        cards_dir = self.media_root / "quote-cards"
        sources_dir = self.media_root / "bench-src"
        cards_dir.mkdir(parents=True, exist_ok=True)
        sources_dir.mkdir(parents=True, exist_ok=True)
        card_sources: set[str] = set()
        # Primary keys are given here, so quote card names (which carry the quote's id) are known
        # before the rows are written; the sequences are moved past them at the end.
        next_article = (Article.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        next_quote = (Quote.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        batches = [range(s, min(self.n, s + BATCH)) for s in range(0, self.n, BATCH)]
        t0 = time.monotonic()
        context = multiprocessing.get_context("spawn")
        with context.Pool(WORKERS, initializer=_start_worker, initargs=(pickle.dumps(self),)) as pool:

            def render(indexes: range):
                chunks = [indexes[c : c + RENDER_CHUNK] for c in range(0, len(indexes), RENDER_CHUNK)]
                return pool.map_async(_render_articles, chunks)

            pending = render(batches[0]) if batches else None
            for number, indexes in enumerate(batches):
                rendered_batch = [item for chunk in wait_for(pending) for item in chunk]
                if number + 1 < len(batches):
                    pending = render(batches[number + 1])
                plans = [plan for plan, _ in rendered_batch]

                # Quotes first, so the workers can draw the new cards while this process writes.
                quotes_of = []
                card_jobs = []
                card_links = []
                for plan, rendered in rendered_batch:
                    work = plan["work"]
                    quotes = []
                    for words, speaker, position in plan["quotes"]:
                        quote = Quote(
                            pk=next_quote,
                            article_id=next_article + len(quotes_of),
                            words=words,
                            speaker=speaker,
                            speaker_name=speaker.name,
                            status=Quote.Status.CONFIRMED,
                            confidence=1.0,
                            position=position,
                            spoiler_scope=rendered.quote_scopes.get(words, UNSCOPED),
                            character_id=(self.roles.get((speaker.pk, work.pk)) if next_quote % 3 == 0 else None),
                        )
                        next_quote += 1
                        if not quote.spoiler_scope:
                            # Named and drawn as articles.services.derived._refresh_quote_card does it.
                            signature = card_signature(words, speaker.name, work.title)
                            source = sources_dir / f"card-{signature}.png"
                            if signature not in card_sources:
                                card_sources.add(signature)
                                card_jobs.append((words, speaker.name, work.title, str(source)))
                            quote.card = f"quote-cards/quote-{quote.pk}-{signature}.png"
                            card_links.append((source, self.media_root / quote.card.name))
                        quotes.append(quote)
                    quotes_of.append(quotes)
                cards_drawn = pool.starmap_async(_draw_card, card_jobs, chunksize=8)

                with transaction.atomic():
                    articles = []
                    for i, (plan, rendered) in zip(indexes, rendered_batch, strict=True):
                        image = self.hero_image(i, plan)
                        never_spoil = {
                            "headline": plan["headline"],
                            "dek": plan["dek"],
                            "slug": plan["slug"].replace("-", " "),
                            "hero caption": image.caption,
                        }
                        articles.append(
                            Article(
                                pk=next_article,
                                kind=plan["kind"],
                                headline=plan["headline"],
                                slug=plan["slug"],
                                dek=plan["dek"],
                                body=plan["body"],
                                status=Article.Status.PUBLISHED,
                                publish_at=start + span * i,
                                hero_image=image,
                                rating=plan["rating"],
                                reviewed_work=plan["work"] if plan["rating"] is not None else None,
                                body_html=rendered.full_html,
                                body_safe_html=rendered.safe_html,
                                excerpt=rendered.plain,
                                safe_text=rendered.safe_text,
                                reading_minutes=rendered.reading_minutes,
                                body_warnings=[*rendered.warnings, *spoiler_lint(never_spoil, rendered.spoiler_texts)],
                            )
                        )
                        next_article += 1
                    self.write_batch(articles, plans, quotes_of)
                    wait_for(cards_drawn)
                    for source, target in card_links:
                        if not target.exists():
                            os.link(source, target)
                done = indexes[-1] + 1
                rate = done / (time.monotonic() - t0)
                self.log(f"[seed] {done}/{self.n} articles ({rate:.0f}/s, {len(card_sources)} distinct quote cards)")
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Article, Quote]):
                cursor.execute(sql)

    def write_batch(self, articles: list, plans: list[dict], quotes_of: list[list]) -> None:
        """Insert a batch of articles with everything hanging off them, a few statements per table."""
        from articles.models import Article, ArticleSpoiler, AuditEntry, Byline, Quote, Revision, TaggedArticle
        from articles.revisions import field_values

        pairs = list(zip(articles, plans, strict=True))
        Article.objects.bulk_create(articles, batch_size=INSERT_BATCH)
        Article.works.through.objects.bulk_create(
            [Article.works.through(article_id=a.pk, work_id=p["work"].pk) for a, p in pairs],
            batch_size=INSERT_BATCH,
        )
        Article.people.through.objects.bulk_create(
            [
                Article.people.through(article_id=a.pk, person_id=person_id)
                for a, p in pairs
                for person_id in p["people"]
            ],
            batch_size=INSERT_BATCH,
        )
        Byline.objects.bulk_create(
            [Byline(article=a, person=p["byline"], label="Staff writer", position=0) for a, p in pairs],
            batch_size=INSERT_BATCH,
        )
        TaggedArticle.objects.bulk_create(
            [TaggedArticle(content_object=a, tag=self.tags[t]) for a, p in pairs for t in p["tags"]],
            batch_size=INSERT_BATCH,
        )
        ArticleSpoiler.objects.bulk_create(
            [
                ArticleSpoiler(
                    content_object=a,
                    tag=self.scopes[(p["work"].pk, p["spoiler_episode"])],
                    severity=ArticleSpoiler.Severity.MAJOR,
                )
                for a, p in pairs
                if p["spoiler_episode"]
            ],
            batch_size=INSERT_BATCH,
        )
        Quote.objects.bulk_create([q for quotes in quotes_of for q in quotes], batch_size=INSERT_BATCH)

        # article_publish: an audit entry and a revision snapshot per article.
        AuditEntry.objects.bulk_create(
            [AuditEntry(article=a, action=AuditEntry.Action.PUBLISH, user=None) for a in articles],
            batch_size=INSERT_BATCH,
        )
        revisions = []
        for (a, p), quotes in zip(pairs, quotes_of, strict=True):
            byline = p["byline"]
            revisions.append(
                Revision(
                    article=a,
                    kind=Revision.Kind.SAVE,
                    version=a.version,
                    note="Published",
                    data={
                        "fields": field_values(a),
                        "works": [p["work"].pk],
                        "people": p["people"],
                        "tags": sorted(self.tags[t].name for t in p["tags"]),
                        "bylines": [
                            {"person": byline.pk, "person_name": byline.name, "label": "Staff writer", "position": 0}
                        ],
                        "quotes": [
                            {
                                "words": q.words,
                                "speaker": q.speaker_id,
                                "speaker_name": q.speaker.name,
                                "character": q.character_id,
                                "status": q.status,
                                "confidence": q.confidence,
                                "position": q.position,
                            }
                            for q in quotes
                        ],
                        "spoilers": [
                            {
                                "work": p["work"].pk,
                                "work_title": p["work"].title,
                                "season": 1,
                                "episode": p["spoiler_episode"],
                                "severity": ArticleSpoiler.Severity.MAJOR,
                            }
                        ]
                        if p["spoiler_episode"]
                        else [],
                        "corrections": [],
                    },
                )
            )
        Revision.objects.bulk_create(revisions, batch_size=INSERT_BATCH)

    # Check ---------------------------------------------------------------------------------
    def verify(self, sample: int = 25) -> None:
        """Re-render a sample through article_render, rolled back; any change is a seed bug."""
        from django.db import transaction

        from articles.models import Article
        from articles.services import article_render

        fields = ["body_html", "body_safe_html", "excerpt", "safe_text", "reading_minutes", "body_warnings"]
        pks = sorted(Article.objects.values_list("pk", flat=True))
        rng = random.Random(SEED + 1)
        chosen = sorted(rng.sample(pks, min(sample, len(pks))))
        problems = []
        for pk in chosen:
            with transaction.atomic():
                article = Article.objects.get(pk=pk)
                before = {f: getattr(article, f) for f in fields}
                quotes_before = list(article.quotes.order_by("pk").values_list("spoiler_scope", "card"))
                article_render(article=article)
                article.refresh_from_db()
                after = {f: getattr(article, f) for f in fields}
                quotes_after = list(article.quotes.order_by("pk").values_list("spoiler_scope", "card"))
                transaction.set_rollback(True)
            diff = [f for f in fields if before[f] != after[f]]
            if quotes_before != quotes_after:
                diff.append("quotes")
            if diff:
                problems.append(f"{article.slug}: {', '.join(diff)}")
        if problems:
            raise SystemExit("[seed] article_render disagrees with the seed on: " + "; ".join(problems))
        self.log(f"[seed] verified: article_render on {len(chosen)} sampled articles changes nothing")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=int(os.environ.get("N", "2000")))
    parser.add_argument("--wipe", action="store_true", help="delete a previous bench seed even of the same size")
    parser.add_argument("--no-verify", action="store_true", help="skip the article_render sample check")
    args = parser.parse_args(argv)
    configure_environment()
    import django

    django.setup()
    from django.core.management import call_command

    t0 = time.monotonic()
    from django.db import DatabaseError, transaction

    seeder = Seeder(args.n)
    print(f"[seed] database {seeder.db_label()}, media {seeder.media_root}")
    try:
        with transaction.atomic():
            existing = seeder.existing_seed()  # refuses a database that is not the bench's
    except DatabaseError:
        existing = 0  # no tables yet
    call_command("migrate", verbosity=0, interactive=False)
    existing = seeder.existing_seed()
    if existing == args.n and not args.wipe:
        print(f"[seed] reusing the existing bench seed of {existing} articles (--wipe to seed again)")
        return 0
    if existing or args.wipe:
        print(f"[seed] a bench seed of {existing} articles is there; wiping it")
        seeder.wipe()
    seeder.seed_fixed()
    seeder.seed_articles()
    if not args.no_verify:
        seeder.verify()
    from django.db import connection

    with connection.cursor() as cursor:
        # Fresh planner statistics, as a live site has; on PostgreSQL also the visibility map its
        # autovacuum keeps, without which index-only scans still read the table.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"[seed] {args.n} articles seeded in {time.monotonic() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
