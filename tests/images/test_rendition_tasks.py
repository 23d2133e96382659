"""Renditions are made in the background: the save that uploads an image only queues them, pages
show the base file meanwhile, and the renditions appear once a worker has run."""

import pytest
from django.urls import reverse

from articles import services
from images.models import Image, Rendition
from images.pictures import picture
from images.renditions import rendition_plan
from images.services import image_save
from images.tasks import image_renditions_build
from tests import factories
from tests.factories import client_for, member
from tests.images.conftest import image_upload
from tests.task_queue import drain, queued

pytestmark = pytest.mark.django_db


def test_the_save_queues_the_renditions_and_returns_without_them(queue):
    image = image_save(image=Image(alt_text="A wide stage"), upload=image_upload(size=(2400, 1600)))
    assert Rendition.objects.filter(image=image).count() == 0
    assert queued("image_renditions_build") == 1
    shown = picture(Image.objects.with_renditions().get(pk=image.pk))
    assert shown.src == image.file.url  # the base file, metadata already stripped

    assert drain() == 1
    image.refresh_from_db()
    assert Rendition.objects.filter(image=image).count() == len(rendition_plan(image)) > 10
    shown = picture(Image.objects.with_renditions().get(pk=image.pk))
    assert shown.src != image.file.url and "w" in shown.webp_srcset


def test_running_the_task_twice_makes_nothing_more(queue):
    image = image_save(image=Image(alt_text="Twice"), upload=image_upload(size=(1400, 900)))
    drain()
    files = set(Rendition.objects.filter(image=image).values_list("file", flat=True))
    assert image_renditions_build.call(image.pk) == 0
    assert set(Rendition.objects.filter(image=image).values_list("file", flat=True)) == files


def test_a_task_for_an_image_deleted_meanwhile_does_nothing(queue):
    image = image_save(image=Image(alt_text="Gone"), upload=image_upload(size=(900, 600)))
    Image.objects.filter(pk=image.pk).delete()
    assert drain() == 1
    assert not Rendition.objects.exists()


def test_a_focal_point_moved_while_the_task_waited_gets_crops_around_the_new_point(queue):
    image = image_save(image=Image(alt_text="Moved"), upload=image_upload(size=(1600, 900)))
    image.focal_x, image.focal_y = 0.9, 0.5
    image_save(image=image)
    drain()
    image.refresh_from_db()
    made = {(r.shape, r.width, r.format, r.source_key) for r in Rendition.objects.filter(image=image)}
    assert made == {(p.shape, p.width, p.format, p.source_key) for p in rendition_plan(image)}


def test_finished_renditions_reach_article_bodies_that_show_the_image(queue):
    image = image_save(image=Image(alt_text="In the body"), upload=image_upload(size=(1600, 900)))
    article = factories.publishable_article(body=f"Before.\n\n![In the body](image:{image.pk})\n\nAfter.")
    services.article_render(article=article)
    services.article_publish(article=article)
    article.refresh_from_db()
    assert image.file.url in article.body_html and f"renditions/{image.pk}/" not in article.body_html
    drain()
    article.refresh_from_db()
    assert f"renditions/{image.pk}/" in article.body_html


def test_the_image_form_shows_how_far_the_worker_has_got(queue):
    image = image_save(image=Image(alt_text="Progress"), upload=image_upload(size=(1600, 900)))
    editor = member("Editor")
    page = client_for(editor).get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    planned = len(rendition_plan(image))
    assert f"0 of {planned} made" in page and "<progress" in page
    drain()
    page = client_for(editor).get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    assert f"All {planned} made." in page


def test_saving_in_the_admin_says_the_renditions_come_later(queue):
    editor = member("Editor")
    response = client_for(editor).post(
        reverse("admin:images_image_add"),
        {"file": image_upload(size=(1200, 800)), "alt_text": "Later", "focal_x": "0.5", "focal_y": "0.5"},
        follow=True,
    )
    assert "being made in the background" in response.content.decode()
    assert queued("image_renditions_build") == 1
