"""Media in an S3-compatible bucket: a real S3 API over HTTP (moto's standalone server).

The site runs in a fresh process configured only through the environment, as a deployment would
be: it uploads an image through the library's service, publishes an article with it and serves
the article page and the image admin's original. The test then reads the bucket anonymously, as
a reader's browser would.
"""

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from email.message import Message

import pytest

from tests.servers import ROOT, free_port, stop

BUCKET = "callboard-media"

SITE_SCRIPT = """
import json, io
import django
django.setup()
from django.core.management import call_command
from django.contrib.auth import get_user_model
from django.test import Client
from PIL import Image as PILImage
from images.models import Image
from images.services import image_save
from articles import services
from tests import factories

call_command("migrate", verbosity=0)
buffer = io.BytesIO()
exif = PILImage.Exif()
exif[0x010F] = "Callboard Test Camera"
PILImage.new("RGB", (1600, 900), (40, 90, 160)).save(buffer, format="JPEG", exif=exif)
uploaded = buffer.getvalue()
image = image_save(image=Image(alt_text="A stage at dusk"), upload=factories.upload("dusk.jpg", uploaded, "image/jpeg"))
# The renditions are made by a worker from the queue in the database, as in production.
call_command("run_worker", batch=True, startup_delay=False, verbosity=0)
image.refresh_from_db()
article = factories.publishable_article(headline="Stored elsewhere", hero_image=image)
services.article_publish(article=article)
reader = Client()
page = reader.get(article.get_absolute_url())
get_user_model().objects.create_superuser("chief", password="a-long-test-password-1")
staff = Client()
staff.login(username="chief", password="a-long-test-password-1")
original = staff.get(f"/admin/images/image/{image.pk}/original/")
print(json.dumps({
    "status": page.status_code,
    "html": page.content.decode(),
    "csp": page["Content-Security-Policy"],
    "original_key": image.original.name,
    "original_status": original.status_code,
    "original_matches": b"".join(original.streaming_content) == uploaded,
    "file_key": image.file.name,
}))
"""


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint, timeout=1)
                break
            except urllib.error.HTTPError:
                break  # answering, if only to say the request was not signed
            except OSError:
                time.sleep(0.1)
        import boto3

        boto3.client(
            "s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
        ).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        stop(server)


@pytest.fixture(scope="module")
def site(s3_endpoint, tmp_path_factory):
    var = tmp_path_factory.mktemp("s3-site")
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DJANGO_DEBUG": "1",
        "CALLBOARD_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'site.sqlite3'}",
        "CALLBOARD_S3_BUCKET": BUCKET,
        "CALLBOARD_S3_ENDPOINT_URL": s3_endpoint,
        "CALLBOARD_S3_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
    }
    result = subprocess.run(
        [sys.executable, "-c", SITE_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def anonymous_get(url: str) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_readers_images_are_served_from_the_bucket(site, s3_endpoint):
    assert site["status"] == 200
    urls = set(re.findall(rf"{re.escape(s3_endpoint)}/[^\s\"',]+", site["html"]))
    renditions = [url for url in urls if "/renditions/" in url]
    assert renditions, "the hero's renditions should be linked from the bucket"
    for url in renditions:
        assert url.startswith(f"{s3_endpoint}/{BUCKET}/media/")
        status, headers, body = anonymous_get(url)
        assert status == 200 and body
        assert headers.get("Cache-Control") == "public, max-age=31536000, immutable"


def test_the_pages_content_security_policy_allows_the_buckets_images(site, s3_endpoint):
    img_src = next(part for part in site["csp"].split(";") if part.strip().startswith("img-src"))
    assert img_src.split() == ["img-src", "'self'", "data:", s3_endpoint]


def test_originals_are_private_in_the_bucket_and_reach_staff_through_the_admin(site, s3_endpoint):
    status, _, _ = anonymous_get(f"{s3_endpoint}/{BUCKET}/private/{site['original_key']}")
    assert status == 403
    assert site["original_status"] == 200 and site["original_matches"]


def test_the_clean_copy_carries_no_camera_metadata(site, s3_endpoint):
    status, _, body = anonymous_get(f"{s3_endpoint}/{BUCKET}/media/{site['file_key']}")
    assert status == 200
    assert b"Callboard Test Camera" not in body
