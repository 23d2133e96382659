import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files go to a throwaway folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client
