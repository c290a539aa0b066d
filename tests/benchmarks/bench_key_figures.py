"""Key-figures benchmark (a script, not a test): ``python tests/benchmarks/bench_key_figures.py``.

On the 1,000-course benchmark database of ``bench_gui.py`` (20,000 people, 100,000 enrolments)
it prints:

- counting the key figures for the whole register (the worker's part) and writing both reports;
- drawing the three charts of the Nøkkeltall view (a paint into a pixmap), as a ratio to painting
  a plain widget of the same size in the same run; the goal is under 100 ms per chart;
- with ``--compare VENV`` (a virtual environment holding PySide6-Addons, pyqtgraph and matplotlib),
  the alternatives measured the same way in child processes: import time, first bar chart drawn
  into an image, and their size on disk — the figures behind choosing Qt's own painting.

Options: ``--keep DIR`` keeps the database in DIR; ``--repeat N``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_gui import fill, timed  # noqa: E402

#: The same nine bars drawn by each library, timed from a cold import to an image in memory.
ALTERNATIVES = {
    "Qt's own QPainter (chosen)": """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtGui import QPainter, QColor
from PySide6.QtCore import QRectF
app = QApplication([])
t1 = time.perf_counter()
w = QWidget(); w.resize(480, 300)
def paint(event):
    p = QPainter(w)
    for i, v in enumerate(VALUES):
        p.fillRect(QRectF(120, 10 + i * 30, 3 * v, 22), QColor('#0072B2'))
        p.drawText(QRectF(0, 10 + i * 30, 115, 22), 0x82, LABELS[i])
    p.end()
w.paintEvent = paint
w.grab()
print(t1 - t0, time.perf_counter() - t1)
""",
    "QtCharts (PySide6-Addons)": """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from PySide6.QtCharts import QChart, QChartView, QBarSeries, QBarSet, QBarCategoryAxis
from PySide6.QtCore import Qt
app = QApplication([])
t1 = time.perf_counter()
s = QBarSet('Personer'); s.append(VALUES)
series = QBarSeries(); series.append(s)
chart = QChart(); chart.addSeries(series)
axis = QBarCategoryAxis(); axis.append(LABELS)
chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom); series.attachAxis(axis)
view = QChartView(chart); view.resize(480, 300); view.grab()
print(t1 - t0, time.perf_counter() - t1)
""",
    "pyqtgraph": """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
import pyqtgraph as pg
app = QApplication([])
t1 = time.perf_counter()
w = pg.PlotWidget(); w.resize(480, 300)
w.addItem(pg.BarGraphItem(x0=0, y=list(range(len(VALUES))), height=0.7, width=VALUES))
w.getAxis('left').setTicks([list(enumerate(LABELS))])
w.grab()
print(t1 - t0, time.perf_counter() - t1)
""",
    "matplotlib (Qt backend)": """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
import matplotlib; matplotlib.use('QtAgg')
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
app = QApplication([])
t1 = time.perf_counter()
figure = Figure(figsize=(4.8, 3.0)); axes = figure.add_subplot()
axes.barh(LABELS, VALUES)
canvas = FigureCanvasQTAgg(figure); canvas.resize(480, 300); canvas.grab()
print(t1 - t0, time.perf_counter() - t1)
""",
}
DATA = """
LABELS = ['Påmeldt', 'Tatt opp', 'Møtte', 'Kursbevis', 'I oppdrag', '6 mnd', '12 mnd', '18 mnd', 'Tilbake']
VALUES = [86, 69, 52, 47, 20, 16, 7, 3, 10]
"""
#: What each alternative adds to an install (distributions, measured from their RECORD files).
PACKAGES = {
    "QtCharts (PySide6-Addons)": ["PySide6-Addons"],
    "pyqtgraph": ["pyqtgraph", "numpy"],
    "matplotlib (Qt backend)": [
        "matplotlib",
        "numpy",
        "pillow",
        "kiwisolver",
        "fonttools",
        "contourpy",
        "cycler",
        "pyparsing",
        "python-dateutil",
    ],
}
SIZE = """
import importlib.metadata as m, os, sys
print(sum(os.path.getsize(f.locate()) for name in sys.argv[1:] for f in m.distribution(name).files
          if os.path.isfile(f.locate())) / 1e6)
"""


def compare(venv: Path) -> None:
    """The alternatives, each in a fresh child process of ``venv``'s interpreter (median of 3)."""
    python = venv / "bin" / "python"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    print(f"\n{'library':30} {'import + QApplication':>22} {'first chart':>12} {'extra on disk':>14}")
    for name, code in ALTERNATIVES.items():
        runs = []
        for _ in range(3):
            out = subprocess.run(
                [str(python), "-c", DATA + code], capture_output=True, text=True, env=env, check=False
            )
            if out.returncode != 0:
                print(f"{name:30} failed: {out.stderr.strip().splitlines()[-1:]}")
                break
            runs.append([float(x) for x in out.stdout.split()])
        if not runs:
            continue
        runs.sort()
        start, first = runs[1]
        names = PACKAGES.get(name, [])
        sized = subprocess.run([str(python), "-c", SIZE, *names], capture_output=True, text=True, check=False)
        extra = float(sized.stdout or 0) if names else 0.0
        print(f"{name:30} {start * 1000:19.0f} ms {first * 1000:9.1f} ms {extra:11.1f} MB")


def main(argv: list[str] | None = None) -> int:
    """Fill (or reuse) the database, then count, draw and write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder for the database (kept afterwards)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="a venv with PySide6-Addons, pyqtgraph, matplotlib")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ck-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["COURSEKEEPER_DATA_DIR"] = str(folder / "data")
    url = "sqlite:///" + (folder / "bench.db").as_posix()
    if not (folder / "bench.db").exists():
        fill(url)

    from PySide6.QtWidgets import QApplication, QWidget

    from coursekeeper.services.database import prepare
    from coursekeeper.services.key_figure_reports import write_report
    from coursekeeper.services.key_figures import key_figures
    from coursekeeper.ui.tasks import TaskRunner
    from coursekeeper.ui.views.key_figures_view import KeyFiguresView

    prepare(url)
    app = QApplication.instance() or QApplication([])
    today = dt.date.today()
    counting = timed(lambda: key_figures(as_of=today), args.repeat)
    print(f"key figures counted (1,000 courses, 100,000 enrolments): {counting * 1000:.0f} ms")
    for suffix in (".xlsx", ".pdf"):
        out = folder / f"rapport{suffix}"
        written = timed(lambda out=out: write_report(out=out, as_of=today), max(1, args.repeat // 2))
        print(f"report {suffix}: {written * 1000:.0f} ms, {out.stat().st_size / 1000:.0f} kB")

    tasks = TaskRunner()
    view = KeyFiguresView(tasks)
    view.resize(1080, 640)
    view.show()
    started = time.perf_counter()
    view.reload()
    tasks.wait_idle(60_000)
    app.processEvents()
    filled = time.perf_counter() - started
    print(f"view filled (count on the worker + tables + charts): {filled * 1000:.0f} ms")
    plain = QWidget()
    plain.resize(view.funnel_chart.size())
    plain.show()
    base = timed(plain.grab, args.repeat * 4)
    print(f"a plain widget of the same size painted into a pixmap: {base * 1000:.2f} ms")
    for chart in (view.funnel_chart, view.retention_chart, view.reach_chart):
        drawn = timed(chart.grab, args.repeat * 4)
        print(f"chart «{chart.title[:40]}»: {drawn * 1000:.2f} ms (goal < 100 ms)")
    tasks.shutdown()
    if args.compare:
        compare(args.compare)
    return 0


if __name__ == "__main__":
    sys.exit(main())
