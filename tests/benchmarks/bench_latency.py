"""Benchmark (a script, not a test): the screens over a slow network to PostgreSQL, and on SQLite.

    python tests/benchmarks/bench_latency.py POSTGRES_URL [--people 20000] [--per-course 1000]
    python tests/benchmarks/bench_latency.py POSTGRES_URL --reuse SQLITE_FILE   # measure again
    python tests/benchmarks/bench_latency.py POSTGRES_URL --reuse SQLITE_FILE --refunds-every 10

The fill records each participant's payment (the sheet's «Betalt» column), so the ledger has a
row per enrolment; ``--refunds-every N`` first adds a refund for every N-th enrolment of every
course (to both databases, once: it is written to them), so the ledger has more rows and the
lists show refunded deposits next to held ones.

Filling takes minutes; ``--reuse`` measures a PostgreSQL database and an SQLite file filled by an
earlier run (the first run prints where its SQLite file is) without filling again.

Fills the (emptied) PostgreSQL database and an SQLite file through the import service: courses of
``--per-course`` participants drawn from ``--people`` people (default 20,000 people and 100,000
enrolments). Then, with the program talking to PostgreSQL through a local TCP proxy that holds
every packet 10 ms each way (20 ms round trip), and again on SQLite without a proxy, prints for
every view, the course page, saving a person, accepting ten applicants one by one and ten more
with the course page's «Ta opp» (the plan shown, then the run): the number of queries
and the seconds until the window showed the result.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_common import HEADERS, sample_participants  # noqa: E402
from tests.tcp_proxy import CuttableProxy  # noqa: E402

VIEWS = ("courses", "people", "deposits", "certificates", "key_figures", "settings")


def fill(url: str, people: int, per_course: int, folder: Path) -> None:
    """Courses of ``per_course`` people each, drawn in turn from ``people`` people, via the import."""
    import openpyxl

    from coursekeeper.db.connection import close_database
    from coursekeeper.services import courses, imports
    from coursekeeper.services.database import prepare

    prepare(url)
    rows = sample_participants(people)
    started = time.perf_counter()
    for c in range(people * 5 // per_course):
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Deltakere")
        sheet.append(HEADERS)
        first = c * per_course % people
        for row in (rows + rows)[first : first + per_course]:
            sheet.append(row)
        path = folder / f"kurs{c}.xlsx"
        book.save(path)
        course = courses.create_course(
            courses.CourseInput(
                title=f"Treningskontaktkurs {c + 1}",
                capacity=per_course,
                screening_required=False,
                sessions=[courses.SessionInput(__import__("datetime").date(2027, 3, 1), "09:00", "15:00")],
            )
        )
        imports.commit_import(path, course_id=course.id, skip_invalid=True)
    print(f"filled {url.split('@')[-1]}: {time.perf_counter() - started:.1f} s")
    close_database()


def add_refunds(url: str, every: int) -> None:
    """Refund the deposit of every ``every``-th enrolment, one batch per course (through the service)."""
    import datetime as dt

    from coursekeeper.db.connection import close_database
    from coursekeeper.db.models import Course, Enrolment
    from coursekeeper.services.database import prepare
    from coursekeeper.services.refund_batches import record_refunds

    prepare(url)
    started = time.perf_counter()
    count = 0
    for (course_id,) in Course.select(Course.id).order_by(Course.id).tuples():
        ids = [
            eid
            for (eid,) in Enrolment.select(Enrolment.id)
            .where(Enrolment.course == course_id)
            .order_by(Enrolment.id)
            .tuples()
        ][::every]
        if ids:
            count += len(
                record_refunds(enrolment_ids=ids, refunded_on=dt.date(2027, 3, 2), method="bank").entry_ids
            )
    print(f"refunded {count} in {url.split('@')[-1]}: {time.perf_counter() - started:.1f} s")
    close_database()


class QueryCounter:
    """Counts the statements the database object runs (every thread)."""

    def __init__(self, db) -> None:
        self.n = 0
        plain = db.execute_sql

        def counted(sql, params=None, *args, **kwargs):
            self.n += 1
            return plain(sql, params, *args, **kwargs)

        db.execute_sql = counted


def measure(url: str, label: str) -> None:
    """Open the window on ``url`` and time every screen and two writes."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from coursekeeper import app as desktop
    from coursekeeper.db.models import Enrolment
    from coursekeeper.services import enrolment_batches, enrolments, people
    from coursekeeper.services.database import prepare
    from coursekeeper.ui.main_window import MainWindow
    from coursekeeper.ui.tasks import TaskRunner

    qt_app = QCoreApplication.instance() or desktop.make_application(["bench"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    db = prepare(url)
    counter = QueryCounter(db)
    tasks = TaskRunner()
    window = MainWindow(tasks)
    window.resize(1280, 720)
    window.show()
    tasks.wait_idle(120_000)
    results: list[tuple[str, int, float]] = []

    def timed(name: str, action) -> None:
        counter.n = 0
        start = time.perf_counter()
        action()
        tasks.wait_idle(120_000)
        for _ in range(3):
            qt_app.processEvents()
        results.append((name, counter.n, time.perf_counter() - start))

    for key in VIEWS:
        timed(f"view {key}", lambda key=key: (window.show_view(key), window.views[key].reload()))
    deposits = window.show_view("deposits")
    for tab in (1, 0):  # Posteringer (the whole ledger), then back to Deltakere
        timed(f"deposits tab {tab}", lambda tab=tab: (deposits.tabs.setCurrentIndex(tab), deposits.reload()))
    courses_view = window.show_view("courses")
    tasks.wait_idle(120_000)
    course_id = courses_view.model.all_rows()[0].id
    timed("course page", lambda: courses_view.open_course(course_id))
    person_id = db.execute_sql("SELECT MIN(id) FROM person").fetchone()[0]

    def save_person() -> None:
        p = people.get_person(person_id)
        data = people.PersonInput(p.first_name, p.last_name, p.birth_date, p.email, "912 34 567")
        tasks.run(lambda: people.update_person(person_id, data), label="lagre", touches={"people"})

    timed("save a person", save_person)
    applied = [
        e.id
        for e in Enrolment.select(Enrolment.id)
        .where((Enrolment.course == course_id) & (Enrolment.state == "applied"))
        .limit(10)
    ]

    def accept_ten() -> None:
        tasks.run(lambda: [enrolments.accept(e) for e in applied], label="ta opp", touches={"enrolments"})

    timed(f"accept {len(applied)}", accept_ten)
    chosen = [
        e.id
        for e in Enrolment.select(Enrolment.id)
        .where((Enrolment.course == course_id) & (Enrolment.state == "applied"))
        .limit(10)
    ]
    seen = {e: "applied" for e in chosen}

    def ta_opp() -> None:  # the course page's «Ta opp» on ten selected: the plan shown, then the run
        plan = enrolment_batches.preview_batch(action="accept", enrolment_ids=chosen, seen=seen)
        enrolment_batches.run_batch(
            action="accept", enrolment_ids=plan.doable_ids(), confirmed=plan, seen=seen
        )

    timed(
        f"«Ta opp» {len(chosen)} (batch)", lambda: tasks.run(ta_opp, label="ta opp", touches={"enrolments"})
    )
    window.close()
    tasks.shutdown()
    print(f"\n{label}")
    print(f"{'screen':<26}{'queries':>8}{'seconds':>9}")
    for name, n, seconds in results:
        print(f"{name:<26}{n:>8}{seconds:>9.3f}")
    # A cold start in a fresh process (bench_gui's child): the window shown; the first view's rows
    # shown and the start-up work (the day's backup check, the retention notice) done.
    from tests.benchmarks.bench_gui import MAIN

    child = subprocess.run(
        [sys.executable, "-c", MAIN.format(root=str(ROOT), url=url)],
        capture_output=True,
        text=True,
        check=False,
    )
    timings = child.stdout.split()
    if len(timings) >= 3:
        print(f"{'start: window shown':<30}{float(timings[0]):>9.3f}")
        print(f"{'start: rows, worker idle':<30}{float(timings[2]):>9.3f}")


def main() -> int:
    """Fill, then measure PostgreSQL through the slow proxy and SQLite (each in a child process)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("postgres_url")
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--per-course", type=int, default=1_000)
    parser.add_argument("--reuse", metavar="SQLITE_FILE", help="measure an earlier run's databases")
    parser.add_argument("--refunds-every", type=int, default=0, metavar="N", help="first refund every N-th")
    parser.add_argument("--measure", metavar="LABEL", help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args()
    if args.measure:
        measure(args.postgres_url, args.measure)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="ck-latency-"))
    os.environ["COURSEKEEPER_DATA_DIR"] = str(folder / "data")
    if args.reuse:
        sqlite_url = "sqlite:///" + Path(args.reuse).resolve().as_posix()
    else:
        from tests.pg import reset_postgres

        reset_postgres(args.postgres_url)
        sqlite_url = "sqlite:///" + (folder / "bench.db").as_posix()
        for url in (args.postgres_url, sqlite_url):
            fill(url, args.people, args.per_course, folder)
        print(f"SQLite file for --reuse: {folder / 'bench.db'}")
    if args.refunds_every:
        for url in (args.postgres_url, sqlite_url):
            add_refunds(url, args.refunds_every)
    pg = urlparse(args.postgres_url)
    proxy = CuttableProxy((pg.hostname or "localhost", pg.port or 5432), delay_s=0.010)
    slow = pg._replace(netloc=f"{pg.username}:{pg.password}@127.0.0.1:{proxy.port}").geturl()
    for url, label in ((slow, "PostgreSQL, 10 ms each way"), (sqlite_url, "SQLite")):
        subprocess.run([sys.executable, __file__, url, "--measure", label], check=False)
    proxy.close()
    return 0


if __name__ == "__main__":
    threading.excepthook = lambda args: None  # proxy threads end when their sockets close
    sys.exit(main())
