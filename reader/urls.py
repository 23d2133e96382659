from django.urls import path

from articles import feeds, views

app_name = "articles"

urlpatterns = [
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
