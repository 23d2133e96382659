"""The OpenAPI schema at /api/schema/ and the reference page at /api/, served from our own files."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/v1/",
    "/api/v1/articles/",
    "/api/v1/articles/{slug}/",
    "/api/v1/people/",
    "/api/v1/people/{slug}/",
    "/api/v1/works/",
    "/api/v1/works/{slug}/",
    "/api/v1/quotes/",
    "/api/v1/quotes/{id}/",
    "/api/v1/tags/",
}


def test_the_schema_passes_drf_spectaculars_validation_without_a_warning(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == ENDPOINTS


def test_the_schema_is_served_as_yaml_and_as_json(client):
    as_yaml = client.get("/api/schema/")
    assert as_yaml.status_code == 200 and "openapi" in as_yaml["Content-Type"]
    as_json = client.get("/api/schema/?format=json")
    assert as_json["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert yaml.safe_load(as_yaml.content) == as_json.json()


def test_the_schema_documents_every_filter_and_write_method_none(client):
    paths = client.get("/api/schema/?format=json").json()["paths"]
    names = {parameter["name"] for parameter in paths["/api/v1/articles/"]["get"]["parameters"]}
    assert {"kind", "tag", "work", "person", "author", "updated_since", "through", "cursor", "page_size"} <= names
    assert "400" in paths["/api/v1/articles/"]["get"]["responses"]
    assert all(set(operations) == {"get"} for operations in paths.values())


def test_the_schema_answers_whatever_the_accept_header(client):
    plain = client.get("/api/schema/")
    assert client.get("/api/schema/", HTTP_ACCEPT="application/json").content == plain.content


class _Addresses(HTMLParser):
    def __init__(self):
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.addresses += [value for name, value in attrs if name in ("src", "href") and value]


def addresses(html: str) -> list[str]:
    parser = _Addresses()
    parser.feed(html)
    return parser.addresses


def test_the_reference_page_loads_nothing_from_another_host(client):
    response = client.get("/api/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    loaded = addresses(page)
    assert any("swagger-ui-bundle.js" in address for address in loaded)
    for address in loaded:
        parts = urlsplit(address)
        assert not parts.scheme and not parts.netloc, address
        assert client.get(address).status_code == 200, address
    assert not re.search(r"https?://", page)
    assert "<script>" not in page and "<style>" not in page  # the content security policy allows neither


def test_the_reference_start_up_script_names_only_our_schema(client):
    [script] = [address for address in addresses(client.get("/api/").content.decode()) if "script" in address]
    code = client.get(script)
    assert code.status_code == 200 and code["Content-Type"].startswith("application/javascript")
    text = code.content.decode()
    assert 'url: "/api/schema/"' in text
    assert not re.search(r"https?://", text)
    assert '"validatorUrl": null' in text  # no badge fetched from validator.swagger.io
    assert "csrf" not in text.lower() and not code.cookies


def test_the_reference_page_is_under_the_sites_content_security_policy(client):
    policy = client.get("/api/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
