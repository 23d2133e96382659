"""The content API's addresses, under /api/: the reference page, the schema and version 1."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from api import views

app_name = "api"

v1 = [
    path("", views.Root.as_view(), name="root"),
    path("articles/", views.ArticleList.as_view(), name="article_list"),
    path("articles/<slug:slug>/", views.ArticleDetail.as_view(), name="article_detail"),
    path("people/", views.PersonList.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetail.as_view(), name="person_detail"),
    path("works/", views.WorkList.as_view(), name="work_list"),
    path("works/<slug:slug>/", views.WorkDetail.as_view(), name="work_detail"),
    path("quotes/", views.QuoteList.as_view(), name="quote_list"),
    path("quotes/<int:pk>/", views.QuoteDetail.as_view(), name="quote_detail"),
    path("tags/", views.TagList.as_view(), name="tag_list"),
]

urlpatterns = [
    path("", views.Reference.as_view(), name="reference"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/", include(v1)),
]
