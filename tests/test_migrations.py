from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit as exit_:  # makemigrations --check exits 1 when one is missing.
        pytest.fail(f"A migration is missing:\n{output.getvalue()} (exit {exit_.code})")
