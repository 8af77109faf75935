"""Trigram indexes over the fallback's folded words, on PostgreSQL only: the fallback matches whole words with
`LIKE '% word %'`, which a B-tree cannot serve and a `pg_trgm` GIN index can (leading wildcard included). SQLite
has no such index; there the scan stays (the embedded default, a development database)."""

from django.db import migrations

COLUMNS = ("title_folded", "summary_folded", "body_folded", "labels_folded")


def _run(schema_editor, statements):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in statements:
        schema_editor.execute(statement)


def indexes_create(apps, schema_editor):
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it without superuser.
    _run(schema_editor, [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        *(f"CREATE INDEX IF NOT EXISTS search_text_{column}_trgm ON hub_search_pagesearchtext USING gin ({column} gin_trgm_ops)"
          for column in COLUMNS),
    ])


def indexes_drop(apps, schema_editor):
    _run(schema_editor, [f"DROP INDEX IF EXISTS search_text_{column}_trgm" for column in COLUMNS])


class Migration(migrations.Migration):
    dependencies = [("hub_search", "0003_page_search_text")]

    operations = [migrations.RunPython(indexes_create, indexes_drop, elidable=False)]
