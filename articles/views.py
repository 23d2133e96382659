from itertools import groupby

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.models import Article, Quote, published_q
from articles.structured_data import article_json_ld, quotation_json_ld
from people.models import Work

PAGE_SIZE = 12


class HomeView(TemplateView):
    template_name = "articles/home.html"
    lane_size = 4

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Article.objects.published()
        context["latest"] = list(published.for_listing().newest_first()[:7])
        lanes = published.latest_per_kind(self.lane_size).for_listing().order_by("kind", "kind_rank")
        by_kind = {kind: list(rows) for kind, rows in groupby(lanes, key=lambda article: article.kind)}
        context["lanes"] = [
            (kind, Article.KIND_PLURALS[kind.value], by_kind[kind.value])
            for kind in Article.Kind
            if kind.value in by_kind
        ]
        context["featured_works"] = (
            Work.objects.filter(published_q(prefix="articles__"))
            .annotate(latest_article=Max("articles__publish_at"))
            .select_related("poster")
            .order_by("-latest_article")[:4]
        )
        return context


class ArticleListView(ListView):
    """A paginated list of published articles; subclasses narrow it."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return self.narrow(Article.objects.published()).for_listing().newest_first()

    def narrow(self, articles):
        return articles


class KindArchiveView(ArticleListView):
    def narrow(self, articles):
        try:
            self.kind = Article.Kind(self.kwargs["kind"])
        except ValueError as error:
            raise Http404("No such kind of article.") from error
        return articles.filter(kind=self.kind)

    def get_context_data(self, **kwargs):
        heading = Article.KIND_PLURALS[self.kind.value]
        return super().get_context_data(heading=heading, feed_kind=self.kind.value, **kwargs)


class TagView(ArticleListView):
    def narrow(self, articles):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return articles.filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=f"Tagged “{self.tag.name}”", tag=self.tag, **kwargs)


class ArticleDetailView(DetailView):
    """A published article; staff also see drafts, scheduled and unpublished ones as a preview."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        articles = Article.objects.for_detail().with_is_live()
        if self.request.user.is_staff:
            return articles
        return articles.published()

    def get_context_data(self, **kwargs):
        article = self.object
        related = Article.objects.published().related_to(article).for_listing().newest_first()[:4]
        absolute_url = self.request.build_absolute_uri
        structured_data = [
            article_json_ld(article, absolute_url=absolute_url, description=article.dek or article.excerpt),
            *(quotation_json_ld(quote, absolute_url=absolute_url) for quote in article.public_quotes),
        ]
        return super().get_context_data(
            related=related, is_preview=not article.is_live, structured_data=structured_data, **kwargs
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class QuoteDetailView(DetailView):
    template_name = "articles/quote_detail.html"
    context_object_name = "quote"

    def get_queryset(self):
        return Quote.objects.public().select_related("article", "speaker", "character__work")

    def get_context_data(self, **kwargs):
        data = quotation_json_ld(self.object, absolute_url=self.request.build_absolute_uri)
        return super().get_context_data(structured_data=data, **kwargs)


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """A page of ``queryset`` from ``?page=``; a page that does not exist is a 404, never a 500."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page.") from error
