from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q

from cms.links import link
from cms.slugs import free_slug
from people.names import normalize_name


class PersonQuerySet(models.QuerySet):
    def matching_name(self, name: str) -> "PersonQuerySet":
        """People whose name or one of whose other spellings is ``name``."""
        key = normalize_name(name)
        return self.filter(Q(normalized_name=key) | Q(aliases__normalized_name=key)).distinct()

    def create_named(self, name: str) -> "Person":
        """A new person called ``name``, with a slug nobody has."""
        return self.create(name=name, slug=free_slug(self.all(), name, fallback="person"))

    def public(self, published: Callable[..., Q]) -> "PersonQuerySet":
        """People with a page readers may see (``public_q``). A biography or a credit on a work
        gives a page of its own; otherwise a byline, coverage or a quote in a live article does."""
        own = ~Q(bio="") | _has(self.model, "credits")
        return self.filter(public_q(self.model, published, own=own, shown_by=PERSON_IN_ARTICLES))


class WorkQuerySet(models.QuerySet):
    def public(self, published: Callable[..., Q]) -> "WorkQuerySet":
        """Works with a page readers may see (``public_q``). A synopsis, credits or an adaptation
        link gives a page of its own; otherwise coverage, a review or a spoiler tag in a live
        article does."""
        own = (
            ~Q(synopsis="") | Q(based_on__isnull=False) | _has(self.model, "credits") | _has(self.model, "adaptations")
        )
        return self.filter(public_q(self.model, published, own=own, shown_by=WORK_IN_ARTICLES))


# The relation paths from a person or a work to an article that shows them.
PERSON_IN_ARTICLES = ("bylines__article", "articles_about", "quotes__article")
WORK_IN_ARTICLES = ("articles", "reviews", "spoiler_scopes__article_items__content_object")


def public_q(model, published: Callable[..., Q], *, own: Q, shown_by: tuple[str, ...]) -> Q:
    """The one rule for whether a person's or a work's page is public, used by their pages,
    feeds, sitemaps and search.

    Public: a row with content of its own that an editor entered (``own``), a row a live article
    shows, and a row no article mentions at all (entered in the admin for its own sake). Left
    out: a row that only drafts, scheduled or unpublished articles mention, such as a byline
    pasted into a draft, until one of them is published.

    ``published`` is ``articles.models.published_q``: people sits below articles, so the rule
    comes in as an argument rather than an import. ``shown_by`` are the relation paths from the
    row to an article. Each test is one ``EXISTS`` on the row's own key.
    """
    mentioned = Q()
    shown = Q()
    for path in shown_by:
        mentioned |= _has(model, path)
        shown |= Exists(model.objects.filter(published(prefix=f"{path}__"), pk=OuterRef("pk")))
    return own | shown | ~mentioned


def _has(model, path: str) -> Exists:
    return Exists(model.objects.filter(pk=OuterRef("pk"), **{f"{path}__isnull": False}))


class Person(models.Model):
    """Anyone an article can be about, quote or credit: actors, creators, writers, journalists."""

    name = models.CharField("name", max_length=200, help_text="As the person is credited.")
    slug = models.SlugField(
        "slug",
        max_length=220,
        unique=True,
        help_text="The person's address on the site, e.g. /people/anna-maiche/.",
        error_messages={"unique": "Another person already uses this slug; choose a different one."},
    )
    normalized_name = models.CharField(max_length=200, editable=False, db_index=True)
    bio = models.TextField("biography", blank=True, help_text="A few factual sentences; Markdown.")
    headshot = models.ForeignKey(
        "images.Image",
        verbose_name="headshot",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return link("people:person_detail", self.slug)


class PersonAlias(models.Model):
    """Another spelling of a person's name, as seen in print ("Casimere Jolette")."""

    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(
        "other spelling",
        max_length=200,
        help_text="A misspelling, former name or stage name that should find this person.",
    )
    normalized_name = models.CharField(max_length=200, editable=False)

    class Meta:
        verbose_name = "other spelling"
        verbose_name_plural = "other spellings"
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["normalized_name"],
                name="person_alias_unique_spelling",
                violation_error_message="This spelling is already another spelling of someone.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        key = normalize_name(self.name)
        self.normalized_name = key
        if not key:
            return
        clash = Person.objects.filter(normalized_name=key)
        if self.person_id:
            clash = clash.exclude(pk=self.person_id)
        other = clash.first()
        if other is not None:
            raise ValidationError(
                {
                    "name": f"“{self.name}” is the name of another person ({other.name}); "
                    "an other spelling must not point at someone else."
                }
            )
        if self.person_id and normalize_name(self.person.name) == key:
            raise ValidationError({"name": "This is already the person's own name."})


class PersonLink(models.Model):
    class Kind(models.TextChoices):
        WEBSITE = "website", "Website"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X (Twitter)"
        TIKTOK = "tiktok", "TikTok"
        IMDB = "imdb", "IMDb"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.CASCADE, related_name="links")
    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.WEBSITE)
    value = models.CharField(
        "handle or address", max_length=300, help_text='A full address or a handle such as "@blairlyawake".'
    )

    class Meta:
        verbose_name = "handle or link"
        verbose_name_plural = "handles and links"
        ordering = ["kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "value"], name="person_link_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class Work(models.Model):
    """A series, film, novel, play… that articles cover and people are credited on."""

    class Kind(models.TextChoices):
        SERIES = "series", "TV series"
        MINISERIES = "miniseries", "Limited series"
        FILM = "film", "Film"
        SPECIAL = "special", "TV special"
        NOVEL = "novel", "Novel"
        PLAY = "play", "Play"
        MUSICAL = "musical", "Musical"

    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.SERIES)
    title = models.CharField("title", max_length=300)
    slug = models.SlugField(
        "slug",
        max_length=320,
        unique=True,
        help_text="The work's address on the site, e.g. /works/tiny-pretty-things/.",
        error_messages={"unique": "Another work already uses this slug; choose a different one."},
    )
    year = models.PositiveSmallIntegerField(
        "year", null=True, blank=True, help_text="Year of first release or publication."
    )
    network = models.CharField("network or publisher", max_length=200, blank=True, help_text='e.g. "Netflix".')
    premiere_date = models.DateField("premiere date", null=True, blank=True)
    synopsis = models.TextField(
        "synopsis", blank=True, help_text="Spoiler-free; it is shown on every page about the work."
    )
    poster = models.ForeignKey(
        "images.Image", verbose_name="poster", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name="based on",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text="The novel, play or film this work adapts.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    objects = WorkQuerySet.as_manager()

    class Meta:
        verbose_name = "work"
        verbose_name_plural = "works"
        ordering = ["title", "year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(based_on=models.F("pk")),
                name="work_not_based_on_itself",
                violation_error_message="A work cannot be based on itself.",
            ),
        ]

    def __str__(self) -> str:
        if self.year and self.kind != self.Kind.SERIES:
            return f"{self.title} ({self.get_kind_display().lower()}, {self.year})"
        if self.kind != self.Kind.SERIES:
            return f"{self.title} ({self.get_kind_display().lower()})"
        return self.title

    def get_absolute_url(self) -> str:
        return link("people:work_detail", self.slug)


class Season(models.Model):
    work = models.ForeignKey(Work, verbose_name="work", on_delete=models.CASCADE, related_name="seasons")
    number = models.PositiveSmallIntegerField(
        "season number", validators=[MinValueValidator(1, "Season numbers start at 1.")]
    )
    title = models.CharField("title", max_length=200, blank=True)
    premiere_date = models.DateField("premiere date", null=True, blank=True)

    class Meta:
        verbose_name = "season"
        verbose_name_plural = "seasons"
        ordering = ["work", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "number"],
                name="season_number_unique_in_work",
                violation_error_message="This work already has a season with this number.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="season_number_positive",
                violation_error_message="Season numbers start at 1.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.work.title} S{self.number}"


class Episode(models.Model):
    season = models.ForeignKey(Season, verbose_name="season", on_delete=models.CASCADE, related_name="episodes")
    number = models.PositiveSmallIntegerField(
        "episode number",
        validators=[MinValueValidator(1, "Episode numbers start at 1.")],
        help_text="Its number within the season.",
    )
    title = models.CharField("title", max_length=300, blank=True)
    air_date = models.DateField("air date", null=True, blank=True)

    class Meta:
        verbose_name = "episode"
        verbose_name_plural = "episodes"
        ordering = ["season", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "number"],
                name="episode_number_unique_in_season",
                violation_error_message="This season already has an episode with this number.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="episode_number_positive",
                violation_error_message="Episode numbers start at 1.",
            ),
        ]

    def __str__(self) -> str:
        code = f"S{self.season.number}E{self.number}"
        return f"{self.season.work.title} {code}" + (f" “{self.title}”" if self.title else "")


class Character(models.Model):
    work = models.ForeignKey(Work, verbose_name="work", on_delete=models.CASCADE, related_name="characters")
    name = models.CharField("name", max_length=200)
    slug = models.SlugField("slug", max_length=220)
    description = models.TextField("description", blank=True, help_text="Spoiler-free.")

    class Meta:
        verbose_name = "character"
        verbose_name_plural = "characters"
        ordering = ["work", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "slug"],
                name="character_slug_unique_in_work",
                violation_error_message="This work already has a character with this slug.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.work.title})"

    def get_absolute_url(self) -> str:
        return link("people:character_detail", self.work.slug, self.slug)


class Credit(models.Model):
    """A person's part in a work: cast with a character, or a crew role."""

    class Role(models.TextChoices):
        CAST = "cast", "Cast"
        GUEST = "guest", "Guest star"
        SELF = "self", "As themself"
        CREATOR = "creator", "Creator"
        SHOWRUNNER = "showrunner", "Showrunner"
        WRITER = "writer", "Writer"
        AUTHOR = "author", "Author"
        DIRECTOR = "director", "Director"
        PRODUCER = "producer", "Producer"
        CHOREOGRAPHER = "choreographer", "Choreographer"
        STUNT_DOUBLE = "stunt_double", "Stunt double"
        COMPOSER = "composer", "Composer"
        PHOTOGRAPHER = "photographer", "Photographer"

    ACTING_ROLES = (Role.CAST, Role.GUEST, Role.STUNT_DOUBLE)

    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.CASCADE, related_name="credits")
    work = models.ForeignKey(Work, verbose_name="work", on_delete=models.CASCADE, related_name="credits")
    role = models.CharField("role", max_length=20, choices=Role.choices, default=Role.CAST)
    character = models.ForeignKey(
        Character,
        verbose_name="character",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="credits",
        help_text="For acting credits: the character played, from the same work.",
    )
    billing = models.PositiveSmallIntegerField(
        "billing order", default=100, help_text="Lower numbers are listed first."
    )
    note = models.CharField("note", max_length=300, blank=True)

    class Meta:
        verbose_name = "credit"
        verbose_name_plural = "credits"
        ordering = ["work", "billing", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "work", "role", "character"],
                condition=Q(character__isnull=False),
                name="credit_unique_with_character",
                violation_error_message="This person already has this role for this character in this work.",
            ),
            models.UniqueConstraint(
                fields=["person", "work", "role"],
                condition=Q(character__isnull=True),
                name="credit_unique_without_character",
                violation_error_message="This person already has this role in this work.",
            ),
        ]
        indexes = [models.Index(fields=["work", "billing"], name="credit_work_billing")]

    def __str__(self) -> str:
        role = self.get_role_display()
        if self.character_id:
            return f"{self.person} as {self.character.name} ({role}, {self.work.title})"
        return f"{self.person}: {role}, {self.work.title}"

    def clean(self) -> None:
        if self.character_id and self.work_id and self.character.work_id != self.work_id:
            raise ValidationError(
                {
                    "character": f"{self.character.name} is a character in {self.character.work.title}, "
                    "not in this credit's work."
                }
            )
