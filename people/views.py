from django.db.models import Prefetch
from django.views.generic import DetailView

from people.models import Credit, Person, Work


class PersonDetailView(DetailView):
    model = Person
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            "aliases", Prefetch("credits", queryset=Credit.objects.select_related("work", "character"))
        )


class WorkDetailView(DetailView):
    model = Work
    template_name = "people/work_detail.html"
    context_object_name = "work"

    def get_queryset(self):
        return Work.objects.select_related("based_on").prefetch_related(
            "seasons__episodes", Prefetch("credits", queryset=Credit.objects.select_related("person", "character"))
        )
