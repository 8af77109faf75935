"""Network-wide default: consular notices (including emergencies) go through each mission's fast track."""

from django.db import migrations


def add_default_rule(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowRule = apps.get_model("moderation", "WorkflowRule")
    notice_type, _created = ContentType.objects.get_or_create(app_label="embassies", model="consularnoticepage")
    WorkflowRule.objects.get_or_create(mission=None, content_type=notice_type, defaults={"route": "fast_track"})


def remove_default_rule(apps, schema_editor):
    WorkflowRule = apps.get_model("moderation", "WorkflowRule")
    WorkflowRule.objects.filter(
        mission=None, content_type__app_label="embassies", content_type__model="consularnoticepage"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial"), ("embassies", "0001_initial"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(add_default_rule, remove_default_rule)]
