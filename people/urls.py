from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("works/<slug:slug>/", views.WorkDetailView.as_view(), name="work_detail"),
    path(
        "works/<slug:work_slug>/characters/<slug:slug>/",
        views.CharacterDetailView.as_view(),
        name="character_detail",
    ),
]
