"""Desktop benchmark on a large database (a script, not a test): ``python tests/benchmarks/bench_gui.py``.

Fills a fresh database with 20,000 people, 1,000 courses, 100,000 enrolments and one payment per
enrolment (raw ``executemany`` in one transaction, after migrating with services.database.prepare),
then prints:

- the main window's start time as a ratio to a bare PySide6 QMainWindow (each started in its own
  child process in this run, timed from before ``import PySide6`` to the window shown and painted:
  CourseKeeper's child runs ``app.start_desktop``, the same code as ``run_desktop`` before
  ``app.exec()``, which shows the window before it opens the database on the worker thread);
- separately, when the database was open (migrations checked) and when the first view showed its
  rows: the time a user waits for data, not counted as "window start" but not hidden either, and
  what the ``coursekeeper`` command (cli.py, argument parsing) adds in front of ``run_desktop``;
- the time to open the people view (20,000 people loaded and shown);
- one filter keystroke and one sort over the 100,000-row ledger table (Egenandeler → Posteringer,
  «Alle kurs»), and the same for the 20,000-row people list.

Options: ``--keep DIR`` keeps the database in DIR; ``--repeat N`` repeats the timed steps.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PEOPLE, COURSES, ENROLMENTS = 20_000, 1_000, 100_000
FIRST = ["Kari", "Ola", "Per", "Anne", "Ingrid", "Lars", "Åse", "Øystein", "Nora", "Jonas", "Sigrid", "Håkon"]
LAST = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Ødegård",
    "Aasen",
    "Berg",
    "Haugen",
    "Bakke",
    "Lygre",
    "Dahl",
]

BARE = """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 760); w.show()
app.processEvents()
print(time.perf_counter() - t0)
"""

MAIN = """
import os, sys, time; t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from coursekeeper.app import start_desktop
desktop = start_desktop({url!r}, clock=time.perf_counter)  # what run_desktop does before app.exec()
from PySide6.QtCore import QTimer
timer = QTimer()
timer.timeout.connect(lambda: (desktop.data_shown or desktop.exit_code is not None) and desktop.app.quit())
timer.start(1)
desktop.exec()
desktop.app.processEvents()  # the first view painted with its rows
t_end = time.perf_counter()
assert desktop.exit_code is None and desktop.data_shown, desktop.exit_code
shown, opened, data = (desktop.timings[k] for k in ("shown", "database", "data"))
imported = sorted(m for m in ("peewee", "psycopg", "openpyxl", "reportlab") if m in sys.modules)
print(f"{{shown - t0:.3f}} {{opened - t0:.3f}} {{data - t0:.3f}} {{t_end - t0:.3f}} {{','.join(imported)}}")
print(shown - t0)
desktop.tasks.shutdown()
"""

CLI = """
import sys, time; t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from coursekeeper import cli
cli.build_parser().parse_args([])
print(time.perf_counter() - t0)
"""


def fill(url: str) -> None:
    """Migrate, then insert everything with raw executemany inside one transaction."""
    from coursekeeper.db.connection import database
    from coursekeeper.domain.text import search_key
    from coursekeeper.services.database import prepare

    db = prepare(url)
    rnd = random.Random(7)
    municipality_ids = [r[0] for r in db.execute_sql("SELECT id FROM municipality").fetchall()]
    now = "2026-01-01 12:00:00"
    people = []
    for i in range(PEOPLE):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rnd.randrange(20_000))
        people.append(
            (
                first, last, born.isoformat(), f"p{i}@example.no", f"9{i:07d}", "", "", "",
                rnd.choice(municipality_ids), search_key(f"{first} {last}"), now,
            )
        )  # fmt: skip
    courses = []
    for i in range(COURSES):
        start = dt.date(2016, 1, 1) + dt.timedelta(days=rnd.randrange(3_650))
        courses.append(
            (
                f"Treningskontaktkurs {i + 1}", rnd.choice(municipality_ids), "Idrettshallen",
                start.isoformat(), (start + dt.timedelta(days=1)).isoformat(), 120, 100_000, 0, 1, "",
                "finished", "", now,
            )
        )  # fmt: skip
    started = time.perf_counter()
    with database.atomic():
        cursor = db.cursor()
        cursor.executemany(
            "INSERT INTO person (first_name, last_name, birth_date, email, phone, address, postal_code, city,"
            " municipality_id, search_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            people,
        )
        cursor.executemany(
            "INSERT INTO course (title, municipality_id, venue, start_date, end_date, capacity, deposit_ore,"
            " deposit_waived, screening_required, topics, status, notes, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            courses,
        )
        person_ids = [r[0] for r in db.execute_sql("SELECT id FROM person").fetchall()]
        course_ids = [r[0] for r in db.execute_sql("SELECT id FROM course").fetchall()]
        per_course = ENROLMENTS // COURSES
        enrolments = []
        for course_id in course_ids:
            for person_id in rnd.sample(person_ids, per_course):
                enrolments.append((course_id, person_id, "completed", now, now, "bench", ""))
        cursor.executemany(
            "INSERT INTO enrolment (course_id, person_id, state, applied_at, state_changed_at, source, notes)"
            " VALUES (?,?,?,?,?,?,?)",
            enrolments,
        )
        enrolment_ids = [r[0] for r in db.execute_sql("SELECT id FROM enrolment").fetchall()]
        cursor.executemany(
            "INSERT INTO ledger_entry (enrolment_id, kind, amount_ore, entry_date, method, reference, note,"
            " entered_by, entered_at) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (e, "payment", 100_000, "2025-03-01", "Bank", f"KID {e}", "", "bench", now)
                for e in enrolment_ids
            ],
        )
    print(
        f"Filled {PEOPLE:,} people, {COURSES:,} courses, {len(enrolment_ids):,} enrolments and "
        f"{len(enrolment_ids):,} payments in {time.perf_counter() - started:.2f} s (one transaction)."
    )


def child_env() -> dict[str, str]:
    """The children's environment: byte-code cached (in a temporary folder, not the source tree).

    The installed program runs from compiled byte-code; with PYTHONDONTWRITEBYTECODE set every
    child would recompile each CourseKeeper module it imports (~10 ms) while the bare window
    imports none, so the comparison would measure the compiler. Both kinds of child get the same
    cache, filled by one warm-up run each that is not counted.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "ck-bench-pycache"))
    return env


def child_run(code: str) -> list[str]:
    """The lines a child process prints (its last line: seconds it took to start)."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=child_env()
    )
    return out.stdout.strip().splitlines()


def child_time(code: str) -> float:
    """Seconds a child process reports for its own start-up."""
    return float(child_run(code)[-1])


def timed(fn, repeat: int) -> float:
    """Median seconds of ``fn()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Fill, then time start-up, the people view, and filter/sort over 100,000 rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder for the database (kept afterwards)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ck-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["COURSEKEEPER_DATA_DIR"] = str(folder / "data")
    url = "sqlite:///" + (folder / "bench.db").as_posix()
    if not (folder / "bench.db").exists():
        fill(url)

    main_code = MAIN.format(root=str(ROOT), url=url)
    child_time(BARE), child_run(main_code)  # warm-up: byte-code cache, disk cache
    bare_times, runs = [], []
    for _ in range(5):  # alternate, so drift on the machine affects both alike
        bare_times.append(child_time(BARE))
        runs.append(child_run(main_code))
    bare = statistics.median(bare_times)
    main_start = statistics.median(float(r[-1]) for r in runs)
    print(f"Start-up: bare QMainWindow {bare:.3f} s, CourseKeeper main window shown {main_start:.3f} s "
          f"→ ratio {main_start / bare:.2f}× (goal ≤ 1.5×)")  # fmt: skip
    shown, opened, data, painted = (statistics.median(float(r[0].split()[i]) for r in runs) for i in range(4))
    print(
        f"  then, with the window on screen: database opened on the worker (peewee import, migrations "
        f"check, first query) at {opened:.3f} s, first view's data loaded at {data:.3f} s and painted at "
        f"{painted:.3f} s after start → the user waits {painted:.3f} s for data "
        f"({painted / bare:.2f}× the bare window), {painted - shown:.3f} s of it with the window shown"
    )
    loaded = {r[0].split()[4] if len(r[0].split()) > 4 else "" for r in runs}
    print(f"  modules loaded by the end of start-up: {', '.join(sorted(loaded)) or '-'}")
    front = statistics.median(child_time(CLI.format(root=str(ROOT))) for _ in range(3))
    print(
        f"  not in the ratio: the `coursekeeper` command's own module and argument parsing run in front "
        f"of this when started from the command line or the installed program: {front:.3f} s"
    )

    from PySide6.QtCore import QCoreApplication, Qt

    from coursekeeper.app import make_application
    from coursekeeper.services.database import prepare
    from coursekeeper.ui.tasks import TaskRunner
    from coursekeeper.ui.views.deposits_view import DepositsView
    from coursekeeper.ui.views.people_view import PeopleView

    app = make_application([])
    prepare(url)
    tasks = TaskRunner()

    def open_people() -> PeopleView:
        view = PeopleView(tasks)
        view.resize(1200, 700)
        view.show()
        view.reload()
        tasks.wait_idle(60_000)
        QCoreApplication.processEvents()
        return view

    people_time = timed(open_people, args.repeat)
    people = open_people()
    print(f"Open the people view ({people.people.page.total:,} people, a page): {people_time * 1000:.0f} ms")

    deposits = DepositsView(tasks)
    deposits.resize(1200, 700)
    deposits.show()
    deposits.tabs.setCurrentWidget(deposits.ledger_panel)
    start = time.perf_counter()
    deposits.reload()
    tasks.wait_idle(120_000)
    QCoreApplication.processEvents()
    ledger = deposits.ledger_panel
    rows = len(ledger.model.all_rows())
    elapsed = (time.perf_counter() - start) * 1000
    print(f"Open Egenandeler → Posteringer, «Alle kurs» ({rows:,} rows): {elapsed:.0f} ms")

    for name, panel, texts, column in (
        ("ledger (100,000 rows)", ledger, ("h", "ha", "han", "hansen", "ødegård", ""), 2),
        ("people (20,000 rows)", people.people, ("o", "od", "odegaard", "98765", ""), 0),
    ):
        key_times = []
        for text in texts * args.repeat:
            start = time.perf_counter()
            panel.set_search(text)
            QCoreApplication.processEvents()
            key_times.append(time.perf_counter() - start)
        panel.set_search("")
        sort_times = []
        for i in range(1, args.repeat + 1):
            order = Qt.SortOrder.DescendingOrder if i % 2 else Qt.SortOrder.AscendingOrder
            start = time.perf_counter()
            panel.table.horizontalHeader().setSortIndicator(column, order)  # what a header click does
            QCoreApplication.processEvents()
            sort_times.append(time.perf_counter() - start)
        print(
            f"Filter keystroke, {name}: median {statistics.median(key_times) * 1000:.1f} ms, "
            f"worst {max(key_times) * 1000:.1f} ms (goal < 50 ms); "
            f"sort by «{panel.model.headerData(column, Qt.Orientation.Horizontal)}»: first "
            f"{sort_times[0] * 1000:.1f} ms, median {statistics.median(sort_times) * 1000:.1f} ms, "
            f"worst {max(sort_times) * 1000:.1f} ms "
            "(goal < 200 ms)"
        )
    tasks.shutdown()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
