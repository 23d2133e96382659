"""The readers' addresses. Their names keep the namespaces they had before the reader app
(``articles:``, ``people:``, ``search:``), so links and templates did not change with the move."""

from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path

from reader import feeds, views
from reader.sitemaps import SITEMAPS

article_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("kind/<slug:kind>/", views.KindArchiveView.as_view(), name="kind_archive"),
    # Tag slugs may be in any script ("amélie", "日本のドラマ"), so these take any path segment.
    path("tags/<str:slug>/", views.TagView.as_view(), name="tag_detail"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote_detail"),
    path("progress/", views.reader_progress, name="reader_progress"),
    path("preview/<str:token>/", views.SharedPreviewView.as_view(), name="share_preview"),
    path("feeds/all.rss", feeds.ArticleFeed(), name="feed_rss"),
    path("feeds/all.atom", feeds.atom(feeds.ArticleFeed)(), name="feed_atom"),
    path("feeds/kind/<slug:kind>.rss", feeds.KindFeed(), name="kind_feed_rss"),
    path("feeds/kind/<slug:kind>.atom", feeds.atom(feeds.KindFeed)(), name="kind_feed_atom"),
    path("feeds/tag/<str:slug>.rss", feeds.TagFeed(), name="tag_feed_rss"),
    path("feeds/tag/<str:slug>.atom", feeds.atom(feeds.TagFeed)(), name="tag_feed_atom"),
    path("feeds/works/<slug:slug>.rss", feeds.WorkFeed(), name="work_feed_rss"),
    path("feeds/works/<slug:slug>.atom", feeds.atom(feeds.WorkFeed)(), name="work_feed_atom"),
    path("feeds/works/<slug:slug>/spoilers.rss", feeds.WorkSpoilersFeed(), name="work_spoilers_feed_rss"),
    path("feeds/works/<slug:slug>/spoilers.atom", feeds.atom(feeds.WorkSpoilersFeed)(), name="work_spoilers_feed_atom"),
    path("feeds/people/<slug:slug>.rss", feeds.PersonFeed(), name="person_feed_rss"),
    path("feeds/people/<slug:slug>.atom", feeds.atom(feeds.PersonFeed)(), name="person_feed_atom"),
]

people_patterns = [
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("works/<slug:slug>/", views.WorkDetailView.as_view(), name="work_detail"),
    path(
        "works/<slug:work_slug>/characters/<slug:slug>/",
        views.CharacterDetailView.as_view(),
        name="character_detail",
    ),
]

search_patterns = [
    path("", views.search, name="search"),
]

urlpatterns = [
    # Rendered with Jinja2 like the readers' pages: the index lists a page per thousand articles
    # or quotes, and Django's templates would spend most of its time on that loop.
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section", "template_name": "sitemaps/index.xml"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": "sitemaps/section.xml"},
        name="sitemap_section",
    ),
    path("search/", include((search_patterns, "search"))),
    path("", include((people_patterns, "people"))),
    path("", include((article_patterns, "articles"))),
]
