"""The content API: read-only and public, every answer read through the readers' querysets.

Articles come from ``Article.objects.published()`` and ``for_listing()``; people and works from
the ``public`` querysets their pages use; tags from the topic tags of published articles; quotes
from ``Quote.objects.public()``, or, when a request says how far into a work the reader is
(``?work=…&through=…``), from ``confirmed_live()`` cut by ``reader.progress.visible_quotes``.
Bodies are written by the feeds' ``item_content``, so the API opens exactly the spoilers a work
feed with the same ``through`` opens. Nothing here decides what is published or what a spoiler
covers.

Lists read the keys of one page through an indexed ordering (cursor pagination) and then the
rows with their relations, in a number of queries that does not grow with the page.
"""

from django.db.models import Prefetch
from django.http import HttpResponsePermanentRedirect
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from api.filters import ArticleQuery, QuoteQuery, ReaderScope
from api.pagination import BySlug, NewestFirst, NewestKeyFirst
from api.serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    PersonSerializer,
    QuoteSerializer,
    TagSerializer,
    WorkDetailSerializer,
    WorkSerializer,
    api_link,
)
from articles.models import BODY_FIELDS, Article, ArticleQuerySet, Quote, QuoteQuerySet, published_q
from people.models import Credit, Person, PersonQuerySet, Work, WorkQuerySet
from reader.feeds import FeedRequest
from reader.progress import visible_quotes

# The largest key a database column holds; a larger one in an address names no row.
MAX_KEY = 2**63 - 1


def article_rows(scope: ReaderScope, *, detail: bool = False) -> ArticleQuerySet:
    """Published articles with what the API shows of each: the listing's relations, the works
    and people covered, what a review reviewed, and the one body variant the scope needs; for
    one article, its corrections and quotes too."""
    shown_body = "body_html" if scope.through else "body_safe_html"
    articles = (
        Article.objects.published()
        .for_listing()
        .defer(None)
        .defer(*(field for field in BODY_FIELDS if field != shown_body))
        .select_related("reviewed_work", "reviewed_season", "reviewed_episode__season")
        .prefetch_related("works", "people")
    )
    if detail:
        quotes = quotes_for(scope).select_related("speaker", "character__work")
        articles = articles.prefetch_related("corrections", Prefetch("quotes", queryset=quotes, to_attr="shown_quotes"))
    return articles


def quotes_for(scope: ReaderScope) -> QuoteQuerySet:
    """Quotes a reader may see outside their article, before their progress is applied: the
    public ones, or, with ``through``, every confirmed quote of a live article, which
    ``shown_to`` then cuts to those the progress covers."""
    return Quote.objects.confirmed_live() if scope.through else Quote.objects.public()


def quote_rows(scope: ReaderScope) -> QuoteQuerySet:
    """``quotes_for`` with what the quote list shows of each: speaker, character, article."""
    article_body = (f"article__{field}" for field in BODY_FIELDS)
    return quotes_for(scope).select_related("speaker", "character__work", "article").defer(*article_body)


def shown_to(scope: ReaderScope, quotes) -> list:
    """The quotes of those given that the scope's progress covers (``reader.progress``)."""
    return visible_quotes(quotes, scope.progress) if scope.through else list(quotes)


def people() -> PersonQuerySet:
    credits = Credit.objects.select_related("work", "character__work").order_by("work__title", "billing", "pk")
    return (
        Person.objects.public(published_q)
        .select_related("headshot")
        .prefetch_related("aliases", "links", Prefetch("credits", queryset=credits))
    )


def works() -> WorkQuerySet:
    return Work.objects.public(published_q).select_related("based_on", "poster")


class ContentAPIView:
    """What every view of the content API shares: the reader's ``FeedRequest`` in the serializer
    context, built per request and passed along, never kept on the view."""

    def serializer_context(self, scope: ReaderScope | None = None) -> dict:
        asked = FeedRequest(absolute_url=self.request.build_absolute_uri, through=scope.through if scope else None)
        return {**self.get_serializer_context(), "asked": asked}


REFUSED = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="A parameter was refused. The body names each refused parameter with its messages, "
    'e.g. `{"through": ["The Show season 1 has no episode 99."]}`.',
)
NOT_FOUND = OpenApiResponse(OpenApiTypes.OBJECT, description="Nothing readers may see has this address.")
THROUGH = [
    OpenApiParameter(
        "work",
        str,
        description="A work's slug. With `through`, the work the reader's progress is in; on lists, also a filter.",
    ),
    OpenApiParameter(
        "through",
        str,
        description="How far into `work` the reader has watched, as in the work feeds: `s1e5`, `s1` (the whole "
        "season), `s1 finale`, `work-slug:s1e5` or `all`. Spoilers it covers are shown; the rest stay hidden.",
    ),
]


@extend_schema_view(
    get=extend_schema(
        summary="Published articles, newest first",
        parameters=[
            OpenApiParameter("kind", str, enum=Article.Kind.values, description="One kind of article."),
            OpenApiParameter("tag", str, description="A topic tag's slug."),
            OpenApiParameter("person", str, description="A person's slug: articles about or quoting them."),
            OpenApiParameter("author", str, description="A person's slug: articles with them on the byline."),
            OpenApiParameter(
                "updated_since",
                OpenApiTypes.DATETIME,
                description="ISO 8601 date or time (UTC without an offset): articles edited or gone live since.",
            ),
            *THROUGH,
        ],
        responses={200: ArticleSerializer(many=True), 400: REFUSED},
    )
)
class ArticleList(ContentAPIView, generics.ListAPIView):
    """Published articles, newest first, twenty a page (`page_size` up to 100), each with its
    spoiler-safe body. Filters combine; a refused value is a 400 naming the parameter."""

    serializer_class = ArticleSerializer
    pagination_class = NewestFirst

    def list(self, request, *args, **kwargs):
        query = ArticleQuery.from_params(request.query_params)
        articles = query.narrow(Article.objects.published(), linked=self.as_far_as_the_page)
        keys = self.paginate_queryset(articles.values("pk", "publish_at"))
        # Still published when the rows are read, should one be unpublished between the two reads.
        articles = article_rows(query.scope).in_order_of([row["pk"] for row in keys])
        serializer = self.get_serializer(articles, many=True, context=self.serializer_context(query.scope))
        return self.get_paginated_response(serializer.data)

    def as_far_as_the_page(self, articles: ArticleQuerySet, links: list) -> ArticleQuerySet:
        """``articles`` that one of ``links`` points at, as far as the page asked for reaches:
        each link read on its own from the cursor's position, in the cursor's direction, no
        further than the cursor's offset and one page past it. The paginator then cuts the page
        from these as it would from every linked article (``ArticleQuerySet.linked_first``)."""
        paginator = self.paginator
        cursor = paginator.decode_cursor(self.request)
        offset, reverse, position = cursor if cursor else (0, False, None)
        ordering = paginator.ordering
        if position is not None:
            paginator.check_position(Article, ordering, position)  # a refused cursor is a 404, as before
            articles = articles.filter(publish_at__gt=position) if reverse else articles.filter(publish_at__lt=position)
        if reverse:
            ordering = [field[1:] if field.startswith("-") else f"-{field}" for field in ordering]
        first = offset + paginator.get_page_size(self.request) + 1
        return articles.linked_first(links, first=first, ordering=ordering)


@extend_schema_view(
    get=extend_schema(
        summary="A published article",
        parameters=THROUGH,
        responses={200: ArticleDetailSerializer, 301: None, 400: REFUSED, 404: NOT_FOUND},
    )
)
class ArticleDetail(ContentAPIView, generics.RetrieveAPIView):
    """One published article with its corrections and confirmed quotes. An old address of a
    published article answers 301 with its new one."""

    serializer_class = ArticleDetailSerializer
    queryset = Article.objects.none()  # names the model for the schema; rows come from article_rows
    lookup_field = "slug"

    def retrieve(self, request, *args, slug: str, **kwargs):
        scope = ReaderScope.from_params(request.query_params)
        article = article_rows(scope, detail=True).filter(slug=slug).first()
        if article is None:
            return self.moved(slug)
        article.shown_quotes = shown_to(scope, article.shown_quotes)
        return Response(self.get_serializer(article, context=self.serializer_context(scope)).data)

    def moved(self, slug: str):
        """A published article's old address answers with its new one, as its page does."""
        now = Article.objects.published().filter(old_slugs__old_slug=slug).values_list("slug", flat=True).first()
        if now is None:
            raise NotFound("No published article has this address.")
        address = api_link({"request": self.request}, "api:article_detail", now)
        query = self.request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)


@extend_schema_view(get=extend_schema(summary="People readers can find on the site, by slug"))
class PersonList(generics.ListAPIView):
    """People with a page on the site, alphabetical by slug, each with their credits."""

    serializer_class = PersonSerializer
    pagination_class = BySlug

    def get_queryset(self):
        return people()


@extend_schema_view(
    get=extend_schema(summary="A person, with their credits", responses={200: PersonSerializer, 404: NOT_FOUND})
)
class PersonDetail(generics.RetrieveAPIView):
    """A person with a page on the site, with their credits."""

    serializer_class = PersonSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return people()


@extend_schema_view(get=extend_schema(summary="Works readers can find on the site, by slug"))
class WorkList(generics.ListAPIView):
    """Works with a page on the site, alphabetical by slug."""

    serializer_class = WorkSerializer
    pagination_class = BySlug

    def get_queryset(self):
        return works()


@extend_schema_view(
    get=extend_schema(
        summary="A work, with its seasons, episodes, characters and credits",
        responses={200: WorkDetailSerializer, 404: NOT_FOUND},
    )
)
class WorkDetail(generics.RetrieveAPIView):
    """A work with its seasons and episodes, characters, credits in billing order and adaptations."""

    serializer_class = WorkDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        credits = Credit.objects.select_related("person", "character__work").order_by("billing", "pk")
        return works().prefetch_related(
            "seasons__episodes", "adaptations", "characters", Prefetch("credits", queryset=credits)
        )


@extend_schema_view(get=extend_schema(summary="Topic tags of published articles, by slug"))
class TagList(generics.ListAPIView):
    """The topic tags published articles use, alphabetical by slug."""

    serializer_class = TagSerializer
    pagination_class = BySlug

    def get_queryset(self):
        return Article.objects.published().topic_tags()


@extend_schema_view(
    get=extend_schema(
        summary="Confirmed quotes, most recently recorded first",
        description="Quotes from inside a spoiler appear only when `work` and `through` cover them; a page then "
        "may hold fewer quotes than its size, and `next` still leads on.",
        parameters=[
            OpenApiParameter("person", str, description="The speaker's slug."),
            OpenApiParameter("article", str, description="A published article's slug."),
            *THROUGH,
        ],
        responses={200: QuoteSerializer(many=True), 400: REFUSED},
    )
)
class QuoteList(ContentAPIView, generics.ListAPIView):
    """Confirmed quotes from published articles, most recently recorded first."""

    serializer_class = QuoteSerializer
    pagination_class = NewestKeyFirst

    def list(self, request, *args, **kwargs):
        query = QuoteQuery.from_params(request.query_params)
        page = self.paginate_queryset(query.narrow(quote_rows(query.scope)))
        serializer = self.get_serializer(shown_to(query.scope, page), many=True, context=self.serializer_context())
        return self.get_paginated_response(serializer.data)


@extend_schema_view(
    get=extend_schema(
        summary="A confirmed quote",
        parameters=THROUGH,
        responses={200: QuoteSerializer, 400: REFUSED, 404: NOT_FOUND},
    )
)
class QuoteDetail(ContentAPIView, generics.RetrieveAPIView):
    """A confirmed quote from a published article; one from inside a spoiler only when `work` and
    `through` cover it."""

    serializer_class = QuoteSerializer
    queryset = Quote.objects.none()  # names the model for the schema; rows come from quote_rows

    def retrieve(self, request, *args, pk: int, **kwargs):
        scope = ReaderScope.from_params(request.query_params)
        found = quote_rows(scope).filter(pk=pk).first() if pk <= MAX_KEY else None
        shown = shown_to(scope, [found] if found else [])
        if not shown:
            raise NotFound("No quote readers may see has this address.")
        return Response(self.get_serializer(shown[0], context=self.serializer_context()).data)


LISTS = {
    "articles": "api:article_list",
    "people": "api:person_list",
    "works": "api:work_list",
    "quotes": "api:quote_list",
    "tags": "api:tag_list",
    "schema": "api:schema",
    "reference": "api:reference",
}


class Root(APIView):
    """The API's entry point: where each list, the schema and the reference are."""

    @extend_schema(summary="Where each list is", responses={200: OpenApiTypes.OBJECT})
    def get(self, request, *args, **kwargs):
        return Response({name: api_link({"request": request}, view_name) for name, view_name in LISTS.items()})


class Reference(SpectacularSwaggerSplitView):
    """The browsable reference (Swagger UI), from the site's own static files: no other host.

    Its start-up script is a separate file, as the site's content security policy allows no
    inline script, and it sends no credentials: the API takes none.
    """

    template_name = "api/reference.html"
    template_name_js = "api/reference.js"
    url_name = "api:schema"
    title = "Callboard content API"
