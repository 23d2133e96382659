from django.contrib.sitemaps import Sitemap

from articles.models import published_q
from people.models import Person, Work


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Person.objects.public(published_q).only("slug", "updated_at").order_by("slug")

    def lastmod(self, person: Person):
        return person.updated_at


class WorkSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Work.objects.public(published_q).only("slug", "updated_at").order_by("slug")

    def lastmod(self, work: Work):
        return work.updated_at
