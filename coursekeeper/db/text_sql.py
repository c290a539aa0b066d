"""Search folding and Norwegian order inside SQL, so a list can be searched and sorted a page at a time.

On SQLite the program's own Python functions are registered with each connection (the same
result as in Python, row for row). PostgreSQL gets the same steps as one SQL expression: its
``lower`` folds every letter, the Norwegian letters are replaced as ``search_key`` does, and other
accents are dropped by ``translate`` (the common Latin ones; ``search_key`` drops every accent).
Norwegian order compares bytes (``COLLATE "C"``) after æ, ø, å are replaced by the ASCII
characters just after «z», as ``norwegian_sort_key`` does.
"""

from __future__ import annotations

import re

import peewee as pw

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.domain.text import norwegian_sort_key, search_key

FOLD_FUNCTION = "ck_fold"
ORDER_FUNCTION = "ck_nb_order"
DIGITS_FUNCTION = "ck_digits"
_ACCENTED = "àáâãèéêëìíîïòóôõùúûüýÿçñ"
_PLAIN = "aaaaeeeeiiiioooouuuuyycn"
# The steps of search_key after lower-casing, in its order.
_FOLDS = (("æ", "ae"), ("ø", "o"), ("å", "a"), ("aa", "a"), ("oe", "o"), ("ä", "ae"), ("ö", "o"))
_ORDER = (("æ", "{"), ("ä", "{"), ("ø", "|"), ("ö", "|"), ("å", "}"))


def register_sqlite_functions(db: pw.SqliteDatabase) -> None:
    """Make ``ck_fold``, ``ck_nb_order`` and ``ck_digits`` callable in this SQLite database's queries."""
    db.register_function(lambda text: search_key(text or ""), FOLD_FUNCTION, 1, deterministic=True)
    db.register_function(lambda text: norwegian_sort_key(text or ""), ORDER_FUNCTION, 1, deterministic=True)
    db.register_function(lambda text: re.sub(r"\D", "", text or ""), DIGITS_FUNCTION, 1, deterministic=True)


def folded(expression: pw.Node) -> pw.Node:
    """``search_key(expression)`` computed by the database."""
    if is_sqlite(database):
        return pw.fn.ck_fold(expression)
    value: pw.Node = pw.fn.LOWER(expression)
    for old, new in _FOLDS:
        value = pw.fn.REPLACE(value, old, new)
    return pw.fn.TRANSLATE(value, _ACCENTED, _PLAIN)


def digits(expression: pw.Node) -> pw.Node:
    """The digits of ``expression`` (every other character left out), computed by the database."""
    if is_sqlite(database):
        return pw.fn.ck_digits(expression)
    return pw.fn.REGEXP_REPLACE(expression, r"\D", "", "g")


def norwegian_order(expression: pw.Node) -> pw.Node:
    """``norwegian_sort_key(expression)`` computed by the database, compared byte by byte."""
    if is_sqlite(database):
        return pw.fn.ck_nb_order(expression)
    value: pw.Node = pw.fn.LOWER(expression)
    for old, new in _ORDER:
        value = pw.fn.REPLACE(value, old, new)
    return pw.NodeList((value, pw.SQL('COLLATE "C"')))


def contains(expression: pw.Node, term: str) -> pw.Expression:
    """``term`` occurs in ``expression`` (both folded; ``%`` and ``_`` in the term are literal).

    peewee writes ILIKE as SQLite's LIKE (its LIKE would be GLOB); both sides are lower case anyway.
    """
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return pw.Expression(
        expression, pw.OP.ILIKE, pw.NodeList((pw.Value(f"%{escaped}%"), pw.SQL("ESCAPE '\\'")))
    )
