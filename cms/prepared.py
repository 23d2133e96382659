"""Querysets compiled to SQL once per process and run many times with new values.

Django builds and compiles every queryset afresh on each request: filters become a query tree,
the tree becomes SQL, select-related columns and converters are worked out again. For the
article page's nine small queries that costs far more than running them (about 0.6 ms each
against a few hundredths). A ``PreparedQuery`` is built from an ordinary queryset, so the read
rules stay where they are (``published()``, the models' orderings); it is compiled the first
time it runs on each database, with marker values standing in for the values that change, and
then only those values are replaced.

What comes back is what the queryset would give: model instances, with their select-related
objects and annotations, or the tuples (or single values) of a ``values_list()``, converted by
the database backend's own converters. Only model and ``values_list()`` querysets are accepted
(no ``values()``, no ``prefetch_related``); their prefetching is the caller's, who knows which
keys to ask for. Each run reads from the database the router picks
for the model, as the queryset would, so readers' pages still read from a caught-up standby.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from threading import Lock
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable, get_related_populators


class Contained:
    """The kind of a text value the query looks for inside a column (``contains``,
    ``icontains``): it reaches the SQL as a ``LIKE`` pattern, ``%value%``, and each run's value
    is escaped there as Django escapes it, so ``%`` and ``_`` match only themselves."""


class Keys:
    """The kind of a list of integer keys, reaching the SQL as one array parameter through
    ``any_key``: one statement for any number of keys. PostgreSQL only."""


def any_key(keys) -> RawSQL:
    """``pk__in=any_key(keys)``: the keys as one array parameter (PostgreSQL). A thousand separate
    parameters cost more to build and parse than the read, and would make a statement per count."""
    return RawSQL("SELECT unnest(%s::bigint[])", [keys])


# Marker values: none is a value a real query would carry.
_MARKER_INT = -7_294_017_381_011
_MARKER_TIME = datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC)


def _marker(kind: type, index: int) -> Any:
    if kind is int:
        return _MARKER_INT - index
    if kind is str or kind is Contained:
        return f"\x1fprepared-{index}\x1f"
    if kind is datetime:
        return _MARKER_TIME.replace(microsecond=index + 1)
    if kind is Keys:
        return [_MARKER_INT - index, _MARKER_INT]
    raise TypeError(f"A prepared query takes int, str, Contained, Keys or datetime values, not {kind.__name__}.")


def _adapt(kind: type, value: Any, connection) -> Any:
    """The value as Django would pass it to the database driver."""
    if kind is datetime:
        return connection.ops.adapt_datetimefield_value(value)
    if kind is Contained:
        return f"%{connection.ops.prep_for_like_query(value)}%"
    if kind is Keys:
        return [int(key) for key in value]
    return value


def _cursor(connection, *, on_server: bool = True):
    """A cursor for running a compiled query: on PostgreSQL, one that prepares it on the server.

    Django binds values into the SQL text on the client and never prepares statements, so
    PostgreSQL parses and plans every query afresh; for the queries that carry the public-page
    rule (nine ``EXISTS``) planning costs ten times running them. A prepared query's text never
    changes, so it is worth preparing: psycopg keeps each connection's prepared statements (the
    last hundred), and PostgreSQL plans them once it has seen that a generic plan does as well.
    The cursor is wrapped as Django wraps its own, so the query is logged, counted by tests and
    passed through the connection's execute wrappers.

    A statement whose best plan depends on its values (a full-text match, common or rare) is run
    with ``on_server=False``: PostgreSQL may otherwise settle on one generic plan for them all.
    """
    if connection.vendor != "postgresql" or not on_server:
        return connection.cursor()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    if connection.connection.prepare_threshold is None:  # turned off (DATABASE_PREPARED_STATEMENTS)
        return connection.cursor()
    with connection.wrap_database_errors:
        return connection._prepare_cursor(_preparing_cursor_class()(connection.connection))


@cache
def _preparing_cursor_class():
    import psycopg

    class PreparingCursor(psycopg.Cursor):
        """Binds values on the server, and prepares every statement it runs."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            super().execute(query, params, prepare=True, binary=binary)
            # Django's query log reads the statement from ``_query``, which psycopg leaves unset
            # when it runs a prepared statement (and never reads itself).
            self._query = _Statement(self.connection, query, params)
            return self

    class _Statement:
        """The statement as Django's query log shows it: values bound, composed only if read."""

        def __init__(self, connection, sql, params):
            self.connection, self.sql, self.params = connection, sql, params

        @property
        def query(self) -> bytes:
            return psycopg.ClientCursor(self.connection).mogrify(self.sql, self.params).encode()

    return PreparingCursor


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: dict[str, list[int]]  # value name -> positions in params
    model: type[Model] | None  # None: rows of a values_list()
    flat: bool
    init_list: list[str]
    model_span: tuple[int, int]
    related_populators: list
    annotation_col_map: dict[str, int]
    converters: dict


class PreparedQuery:
    """A queryset compiled once per database and run with new ``values`` each time.

    ``build`` takes the values by name and returns the queryset; ``kinds`` names each value's
    type (``int``, ``str``, ``datetime``, ``Contained`` for text looked for inside a column, or
    ``Keys`` for a list of keys given to ``any_key``)::

        bylines = PreparedQuery(lambda article: Byline.objects.filter(article=article), article=int)
        bylines.run(article=42)

    Every value must reach the SQL as a parameter of its own: an equality or a comparison, or,
    for a ``Contained`` value, a ``contains`` pattern. Otherwise compiling raises ``ValueError``.
    ``on_server=False`` leaves PostgreSQL to plan each run for its values (see ``_cursor``); the
    compiling is still done once.
    """

    def __init__(self, build: Callable[..., QuerySet], *, on_server: bool = True, **kinds: type):
        self.build = build
        self.kinds = kinds
        self.on_server = on_server
        self._compiled: dict[str, _Compiled] = {}
        self._lock = Lock()
        self._model: type[Model] | None = None

    def run(self, **values: Any) -> list:
        alias, sql, params = self.statement(**values)
        compiled, connection = self._compiled[alias], connections[alias]
        with _cursor(connection, on_server=self.on_server) as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if compiled.model is None:
            tuples = [tuple(self._converted(compiled, row, connection)) for row in rows]
            return [values[0] for values in tuples] if compiled.flat else tuples
        return [self._instance(compiled, row, alias, connection) for row in rows]

    def statement(self, **values: Any) -> tuple[str, str, list]:
        """The database alias the query reads from, its SQL and its parameters for ``values``:
        for running it inside a statement of one's own (``EXPLAIN``, a derived table)."""
        if values.keys() != self.kinds.keys():
            raise TypeError(f"This prepared query takes {sorted(self.kinds)}, not {sorted(values)}.")
        if self._model is None:
            self._model = self.build(**self._markers()).model
        alias = router.db_for_read(self._model)
        compiled = self._for_alias(alias)
        connection = connections[alias]
        params = list(compiled.params)
        for name, positions in compiled.slots.items():
            adapted = _adapt(self.kinds[name], values[name], connection)
            for position in positions:
                params[position] = adapted
        return alias, compiled.sql, params

    def _markers(self) -> dict[str, Any]:
        return {name: _marker(kind, index) for index, (name, kind) in enumerate(self.kinds.items())}

    def _for_alias(self, alias: str) -> _Compiled:
        compiled = self._compiled.get(alias)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(alias) or self._compile(alias)
                self._compiled[alias] = compiled
        return compiled

    def _compile(self, alias: str) -> _Compiled:
        markers = self._markers()
        queryset = self.build(**markers)
        rows_of = queryset._iterable_class in (ValuesListIterable, FlatValuesListIterable)
        if not (rows_of or queryset._iterable_class is ModelIterable) or queryset._prefetch_related_lookups:
            raise ValueError(
                "A prepared query must be a plain model or values_list() queryset, without values() or prefetching."
            )
        connection = connections[alias]
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        slots = {}
        for name, marker in markers.items():
            adapted = _adapt(self.kinds[name], marker, connection)
            slots[name] = [i for i, param in enumerate(params) if type(param) is type(adapted) and param == adapted]
            if not slots[name]:
                raise ValueError(f"The value {name!r} does not reach the SQL as a parameter of its own.")
        klass_info, select = compiler.klass_info, compiler.select
        fields = [column[0] for column in select[: compiler.col_count]]
        if rows_of:
            names = [*queryset.query.values_select, *queryset.query.annotation_select]
            if queryset._fields and list(queryset._fields) != names:
                raise ValueError("A prepared values_list() must name its fields before its expressions.")
            return _Compiled(
                sql=sql,
                params=tuple(params),
                slots=slots,
                model=None,
                flat=queryset._iterable_class is FlatValuesListIterable,
                init_list=[],
                model_span=(0, compiler.col_count),
                related_populators=[],
                annotation_col_map={},
                converters=compiler.get_converters(fields),
            )
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        return _Compiled(
            sql=sql,
            params=tuple(params),
            slots=slots,
            model=klass_info["model"],
            flat=False,
            init_list=[column[0].target.attname for column in select[start:end]],
            model_span=(start, end),
            related_populators=get_related_populators(klass_info, select, alias),
            annotation_col_map=dict(compiler.annotation_col_map),
            converters=compiler.get_converters(fields),
        )

    @staticmethod
    def _converted(compiled: _Compiled, row: tuple, connection) -> tuple | list:
        """The row with the backend's converters applied; a values_list() row without the columns
        past its own (``model_span`` ends at its last)."""
        if compiled.converters:
            row = list(row)
            for position, (converters, expression) in compiled.converters.items():
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
        return row[: compiled.model_span[1]] if compiled.model is None else row

    @staticmethod
    def _instance(compiled: _Compiled, row: tuple, alias: str, connection) -> Model:
        row = PreparedQuery._converted(compiled, row, connection)
        start, end = compiled.model_span
        instance = compiled.model.from_db(alias, compiled.init_list, row[start:end])
        for populator in compiled.related_populators:
            populator.populate(row, instance)
        for name, position in compiled.annotation_col_map.items():
            setattr(instance, name, row[position])
        return instance
