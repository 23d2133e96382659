from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import ItemBase, NaturalKeyManager, Tag, TagBase, TaggedItemBase

from cms.links import link


def published_q(now=None, prefix: str = "") -> Q:
    """The one definition of what readers may see: published, and its publish time has come.

    A published article whose publish time is still ahead is *scheduled*; it goes live by itself
    when the clock passes that time, with no job to run. ``prefix`` applies the rule across a
    relation, e.g. ``published_q(prefix="articles__")`` from a Work.
    """
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}publish_at__lte": now or timezone.now()})


def person_links(person, *, bylines: bool = True) -> list[models.QuerySet]:
    """What ties an article to a person, one queryset of rows with an ``article`` key per way:
    a byline (unless ``bylines`` is false), coverage, and a confirmed quote."""
    links = [
        Article.people.through.objects.filter(person=person),
        Quote.objects.filter(speaker=person, status=Quote.Status.CONFIRMED),
    ]
    return [Byline.objects.filter(person=person), *links] if bylines else links


# Related articles are looked for among this many of the newest, and as many up to the article.
RELATED_WINDOW = 500
# Earlier than any publish time: where a window starts when it holds every article.
EARLIEST = datetime(1, 1, 1, tzinfo=UTC)

# Long text a listing never shows; deferred so cards and feeds do not carry whole bodies.
BODY_FIELDS = ("body", "body_html", "body_safe_html", "safe_text", "body_warnings")


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None) -> "ArticleQuerySet":
        return self.filter(published_q(now))

    def scheduled(self, now=None) -> "ArticleQuerySet":
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=now or timezone.now())

    def with_is_live(self, now=None) -> "ArticleQuerySet":
        return self.annotate(is_live=models.ExpressionWrapper(published_q(now), output_field=models.BooleanField()))

    def newest_first(self) -> "ArticleQuerySet":
        """Newest publish time first. Published articles always have one, so this reads the
        ``article_published_newest`` index in order; rows without a time (drafts) come first."""
        return self.order_by("-publish_at", "-pk")

    def newest_keys(self, limit: int, offset: int = 0, *, through: Sequence[models.QuerySet] = ()) -> list[int]:
        """The keys of the newest articles, read through the listing index alone.

        Listings fetch their keys first and then their cards by key (``in_order_of``): asked for
        whole cards at once, the planner may read and sort every match to find the first few.

        With ``through`` (querysets of rows with an ``article`` key, such as ``person_links``),
        only the articles one of those rows points at, read link by link (``linked_first``):
        each link's newest ``offset + limit`` on their own, then only those few merged and
        sorted. Each link's read either walks the listing index, testing each article against
        that link's index, or reads the link's own rows, whichever its statistics say is
        cheaper; reading every article any link reaches first, as ``linked_to`` does, costs as
        much as the busiest subject has articles.
        """
        articles = self.linked_first(through, first=offset + limit) if through else self
        return list(articles.newest_first().values_list("pk", flat=True)[offset : offset + limit])

    def linked_first(
        self, links: Sequence[models.QuerySet], *, first: int, ordering: Sequence[str] = ("-publish_at", "-pk")
    ) -> "ArticleQuerySet":
        """These articles that one of ``links`` points at, as far as the ``first`` of them in
        ``ordering`` reach: each link's own first ``first`` in that order, read on its own.

        The first ``first`` of the whole are among them, so a page cut from this queryset in the
        same order is the page ``linked_to(links)`` would give, while no link is read further
        than one page's worth.
        """
        articles = self.model._default_manager
        firsts = [
            articles.filter(
                pk__in=self.filter(Exists(link.filter(article=OuterRef("pk")))).order_by(*ordering).values("pk")[:first]
            )
            .order_by()
            .values("pk")
            for link in links
        ]
        return self.filter(pk__in=firsts[0].union(*firsts[1:], all=True))  # IN drops repeats

    def in_order_of(self, keys: list[int]) -> list["Article"]:
        """The articles with these keys, in the keys' order; a key no longer found is skipped."""
        found = self.filter(pk__in=keys).in_bulk() if keys else {}
        return [found[key] for key in keys if key in found]

    def linked_to(self, links: Sequence[models.QuerySet]) -> "ArticleQuerySet":
        """Articles one of ``links`` points at: querysets of rows with an ``article`` key.

        The key sets are united first, so each reads its own index and the articles are then
        fetched by key; an ``OR`` across the joins would read every article instead. For the
        newest few, ``newest_keys(through=links)`` reads less.
        """
        keys = [link.order_by().values("article_id") for link in links]
        return self.filter(pk__in=keys[0].union(*keys[1:]))

    def about_or_quoting(self, person) -> "ArticleQuerySet":
        """Articles about a person or quoting them with a confirmed quote."""
        return self.linked_to(person_links(person, bylines=False))

    def by_about_or_quoting(self, person) -> "ArticleQuerySet":
        """Articles a person wrote (a byline), is covered by, or is quoted in with a confirmed quote.

        What a person's page and feed list: a critic's reviews as much as an actor's interviews.
        They read the newest through ``newest_keys(through=person_links(person))``.
        """
        return self.linked_to(person_links(person))

    def topic_tags(self) -> models.QuerySet[Tag]:
        """The topic tags these articles use: ``Article.objects.published().topic_tags()`` are the
        tags with a public page. One probe per tag, rather than a join over every tagging."""
        in_use = TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__in=self.order_by().values("pk"))
        return Tag.objects.filter(Exists(in_use))

    def card_columns(self) -> "ArticleQuerySet":
        """A listing card's own columns and its hero image; the body and its rendered variants are
        left in the database. Readers' listings add the card's bylines and spoiler tags through
        prepared queries (``reader.detail.with_card_relations``)."""
        return self.defer(*BODY_FIELDS).select_related("hero_image")

    def for_listing(self) -> "ArticleQuerySet":
        """A card's columns with its bylines, spoiler tags and topic tags: what an admin row, a feed
        entry or the API's article list shows, fetched in a fixed number of queries."""
        return self.card_columns().prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("person")),
            Prefetch("spoiler_items", queryset=ArticleSpoiler.objects.select_related("tag__work")),
            "tags",
        )

    def related_to(self, article_key: int, *, limit: int, window: int = RELATED_WINDOW) -> "ArticleQuerySet":
        """The newest ``limit`` other articles sharing a work or a topic tag with the article of
        ``article_key``, looked for among the newest ``window`` of these articles and among the
        ``window`` published up to that article.

        One ``EXISTS`` over both links, tested row by row, so each read walks the listing index
        and stops after a handful of rows. Two ``EXISTS`` joined by ``OR`` would let PostgreSQL
        hash every article of the work and the tags first, and a join would need ``DISTINCT``;
        both grow with the archive. Each window is a range of publish times, so the walk also
        stops at the window's end for an article that shares nothing with the others: without
        one, such an article's read walked the whole archive (3 s at 100,000 articles). The
        article's own works and tags, and the windows' ends, are read by subquery, so the
        query's text is the same for every article.
        """
        works = Article.works.through.objects.filter(article=article_key).values("work")
        tags = TaggedArticle.objects.filter(content_object=article_key).values("tag")
        shares_work = Article.works.through.objects.filter(article=OuterRef("pk"), work__in=works)
        shares_tag = TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tags)
        shares = shares_work.order_by().values("pk").union(shares_tag.order_by().values("pk"), all=True)
        sharing = self.filter(Exists(shares)).exclude(pk=article_key)

        own_time = Subquery(Article.objects.filter(pk=article_key).values("publish_at")[:1])
        earlier = self.filter(publish_at__lte=own_time)

        def window_start(articles: "ArticleQuerySet") -> Coalesce:
            """The publish time of the ``window``-th newest of ``articles``; the first ever if fewer."""
            nth = articles.newest_first().values("publish_at")[window - 1 : window]
            return Coalesce(Subquery(nth), Value(EARLIEST, output_field=models.DateTimeField()))

        newest = [
            Article.objects.filter(pk__in=within.newest_first().values("pk")[:limit]).order_by().values("pk")
            for within in (
                sharing.filter(publish_at__gte=window_start(self)),
                sharing.filter(publish_at__lte=own_time, publish_at__gte=window_start(earlier)),
            )
        ]
        return self.filter(pk__in=newest[0].union(newest[1], all=True))  # IN drops repeats


class SpoilerScopeManager(NaturalKeyManager):
    def for_numbers(self, *, work, season_number: int | None, episode_number: int | None) -> "SpoilerScope":
        """The shared scope for these numbers, created on first use."""
        scope = self.filter(work=work, season_number=season_number, episode_number=episode_number).first()
        if scope is None:
            scope = self.model(work=work, season_number=season_number, episode_number=episode_number)
            scope.save()
        return scope


class SpoilerScope(TagBase):
    """How far into a work a spoiler reaches: the whole work, a season, or one episode.

    Scopes are tags shared by every article that spoils the same point, so readers and feeds can
    follow them; the severity belongs to each article's tagging (``ArticleSpoiler``).
    """

    # The name is a label for people ("Tiny Pretty Things S1E10"); two works can share a title,
    # so identity lives in the slug, built from the work's unique slug.
    name = models.CharField("name", max_length=400, editable=False)
    slug = models.SlugField("slug", max_length=400, unique=True, editable=False)

    objects = SpoilerScopeManager()
    work = models.ForeignKey(
        "people.Work", verbose_name="work", on_delete=models.CASCADE, related_name="spoiler_scopes"
    )
    season_number = models.PositiveSmallIntegerField(
        "season", null=True, blank=True, validators=[MinValueValidator(1, "Season numbers start at 1.")]
    )
    episode_number = models.PositiveSmallIntegerField(
        "episode", null=True, blank=True, validators=[MinValueValidator(1, "Episode numbers start at 1.")]
    )

    class Meta:
        verbose_name = "spoiler scope"
        verbose_name_plural = "spoiler scopes"
        ordering = ["work__title", F("season_number").asc(nulls_last=True), F("episode_number").asc(nulls_last=True)]
        constraints = [
            models.CheckConstraint(
                condition=Q(episode_number__isnull=True) | Q(season_number__isnull=False),
                name="spoiler_scope_episode_needs_season",
                violation_error_message="An episode scope needs its season too.",
            ),
            models.UniqueConstraint(
                fields=["work"],
                condition=Q(season_number__isnull=True),
                name="spoiler_scope_unique_whole_work",
            ),
            models.UniqueConstraint(
                fields=["work", "season_number"],
                condition=Q(season_number__isnull=False, episode_number__isnull=True),
                name="spoiler_scope_unique_season",
            ),
            models.UniqueConstraint(
                fields=["work", "season_number", "episode_number"],
                condition=Q(episode_number__isnull=False),
                name="spoiler_scope_unique_episode",
            ),
        ]

    @property
    def code(self) -> str:
        """``S1E10``, ``S1`` or an empty string for the whole work."""
        if self.season_number is None:
            return ""
        if self.episode_number is None:
            return f"S{self.season_number}"
        return f"S{self.season_number}E{self.episode_number}"

    def save(self, *args, **kwargs):
        self.name = f"{self.work.title} {self.code}" if self.code else f"{self.work.title} (whole work)"
        self.slug = slugify(f"{self.work.slug} {self.code or 'all'}")
        super().save(*args, **kwargs)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "topic tag"
        verbose_name_plural = "topic tags"
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique")]


class ArticleSpoiler(ItemBase):
    class Severity(models.TextChoices):
        MINOR = "minor", "Minor"
        MAJOR = "major", "Major"
        ENDING = "ending", "Ending"

    content_object = models.ForeignKey(
        "Article", verbose_name="article", on_delete=models.CASCADE, related_name="spoiler_items"
    )
    tag = models.ForeignKey(SpoilerScope, verbose_name="scope", on_delete=models.PROTECT, related_name="article_items")
    severity = models.CharField("severity", max_length=10, choices=Severity.choices, default=Severity.MAJOR)

    class Meta:
        verbose_name = "spoiler tag"
        verbose_name_plural = "spoiler tags"
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"],
                name="article_spoiler_unique",
                violation_error_message="This article already has this spoiler scope.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.tag.name} ({self.get_severity_display().lower()})"


class Article(models.Model):
    class Kind(models.TextChoices):
        INTERVIEW = "interview", "Interview"
        REVIEW = "review", "Review"
        FEATURE = "feature", "Feature / explainer"
        RECAP = "recap", "Recap"
        NEWS = "news", "News"

    KIND_PLURALS = {
        "interview": "Interviews",
        "review": "Reviews",
        "feature": "Features",
        "recap": "Recaps",
        "news": "News",
    }

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    class RatingScale(models.IntegerChoices):
        FIVE = 5, "out of 5"
        TEN = 10, "out of 10"
        HUNDRED = 100, "out of 100"

    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.NEWS)
    headline = models.CharField(
        "headline", max_length=300, help_text="Spoiler-free: it appears in listings, feeds and search results."
    )
    slug = models.SlugField(
        "slug",
        max_length=320,
        unique=True,
        help_text="The article's address; spoiler-free like the headline.",
        error_messages={"unique": "Another article already uses this slug; choose a different one."},
    )
    dek = models.TextField(
        "dek", max_length=600, blank=True, help_text="The standfirst under the headline. Spoiler-free."
    )
    body = models.TextField(
        "body",
        blank=True,
        help_text="Markdown. Spoiler sections: “::: spoiler S1E10” … “:::”; inline spoilers: ||like this||.",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        "publish time",
        null=True,
        blank=True,
        help_text="A published article with a time in the future is scheduled and goes live at that time.",
    )
    hero_image = models.ForeignKey(
        "images.Image", verbose_name="hero image", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    works = models.ManyToManyField("people.Work", verbose_name="works covered", blank=True, related_name="articles")
    people = models.ManyToManyField(
        "people.Person", verbose_name="people covered", blank=True, related_name="articles_about"
    )
    tags = TaggableManager(
        "topic tags",
        through=TaggedArticle,
        blank=True,
        related_name="articles",
        help_text="Comma-separated topics, e.g. “ballet, netflix”.",
    )
    spoilers = TaggableManager("spoiler scopes", through=ArticleSpoiler, blank=True, related_name="spoiled_articles")

    rating = models.DecimalField(
        "rating",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), "A rating cannot be negative.")],
        help_text="Reviews only, on the scale below.",
    )
    rating_scale = models.PositiveSmallIntegerField(
        "rating scale", choices=RatingScale.choices, default=RatingScale.FIVE
    )
    verdict = models.CharField(
        "verdict", max_length=300, blank=True, help_text="Reviews: the critic's verdict in a line."
    )
    reviewed_work = models.ForeignKey(
        "people.Work",
        verbose_name="work reviewed",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    reviewed_season = models.ForeignKey(
        "people.Season",
        verbose_name="season reviewed",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    reviewed_episode = models.ForeignKey(
        "people.Episode",
        verbose_name="episode reviewed",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )

    # Derived from the body when the article is saved (articles.services.article_render), so that
    # no page view parses Markdown. Only the spoiler-safe variants may leave the article page.
    body_html = models.TextField("rendered body", blank=True, editable=False)
    body_safe_html = models.TextField("spoiler-safe body", blank=True, editable=False)
    excerpt = models.TextField("spoiler-safe excerpt", blank=True, editable=False)
    safe_text = models.TextField(
        "spoiler-safe text",
        blank=True,
        editable=False,
        help_text="The whole body as plain text, spoilers left out; for search.",
    )
    reading_minutes = models.PositiveSmallIntegerField("reading time (minutes)", default=1, editable=False)
    body_warnings = models.JSONField("body warnings", default=list, blank=True, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="created by",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Contributors may edit only the drafts they created.",
    )
    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up with every save; two editors' saves cannot cross."
    )
    pending_changes = models.ForeignKey(
        "Revision",
        verbose_name="unpublished changes",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Changes to a live article saved for later: readers see the row until they are published.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "article"
        verbose_name_plural = "articles"
        ordering = [F("publish_at").desc(nulls_last=True), "-pk"]
        get_latest_by = "publish_at"
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("edit_any_article", "Can edit articles by anyone, in any state"),
        ]
        indexes = [
            # "Newest published first" (newest_first() on published()), read in index order.
            models.Index(
                F("publish_at").desc(),
                F("id").desc(),
                name="article_published_newest",
                condition=Q(status="published"),
            ),
            # "Last changed" (an edit, or going live) of published articles, newest first: the
            # sitemaps date their sections and tags by it, reading from the top.
            models.Index(
                Greatest("updated_at", "publish_at").desc(),
                F("publish_at"),
                name="article_published_changed",
                condition=Q(status="published"),
            ),
            models.Index(fields=["status", "-publish_at"], name="article_listing"),
            models.Index(fields=["kind", "status", "-publish_at"], name="article_kind_listing"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publish_at__isnull=False),
                name="article_published_has_time",
                violation_error_message="A published article needs a publish time.",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=0, rating__lte=F("rating_scale")),
                name="article_rating_within_scale",
                violation_error_message="The rating must lie between 0 and the rating scale.",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return link("articles:article_detail", self.slug)

    @property
    def seen_by_readers(self) -> bool:
        """Published or scheduled: what it shows (its hero image, say) is, or soon will be, public."""
        return self.status == self.Status.PUBLISHED

    def clean(self) -> None:
        errors = {}
        if self.rating is not None:
            if self.kind != self.Kind.REVIEW:
                errors["rating"] = "Only reviews carry a rating; clear it or make this article a review."
            elif self.rating_scale and self.rating > self.rating_scale:
                errors["rating"] = f"The rating must be between 0 and {self.rating_scale} on this scale."
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            errors["publish_at"] = "Set a publish time (now, or later to schedule it)."
        if self.reviewed_season_id and self.reviewed_work_id and self.reviewed_season.work_id != self.reviewed_work_id:
            errors["reviewed_season"] = "This season belongs to another work than the work reviewed."
        if self.reviewed_episode_id:
            if self.reviewed_season_id and self.reviewed_episode.season_id != self.reviewed_season_id:
                errors["reviewed_episode"] = "This episode belongs to another season than the season reviewed."
            elif self.reviewed_work_id and self.reviewed_episode.season.work_id != self.reviewed_work_id:
                errors["reviewed_episode"] = "This episode belongs to another work than the work reviewed."
        if errors:
            raise ValidationError(errors)


class Byline(models.Model):
    """An author credited on an article, in order, with the label printed beside the name."""

    article = models.ForeignKey(Article, verbose_name="article", on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey("people.Person", verbose_name="author", on_delete=models.PROTECT, related_name="bylines")
    label = models.CharField("label", max_length=100, blank=True, help_text='e.g. "Senior Editor", "TV Critic".')
    position = models.PositiveSmallIntegerField("order", default=0)

    class Meta:
        verbose_name = "byline"
        verbose_name_plural = "bylines"
        ordering = ["position", "pk"]
        # With the article, "which articles did this person write" is answered from the index alone.
        indexes = [models.Index(fields=["person", "article"], name="byline_person_article")]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person"],
                name="byline_unique_author",
                violation_error_message="This author is already on the byline.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person.name}, {self.label}" if self.label else self.person.name


class QuoteQuerySet(models.QuerySet):
    def confirmed_live(self, now=None) -> "QuoteQuerySet":
        """Confirmed quotes in live articles, spoilers included: only for readers whose progress is checked."""
        return self.filter(published_q(now, prefix="article__"), status=Quote.Status.CONFIRMED)

    def quotable(self) -> "QuoteQuerySet":
        """Confirmed quotes outside any spoiler: those an article's page publishes as structured data."""
        return self.filter(status=Quote.Status.CONFIRMED, spoiler_scope="")

    def public(self, now=None) -> "QuoteQuerySet":
        """Quotes that may appear outside their article: confirmed, outside any spoiler, in a live article."""
        return self.quotable().filter(published_q(now, prefix="article__"))

    def newest(self, limit: int) -> "QuoteQuerySet":
        """The first ``limit`` of these quotes, newest article first and in article order within it.

        The newest ``limit`` live articles holding one of them are found first, through the
        listing index or the quotes' own, and only their quotes are read and sorted: ordering
        every quote of a busy speaker by its article's date costs as much as they have quotes.
        """
        holding = Exists(self.filter(article=OuterRef("pk")))
        articles = Article.objects.published().filter(holding).newest_first().values("pk")[:limit]
        return self.filter(article__in=articles).order_by("-article__publish_at", "-article", "position", "pk")[:limit]

    def waiting_for_a_person(self) -> "QuoteQuerySet":
        """Suggested quotes with a speaker's name but no person: someone the article introduces who
        is not in the database yet, or a name that fits two people."""
        return self.filter(status=Quote.Status.SUGGESTED, speaker__isnull=True).exclude(speaker_name=Quote.UNATTRIBUTED)


class Quote(models.Model):
    """Words someone said, found in an article's body and attributed to a speaker."""

    # What the analyser writes as "speaker as written" when it found no speaker at all.
    UNATTRIBUTED = "(speaker not found)"

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(Article, verbose_name="article", on_delete=models.CASCADE, related_name="quotes")
    words = models.TextField("words", help_text="Exactly as printed in the article.")
    speaker = models.ForeignKey(
        "people.Person",
        verbose_name="speaker",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quotes",
        help_text="Leave empty when the speaker is not (yet) in the database; give their name below.",
    )
    speaker_name = models.CharField(
        "speaker as written", max_length=200, blank=True, help_text="The name as the article prints it."
    )
    character = models.ForeignKey(
        "people.Character",
        verbose_name="said as character",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        help_text="When the words are a line of dialogue from the show.",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.SUGGESTED)
    confidence = models.FloatField(
        "confidence",
        default=1.0,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="How sure the attribution is, from 0 to 1.",
    )
    position = models.PositiveIntegerField("position", default=0, help_text="Order in the article.")
    missing_from_body = models.BooleanField(
        "words no longer in the body",
        default=False,
        help_text="Set when an edit removed these words; check the quote and delete it or fix the body.",
    )
    candidates = models.JSONField(
        "possible speakers",
        default=list,
        blank=True,
        editable=False,
        help_text="When the analyser could not choose between people, the ones it found (full names).",
    )
    card = models.ImageField(
        "quote card",
        upload_to="quote-cards/",
        blank=True,
        editable=False,
        help_text="Drawn when the quote is confirmed.",
    )
    spoiler_scope = models.CharField(
        "inside spoiler",
        max_length=400,
        blank=True,
        editable=False,
        help_text="Set when the words sit inside a spoiler; such quotes stay off pages outside the article.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        verbose_name = "quote"
        verbose_name_plural = "quotes"
        ordering = ["article", "position", "pk"]
        # With the article, "which articles quote this person" is answered from the index alone.
        indexes = [
            models.Index(fields=["speaker", "status", "article"], name="quote_speaker_article"),
            # The most recently changed quote, for the quotes sitemap's date, read from the top.
            models.Index(F("updated_at").desc(), name="quote_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1),
                name="quote_confidence_range",
                violation_error_message="Confidence lies between 0 and 1.",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(speaker__isnull=False),
                name="quote_confirmed_has_speaker",
                violation_error_message="A confirmed quote needs a speaker from the people database.",
            ),
            models.CheckConstraint(
                condition=Q(speaker__isnull=False) | ~Q(speaker_name=""),
                name="quote_has_a_speaker",
                violation_error_message="Choose the speaker or type their name as written.",
            ),
        ]

    def __str__(self) -> str:
        words = self.words if len(self.words) <= 60 else self.words[:59] + "…"
        return f"“{words}”"

    def get_absolute_url(self) -> str:
        return link("articles:quote_detail", self.pk)

    def clean(self) -> None:
        if self.status == self.Status.CONFIRMED and not self.speaker_id:
            raise ValidationError({"speaker": "Choose who said this before confirming it."})
        if not self.speaker_id and not self.speaker_name.strip():
            raise ValidationError({"speaker": "Choose the speaker or type their name as written."})

    @property
    def speaker_display(self) -> str:
        return self.speaker.name if self.speaker_id else self.speaker_name


class Correction(models.Model):
    """A note printed at the end of an article saying what was corrected and when."""

    article = models.ForeignKey(Article, verbose_name="article", on_delete=models.CASCADE, related_name="corrections")
    note = models.TextField("correction", help_text="What was wrong and what it now says. Shown to readers.")
    corrected_at = models.DateTimeField("date", default=timezone.now)

    class Meta:
        verbose_name = "correction"
        verbose_name_plural = "corrections"
        ordering = ["corrected_at", "pk"]

    def __str__(self) -> str:
        return f"Correction of {timezone.localtime(self.corrected_at):%Y-%m-%d}"


class Revision(models.Model):
    """Everything an editor can change about an article, as it was after one save."""

    class Kind(models.TextChoices):
        SAVE = "save", "Saved"
        RESTORE = "restore", "Restored an earlier revision"
        CONFLICT = "conflict", "Refused in a conflict (kept so nothing is lost)"
        IMPORT = "import", "Imported"
        DRAFT = "draft", "Saved for later (not live)"

    article = models.ForeignKey(Article, verbose_name="article", on_delete=models.CASCADE, related_name="revisions")
    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.SAVE)
    version = models.PositiveIntegerField("article version", help_text="The article's version this revision records.")
    data = models.JSONField("snapshot")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="by", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("when", default=timezone.now)
    note = models.CharField("note", max_length=300, blank=True)

    class Meta:
        verbose_name = "revision"
        verbose_name_plural = "revisions"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["article", "-created_at"], name="revision_article_recent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"


class ShareLink(models.Model):
    """A signed, expiring preview link for someone without an account."""

    article = models.ForeignKey(Article, verbose_name="article", on_delete=models.CASCADE, related_name="share_links")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="created by", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("created", default=timezone.now)
    expires_at = models.DateTimeField("expires")
    revoked_at = models.DateTimeField("revoked", null=True, blank=True)

    class Meta:
        verbose_name = "share link"
        verbose_name_plural = "share links"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Preview of “{self.article}” until {timezone.localtime(self.expires_at):%Y-%m-%d}"

    def is_active(self, now=None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class SlugRedirect(models.Model):
    """An address an article used to have; it answers with a permanent redirect."""

    old_slug = models.SlugField("old slug", max_length=320, unique=True)
    article = models.ForeignKey(Article, verbose_name="article", on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField("created", default=timezone.now)

    class Meta:
        verbose_name = "old address"
        verbose_name_plural = "old addresses"

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.article.slug}"


class AuditEntry(models.Model):
    """Who published, unpublished, scheduled, restored or shared what, and when."""

    class Action(models.TextChoices):
        PUBLISH = "publish", "Published"
        SCHEDULE = "schedule", "Scheduled"
        UNPUBLISH = "unpublish", "Unpublished"
        SUBMIT = "submit", "Submitted for review"
        RETURN = "return", "Returned to draft"
        RESTORE = "restore", "Restored a revision"
        SHARE = "share", "Created a share link"
        REVOKE = "revoke", "Revoked a share link"
        PEOPLE = "people", "Reviewed the people in the article"
        CHANGES_SAVED = "changes_saved", "Saved changes to the live article for later"
        CHANGES_DISCARDED = "changes_discarded", "Discarded unpublished changes"

    article = models.ForeignKey(Article, verbose_name="article", on_delete=models.CASCADE, related_name="audit_entries")
    action = models.CharField("action", max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="by", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("when", default=timezone.now)
    detail = models.CharField("detail", max_length=300, blank=True)

    class Meta:
        verbose_name = "audit entry"
        verbose_name_plural = "audit log"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.article}"
