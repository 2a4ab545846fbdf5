"""The figures in Jupyter: the tutorial run in a real kernel shows each figure as an image.

The package's figures are made without pyplot, so matplotlib's inline backend does not show
them; they show themselves (``_repr_png_``, ``_plot.inline``). The kernel test needs nbclient
and ipykernel (the test group); without them it is skipped, saying so.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk

pytest.importorskip("matplotlib")

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "tutorial.ipynb"
PNG = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height (its IHDR chunk)."""
    assert data[:8] == PNG
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def articles() -> isk.Dataset:
    return isk.load(sources="articles")


@pytest.mark.parametrize("draw", [isk.timeline, isk.map], ids=["timeline", "map"])
def test_a_figure_is_shown_by_ipythons_display_without_pyplot(
    draw: Any, articles: isk.Dataset
) -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    fig = draw(articles)
    data, _ = formatters.DisplayFormatter().format(fig)
    assert set(data) == {"image/png", "text/plain"}
    assert data["text/plain"] == repr(fig)
    assert repr(fig).startswith("<Figure size ")
    # the whole figure, at its dpi, cropped as the inline backend crops it
    width, height = _png_size(data["image/png"])
    full_width, full_height = fig.get_size_inches() * fig.dpi
    assert 0.9 * full_width <= width <= full_width + 20
    assert 0.8 * full_height <= height <= full_height + 20


def test_a_figure_stays_a_matplotlib_figure_that_pickle_can_find(articles: isk.Dataset) -> None:
    from matplotlib.figure import Figure

    fig = isk.timeline(articles)
    shown = type(fig)
    assert shown.__bases__ == (Figure,)
    assert "_repr_png_" in vars(shown)
    # pickle finds a class by module and qualified name: the figures must be found there
    assert getattr(sys.modules[shown.__module__], shown.__qualname__) is shown
    assert type(isk.map(articles)) is shown
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg")
    assert b"<svg" in buffer.getvalue()


def test_showing_a_figure_imports_no_pyplot_and_leaves_no_figure_open() -> None:
    code = (
        "import sys\n"
        "import idlibstrikes as isk\n"
        "fig = isk.timeline(isk.load(sources='articles'))\n"
        "assert fig._repr_png_().startswith(b'\\x89PNG')\n"
        "from matplotlib._pylab_helpers import Gcf\n"
        "print('matplotlib.pyplot' in sys.modules, Gcf.get_num_fig_managers())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "0"], done.stderr


def _figure_cells(nb: dict[str, Any]) -> list[int]:
    """The code cells whose value is a figure (its text is matplotlib's Figure repr)."""
    found = []
    for i, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/plain", "")
            if "".join(text).startswith("<Figure size "):
                found.append(i)
    return found


def test_the_tutorial_run_in_a_jupyter_kernel_shows_each_figure_as_an_image(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = "executing the notebook needs nbclient and ipykernel (the test dependency group)"
    nbclient = pytest.importorskip("nbclient", reason=reason)
    nbformat = pytest.importorskip("nbformat", reason=reason)
    pytest.importorskip("ipykernel", reason=reason)
    stored = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    figures = _figure_cells(stored)
    assert figures, "the tutorial draws no figure any more: this test checks nothing"
    shutil.copy(NOTEBOOK, tmp_path / NOTEBOOK.name)  # its cells must not need the checkout
    # the kernel, started in tmp_path, imports the package under test (a relative
    # PYTHONPATH, such as src, would not find it there)
    here = str(Path(isk.__file__).resolve().parents[1])
    paths = [here, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(paths))
    nb = nbformat.read(tmp_path / NOTEBOOK.name, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    executed = json.loads(nbformat.writes(nb))
    assert _figure_cells(executed) == figures
    for i in figures:
        (result,) = [o for o in executed["cells"][i]["outputs"] if "data" in o]
        assert set(result["data"]) == {"image/png", "text/plain"}, i
        width, height = _png_size(base64.b64decode(result["data"]["image/png"]))
        assert width > 1000, (i, width)  # the figure, 14 inches at 100 dpi, not an icon
        assert height > 500, (i, height)
    shown = [
        i
        for i, cell in enumerate(executed["cells"])
        for o in cell.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]
    assert shown == figures  # one image a figure, and no other
