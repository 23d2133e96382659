"""How the content API writes each row: plain JSON, with absolute URLs built on the request's host.

Serializers read only what the views fetched (``select_related``, prefetches and the image's
stored rendition index), so none of them queries per row. The article body comes out of
``reader.feeds.item_content``, the function that writes a feed item's text: the spoiler-safe
variant with each spoiler a link to the article, unless the request's ``through`` covers it.
"""

from functools import cached_property
from urllib.parse import urlencode

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, ArticleSpoiler, Byline, Correction, Quote
from cms.links import link
from images.models import Image
from people.models import Character, Credit, Episode, Person, PersonLink, Season, Work
from reader.feeds import Entry, item_content


def absolute(context: dict, path: str) -> str:
    """``path`` (or an absolute URL, left as it is) as an absolute URL on the request's host.

    A site path is joined to the request's origin, worked out once per answer: a list writes
    some fifteen addresses for each of its rows.
    """
    if not path.startswith("/") or path.startswith("//"):
        return context["request"].build_absolute_uri(path)
    if "origin" not in context:
        context["origin"] = context["request"].build_absolute_uri("/")[:-1]
    return context["origin"] + path


def api_link(context: dict, view_name: str, *args, **query: str) -> str:
    path = link(view_name, *args)
    if query:
        path += "?" + urlencode(query)
    return absolute(context, path)


@extend_schema_field(OpenApiTypes.URI)
class PageURL(serializers.Field):
    """The row's public page (``get_absolute_url``), as an absolute URL."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return absolute(self.context, instance.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class APIURL(serializers.Field):
    """The row's address in this API: ``view_name`` reversed with the row's ``key``, absolute."""

    def __init__(self, view_name: str, key: str = "slug", **kwargs):
        self.view_name, self.key = view_name, key
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return api_link(self.context, self.view_name, getattr(instance, self.key))


@extend_schema_field(OpenApiTypes.URI)
class ListURL(serializers.Field):
    """A list of this API narrowed to the row: ``/api/v1/articles/?work=<slug>``."""

    def __init__(self, view_name: str, parameter: str, **kwargs):
        self.view_name, self.parameter = view_name, parameter
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return api_link(self.context, self.view_name, **{self.parameter: instance.slug})


# --- Images ---------------------------------------------------------------------------------------


class RenditionSerializer(serializers.Serializer):
    shape = serializers.CharField(help_text="original, hero (16:9), headshot (1:1), poster (2:3) or social.")
    format = serializers.CharField(help_text="webp, jpeg or png.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, rendition) -> str:
        return absolute(self.context, rendition.url)


class ImageSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The picture as published (its metadata removed).")
    renditions = serializers.SerializerMethodField(help_text="Stored sizes, shapes and formats; may be empty.")

    class Meta:
        model = Image
        fields = ("url", "width", "height", "alt_text", "caption", "credit", "renditions")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, image: Image) -> str | None:
        return absolute(self.context, image.file.url) if image.file else None

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, image: Image) -> list:
        # The index stored on the image row: no query, whatever the view fetched.
        return self.rendition_list.to_representation(image.prefetched_renditions() or [])

    @cached_property
    def rendition_list(self) -> serializers.ListSerializer:
        """One list serializer for every image this one writes, its fields built once."""
        return RenditionSerializer(many=True, context=self.context)


# --- References: a row named inside another ----------------------------------------------------


class PersonRefSerializer(serializers.ModelSerializer):
    url = PageURL()
    api_url = APIURL("api:person_detail")

    class Meta:
        model = Person
        fields = ("name", "slug", "url", "api_url")


class WorkRefSerializer(serializers.ModelSerializer):
    url = PageURL()
    api_url = APIURL("api:work_detail")

    class Meta:
        model = Work
        fields = ("title", "slug", "kind", "year", "url", "api_url")


class CharacterRefSerializer(serializers.ModelSerializer):
    url = PageURL()

    class Meta:
        model = Character
        fields = ("name", "slug", "url")


class ArticleRefSerializer(serializers.ModelSerializer):
    url = PageURL()
    api_url = APIURL("api:article_detail")
    published = serializers.DateTimeField(source="publish_at")

    class Meta:
        model = Article
        fields = ("headline", "slug", "kind", "published", "url", "api_url")


# --- Articles ------------------------------------------------------------------------------------


class BylineSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.name")
    slug = serializers.CharField(source="person.slug")
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Byline
        fields = ("name", "slug", "label", "url", "api_url")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, byline: Byline) -> str:
        return absolute(self.context, byline.person.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, byline: Byline) -> str:
        return api_link(self.context, "api:person_detail", byline.person.slug)


class TagSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The tag's page.")
    articles = ListURL("api:article_list", "tag", help_text="Its articles in this API.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, tag) -> str:
        return absolute(self.context, link("articles:tag_detail", tag.slug))


class SpoilerTagSerializer(serializers.ModelSerializer):
    work = serializers.CharField(source="tag.work.slug", help_text="The slug of the work it spoils.")
    scope = serializers.CharField(source="tag.code", help_text="S1E10, S1, or empty for the whole work.")
    name = serializers.CharField(source="tag.name", help_text="e.g. “Tiny Pretty Things S1E10”.")

    class Meta:
        model = ArticleSpoiler
        fields = ("work", "scope", "name", "severity")


class ReviewSerializer(serializers.ModelSerializer):
    rating = serializers.DecimalField(max_digits=4, decimal_places=1, coerce_to_string=False, allow_null=True)
    work = WorkRefSerializer(source="reviewed_work", allow_null=True)
    season = serializers.SerializerMethodField()
    episode = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = ("rating", "rating_scale", "verdict", "work", "season", "episode")

    def get_season(self, article: Article) -> int | None:
        if article.reviewed_season_id:
            return article.reviewed_season.number
        return article.reviewed_episode.season.number if article.reviewed_episode_id else None

    def get_episode(self, article: Article) -> int | None:
        return article.reviewed_episode.number if article.reviewed_episode_id else None


class ArticleSerializer(serializers.ModelSerializer):
    url = PageURL(help_text="The article's page.")
    api_url = APIURL("api:article_detail")
    published = serializers.DateTimeField(source="publish_at")
    updated = serializers.SerializerMethodField(help_text="When it last changed for readers: edited, or went live.")
    hero_image = ImageSerializer(allow_null=True)
    bylines = BylineSerializer(many=True)
    tags = TagSerializer(many=True)
    works = WorkRefSerializer(many=True)
    people = PersonRefSerializer(many=True)
    spoilers = SpoilerTagSerializer(source="spoiler_items", many=True)
    review = serializers.SerializerMethodField(help_text="For reviews: the rating, verdict and what was reviewed.")
    body_html = serializers.SerializerMethodField(
        help_text="Spoiler-safe HTML, each spoiler a link to the article, unless `through` covers it."
    )

    class Meta:
        model = Article
        fields = (
            "id",
            "slug",
            "url",
            "api_url",
            "kind",
            "headline",
            "dek",
            "excerpt",
            "published",
            "updated",
            "reading_minutes",
            "hero_image",
            "bylines",
            "tags",
            "works",
            "people",
            "spoilers",
            "review",
            "body_html",
        )

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_updated(self, article: Article) -> str:
        return self.fields["published"].to_representation(max(article.updated_at, article.publish_at))

    @extend_schema_field(ReviewSerializer(allow_null=True))
    def get_review(self, article: Article) -> dict | None:
        if article.kind != Article.Kind.REVIEW:
            return None
        return self.review_serializer.to_representation(article)

    @cached_property
    def review_serializer(self) -> "ReviewSerializer":
        """One review serializer for every review this one writes, its fields built once."""
        return ReviewSerializer(context=self.context)

    def get_body_html(self, article: Article) -> str:
        return item_content(Entry(article, self.context["asked"]))


class CorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Correction
        fields = ("note", "corrected_at")


class QuoteInArticleSerializer(serializers.ModelSerializer):
    url = PageURL(help_text="The quote's page.")
    speaker = PersonRefSerializer()
    character = CharacterRefSerializer(allow_null=True, help_text="Set when the words are a line of dialogue.")
    spoiler = serializers.SerializerMethodField(
        help_text="The spoiler the words sit inside (e.g. tiny-pretty-things:s1e10), shown because `through` "
        "covers it; null for a quote outside any spoiler."
    )

    class Meta:
        model = Quote
        fields = ("id", "words", "speaker", "character", "spoiler", "url")

    def get_spoiler(self, quote: Quote) -> str | None:
        return quote.spoiler_scope or None


class ArticleDetailSerializer(ArticleSerializer):
    corrections = CorrectionSerializer(many=True)
    quotes = QuoteInArticleSerializer(source="shown_quotes", many=True, help_text="Its confirmed quotes.")

    class Meta(ArticleSerializer.Meta):
        fields = (*ArticleSerializer.Meta.fields, "corrections", "quotes")


class QuoteSerializer(QuoteInArticleSerializer):
    article = ArticleRefSerializer()

    class Meta(QuoteInArticleSerializer.Meta):
        fields = (*QuoteInArticleSerializer.Meta.fields, "article")


# --- People and works ------------------------------------------------------------------------------


class PersonLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonLink
        fields = ("kind", "value")


class PersonCreditSerializer(serializers.ModelSerializer):
    work = WorkRefSerializer()
    role_label = serializers.CharField(source="get_role_display")
    character = CharacterRefSerializer(allow_null=True)

    class Meta:
        model = Credit
        fields = ("work", "role", "role_label", "character", "billing", "note")


class PersonSerializer(serializers.ModelSerializer):
    url = PageURL(help_text="The person's page.")
    api_url = APIURL("api:person_detail")
    headshot = ImageSerializer(allow_null=True)
    aliases = serializers.SlugRelatedField(
        slug_field="name", many=True, read_only=True, help_text="Other spellings of the name."
    )
    links = PersonLinkSerializer(many=True)
    credits = PersonCreditSerializer(many=True)
    articles = ListURL("api:article_list", "person", help_text="Articles about or quoting them.")
    bylines = ListURL("api:article_list", "author", help_text="Articles they wrote.")
    quotes = ListURL("api:quote_list", "person", help_text="Their confirmed quotes.")

    class Meta:
        model = Person
        fields = (
            "name",
            "slug",
            "url",
            "api_url",
            "bio",
            "headshot",
            "aliases",
            "links",
            "credits",
            "articles",
            "bylines",
            "quotes",
        )


class WorkSerializer(serializers.ModelSerializer):
    url = PageURL(help_text="The work's page.")
    api_url = APIURL("api:work_detail")
    poster = ImageSerializer(allow_null=True)
    based_on = WorkRefSerializer(allow_null=True, help_text="The work it adapts.")
    articles = ListURL("api:article_list", "work", help_text="Articles about it.")
    quotes = ListURL("api:quote_list", "work", help_text="Confirmed quotes from articles about it.")

    class Meta:
        model = Work
        fields = (
            "title",
            "slug",
            "kind",
            "year",
            "network",
            "premiere_date",
            "synopsis",
            "url",
            "api_url",
            "poster",
            "based_on",
            "articles",
            "quotes",
        )


class EpisodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Episode
        fields = ("number", "title", "air_date")


class SeasonSerializer(serializers.ModelSerializer):
    episodes = EpisodeSerializer(many=True)

    class Meta:
        model = Season
        fields = ("number", "title", "premiere_date", "episodes")


class CharacterSerializer(CharacterRefSerializer):
    class Meta(CharacterRefSerializer.Meta):
        fields = ("name", "slug", "description", "url")


class WorkCreditSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer()
    role_label = serializers.CharField(source="get_role_display")
    character = CharacterRefSerializer(allow_null=True)

    class Meta:
        model = Credit
        fields = ("person", "role", "role_label", "character", "billing", "note")


class WorkDetailSerializer(WorkSerializer):
    seasons = SeasonSerializer(many=True)
    characters = CharacterSerializer(many=True)
    credits = WorkCreditSerializer(many=True, help_text="Cast and crew in billing order.")
    adaptations = WorkRefSerializer(many=True, help_text="Works based on this one.")

    class Meta(WorkSerializer.Meta):
        fields = (*WorkSerializer.Meta.fields, "seasons", "characters", "credits", "adaptations")
