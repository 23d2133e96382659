"""What travels compressed and what caches may keep: text gzipped, content-named media kept a year."""

import gzip

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from articles import services
from cms.middleware import CompressTextMiddleware
from cms.views import media
from images.models import Image
from images.services import image_save
from tests import factories
from tests.images.conftest import image_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(client):
    article = factories.publishable_article(headline="Compressed", body="A body worth publishing. " * 200)
    services.article_render(article=article)
    services.article_publish(article=article)
    return article


@pytest.mark.parametrize("address", ["page", "/feeds/all.rss", "/sitemap.xml", "/api/v1/articles/"])
def test_pages_feeds_sitemaps_and_the_api_are_gzipped_for_clients_that_accept_it(client, live, address):
    url = live.get_absolute_url() if address == "page" else address
    plain = client.get(url)
    packed = client.get(url, headers={"accept-encoding": "gzip, br"})
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)


def test_a_conditional_get_still_answers_304_through_the_compression(client, live):
    first = client.get(live.get_absolute_url(), headers={"accept-encoding": "gzip"})
    etag = first.get("ETag")
    assert etag
    again = client.get(live.get_absolute_url(), headers={"accept-encoding": "gzip", "if-none-match": etag})
    assert again.status_code == 304


def served(rf, name: str):
    """``name`` as the site serves media where Django does (development and ``make serve``),
    through the middleware."""
    request = rf.get(default_storage.url(name), headers={"accept-encoding": "gzip"})
    return CompressTextMiddleware(lambda request: media(request, name, document_root=settings.MEDIA_ROOT))(request)


def test_content_named_media_is_cached_for_a_year_and_never_compressed_again(rf):
    image = image_save(image=Image(alt_text="Cached"), upload=image_upload(size=(700, 400)))
    rendition = image.renditions.first()
    for name in (image.file.name, rendition.file.name):
        response = served(rf, name)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        assert "Content-Encoding" not in response  # pictures are compressed already


def test_other_media_gets_no_promise_to_stay_the_same(rf):
    name = default_storage.save("misc/notes.txt", ContentFile(b"may change"))
    response = served(rf, name)
    assert response.status_code == 200
    assert "immutable" not in response.get("Cache-Control", "")
