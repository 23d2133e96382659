"""Enforce in the database that a credit's character belongs to the credit's work.

A CHECK constraint cannot look at another table, so both backends get a trigger that rejects an
insert or update pairing a character with another work. Forms catch it first (Credit.clean); the
trigger keeps scripts, imports and the shell honest too.
"""

from django.db import migrations

SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER people_credit_character_same_work_{event.lower()}
    BEFORE {event} ON people_credit
    FOR EACH ROW
    WHEN NEW.character_id IS NOT NULL
     AND (SELECT work_id FROM people_character WHERE id = NEW.character_id) != NEW.work_id
    BEGIN
        SELECT RAISE(ABORT, 'credit_character_same_work: the character belongs to another work');
    END;
    """
    for event in ("INSERT", "UPDATE")
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS people_credit_character_same_work_insert;",
    "DROP TRIGGER IF EXISTS people_credit_character_same_work_update;",
]

POSTGRES_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION people_credit_character_same_work() RETURNS trigger AS $$
    BEGIN
        IF NEW.character_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM people_character WHERE id = NEW.character_id AND work_id = NEW.work_id
        ) THEN
            RAISE EXCEPTION 'credit_character_same_work: the character belongs to another work'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER people_credit_character_same_work
    BEFORE INSERT OR UPDATE OF character_id, work_id ON people_credit
    FOR EACH ROW EXECUTE FUNCTION people_credit_character_same_work();
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS people_credit_character_same_work ON people_credit;",
    "DROP FUNCTION IF EXISTS people_credit_character_same_work();",
]

# A character moved to another work would strand its credits; refuse that too.
SQLITE_FORWARD.append(
    """
    CREATE TRIGGER people_character_work_change
    BEFORE UPDATE OF work_id ON people_character
    FOR EACH ROW
    WHEN EXISTS (SELECT 1 FROM people_credit WHERE character_id = NEW.id AND work_id != NEW.work_id)
    BEGIN
        SELECT RAISE(ABORT, 'credit_character_same_work: credits tie this character to its work');
    END;
    """
)
SQLITE_BACKWARD.append("DROP TRIGGER IF EXISTS people_character_work_change;")
POSTGRES_FORWARD += [
    """
    CREATE OR REPLACE FUNCTION people_character_work_change() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM people_credit WHERE character_id = NEW.id AND work_id != NEW.work_id) THEN
            RAISE EXCEPTION 'credit_character_same_work: credits tie this character to its work'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER people_character_work_change
    BEFORE UPDATE OF work_id ON people_character
    FOR EACH ROW EXECUTE FUNCTION people_character_work_change();
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS people_character_work_change ON people_character;",
    "DROP FUNCTION IF EXISTS people_character_work_change();",
    *POSTGRES_BACKWARD,
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD),
}


def run(direction: int):
    def apply(apps, schema_editor):
        statements = STATEMENTS.get(schema_editor.connection.vendor)
        if statements is None:
            return
        for sql in statements[direction]:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(run(0), run(1))]
