"""Pages read stored renditions only: `<picture>` markup, Open Graph, and query counts."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from images.models import Image
from tests import factories
from tests.images.conftest import image_upload, stored_image

pytestmark = pytest.mark.django_db


def render_picture(image, **options) -> str:
    return render_to_string("includes/picture.html", {"image": image, **options})


def test_picture_offers_webp_and_jpeg_srcsets_with_sizes_and_dimensions():
    image = Image.objects.with_renditions().get(pk=stored_image(image_upload("JPEG", (2000, 1200))).pk)
    html = render_picture(image, shape="hero", sizes="(min-width: 48rem) 20rem, 100vw", caption=True)
    source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', html)
    assert source and source[2] == "(min-width: 48rem) 20rem, 100vw"
    assert [w for w in re.findall(r" (\d+)w", source[1])] == ["320", "640", "960", "1280", "1920"]
    img = re.search(r"<img [^>]+>", html)[0]
    assert 'srcset="' in img and ".jpg 1920w" in img
    assert 'width="1280" height="720"' in img
    assert 'decoding="async"' in img and "loading=" not in img


def test_picture_is_lazy_only_when_asked():
    image = Image.objects.with_renditions().get(pk=stored_image().pk)
    assert 'loading="lazy"' in render_picture(image, lazy=True)
    assert 'loading="lazy"' not in render_picture(image)


def test_a_decorative_picture_has_empty_alt_text():
    image = Image.objects.with_renditions().get(pk=stored_image().pk)
    assert 'alt=""' in render_picture(image, decorative=True)
    assert 'alt="Two dancers rehearsing"' in render_picture(image)


def test_renditions_come_from_the_index_on_the_image_row_without_a_query(django_assert_num_queries):
    image = Image.objects.get(pk=stored_image(image_upload("JPEG", (900, 600))).pk)
    with django_assert_num_queries(0):
        html = render_picture(image, shape="hero")
    assert '<source type="image/webp"' in html
    assert "hero-320w" in html and 'width="900" height="506"' in html


def test_an_image_without_renditions_is_shown_from_its_base_file(django_assert_num_queries):
    image = Image.objects.get(pk=stored_image(image_upload("JPEG", (900, 600))).pk)
    Image.objects.filter(pk=image.pk).update(rendition_index=[])
    image.refresh_from_db()
    with django_assert_num_queries(0):
        html = render_picture(image, shape="hero")
    assert f'src="{image.file.url}"' in html
    assert 'width="900" height="600"' in html
    assert "<source" not in html


def test_an_image_without_renditions_falls_back_to_its_base_file():
    image = Image.objects.with_renditions().get(pk=factories.image().pk)
    html = render_picture(image)
    assert f'src="{image.file.url}"' in html and "srcset" not in html


def test_open_graph_uses_the_social_card_crop(rf):
    image = Image.objects.with_renditions().get(pk=stored_image(image_upload("JPEG", (2000, 1500))).pk)
    html = render_to_string(
        "includes/meta.html", {"image": image, "title": "T", "description": "D"}, request=rf.get("/")
    )
    og = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert "/renditions/" in og and "social-1200w" in og
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="628">' in html


# --- Page views ------------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_listing_queries_stay_fixed_from_one_to_many_images(client):
    factories.published_article(kind="news", hero_image=stored_image())
    url = reverse("articles:kind_archive", args=["news"])
    few = count_queries(client, url)
    for _ in range(6):
        factories.published_article(kind="news", hero_image=stored_image(image_upload("PNG", (700, 400))))
    assert count_queries(client, url) == few


def test_article_page_queries_do_not_depend_on_renditions(client):
    plain = factories.published_article(hero_image=factories.image())
    rich = factories.published_article(hero_image=stored_image(image_upload("JPEG", (2000, 1200))))
    assert count_queries(client, rich.get_absolute_url()) == count_queries(client, plain.get_absolute_url())


def test_article_page_serves_the_hero_from_renditions(client):
    article = factories.published_article(hero_image=stored_image(image_upload("JPEG", (2000, 1200))))
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<source type="image/webp"' in page
    assert re.search(r'<meta property="og:image" content="[^"]+social-1200w', page)


def test_body_images_come_from_stored_renditions_in_two_queries(django_assert_num_queries):
    from articles.text.render import render_body
    from images.pictures import body_images

    image = stored_image(image_upload("JPEG", (1400, 900)), caption="In rehearsal", credit="Sophie Giraud/Netflix")
    with django_assert_num_queries(2):
        images = body_images(f"Intro.\n\n![]( image:{image.pk} )\n\n![](image:{image.pk + 100})")
    html = render_body(f"![](image:{image.pk})", images=images).full_html
    assert "/media/renditions/" in html and "<figcaption>In rehearsal" in html
    assert html.count(".jpg ") >= 3  # a srcset of fallback widths
