# The review of people an article introduces is recorded in the audit log.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_person_and_work_article_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="action",
            field=models.CharField(
                choices=[
                    ("publish", "Published"),
                    ("schedule", "Scheduled"),
                    ("unpublish", "Unpublished"),
                    ("submit", "Submitted for review"),
                    ("return", "Returned to draft"),
                    ("restore", "Restored a revision"),
                    ("share", "Created a share link"),
                    ("revoke", "Revoked a share link"),
                    ("people", "Reviewed the people in the article"),
                ],
                max_length=20,
                verbose_name="action",
            ),
        ),
    ]
