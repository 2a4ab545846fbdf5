"""Check the built documentation site in a real browser (the system's Chromium, headless).

Usage: ``check_site.py SITE_DIR [--artefacts DIR]``, or ``check_site.py --self-test``.

The site is served from ``SITE_DIR`` on 127.0.0.1 (a free port) and every page of it (every
``*.html`` file outside ``assets/``; a folder's ``index.html`` is opened at the folder's URL, as a
reader follows a link) is opened in Chromium at a 1280 x 900 viewport, then resized to a phone's
390 x 844, driven by Playwright with ``executable_path`` set to the system browser (no browser is
downloaded). A page fails on:

* **a console error**: a console message of type ``error``, or an uncaught exception (a page
  error);
* **a failed request**: a request to the site that fails or answers 400 or more (a missing
  script, style sheet, font or image);
* **a missing image**: an ``<img>`` (lazy ones are made eager first) that the browser cannot
  decode (``img.decode()`` rejects), including ``data:`` URIs and SVG files, or that decodes to
  no pixels (``naturalWidth`` 0, for a raster image);
* **a code block or table wider than its container**: each ``pre``, ``pre > code`` and ``table``
  (inside ``<details>`` too: they are opened first) is measured with ``getBoundingClientRect``.
  The rule: *a code block or table must fit its container; content wider than a code block is
  allowed only if the block itself scrolls horizontally* (``overflow-x`` ``auto`` or ``scroll``,
  with a visible scroll bar: not ``scrollbar-width: none``); *a table may not scroll at all*: a
  table that scrolls sideways hides columns at 1280 px, which is the fault this check is for
  (Material puts every table in a box that scrolls, so "it scrolls" would pass any table).
  Precisely:

  1. if the element's content is wider than its box (``scrollWidth > clientWidth``), a code
     block must scroll and a table fails; if it hides its overflow (``hidden``/``clip``) the
     content is clipped (fail);
     if its overflow is ``visible`` the content spills out and counts as part of its width;
  2. going up from the element to the page's main column (``.md-content``: the article with its
     side margins, between the navigation and the table of contents; Material lets a table's
     scroll box bleed into those margins; the page body outside it), an ancestor that scrolls
     horizontally contains a code block (a table it makes scroll fails): from there on that
     ancestor is what must fit; an ancestor that
     hides its overflow must not cut the element (its padding box must hold it, else fail:
     clipped by that ancestor);
  3. what must fit (the element, with any spill, or the scrolling ancestor holding it) must lie
     within the column's content box (fail: wider than its container).

  A tolerance of 1 px allows for rounding. And the page itself must not scroll sideways
  (``document.documentElement.scrollWidth`` at most the viewport width).
* **figure text too small to read**, at 1280 px and at 390 px: every figure in the main
  column (an inline SVG with text, or an image of one, whose source is parsed and drawn
  off-screen at the image's rendered width) has its text measured as the browser draws it,
  each ``<text>``'s font size times the scale its SVG is drawn at (``getScreenCTM``), which
  is the figure's font size times its rendered width over its natural width; the smallest
  must be at least :data:`MIN_FIGURE_TEXT_PX` (9 CSS px). An image in a figure box
  (``.isk-figure``) whose text cannot be measured (a raster, or text drawn as paths) fails.
* **off-screen at a phone's width**: the page, once checked, is resized to 390 x 844; an
  element of the main column that then reaches outside the viewport, unless a box that
  scrolls sideways holds it, fails, as does the page scrolling sideways; and a table of a
  notebook display (``.isk-output``: the tutorial's strikes, with their deaths column) must
  fit its box, not scroll (a Markdown table may scroll in its own box at that width).

Requests to any other host are blocked, not sent (the site must work offline, and the browser
is not to reach out): one for what the page itself needs (a style sheet, script, font or image)
fails it (**an outside resource**: the page is broken without the network); others (a link
prefetched, say) are listed. The console line that reports a blocked request is not counted
again as a console error.

It prints a report per page (with the smallest text of each figure at both widths) and writes
``results.json`` and whole-page screenshots of the home, tutorial and data pages (``home.png``,
``tutorial.png``, ``data.png``; the tutorial and data pages at 390 px too: ``tutorial-390.png``,
``data-390.png``) to the artefacts folder (``.ci-artefacts/site`` by default), with a picture of
each failing element under ``problems/``. The exit status is 1 if any page fails.
``--self-test`` first checks the checker on a small made-up site: a too-wide table, a clipped
code block, a console error, a page error, broken images, a table that scrolls sideways, a style
sheet from another host, figures whose text is too small (inline and as an image, measured to
a tenth of a pixel) or cannot be measured, an element off-screen only at 390 px and a notebook
display's table that does not fit at 390 px must each be caught, and a clean page with wide code
that scrolls and legible figures (12 px text, found as 12 px at both widths) must pass.
"""

from __future__ import annotations

import argparse
import base64
import functools
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
VIEWPORT = {"width": 1280, "height": 900}
#: a phone's viewport: every page is opened again at this size (``check_narrow``)
NARROW = {"width": 390, "height": 844}
#: the smallest size (CSS px) a figure's text may be shown at, at either width
MIN_FIGURE_TEXT_PX = 9.0
#: page name -> the site file whose full-page screenshot is kept as ``NAME.png``
SCREENSHOTS = {"home": "index.html", "tutorial": "tutorial/index.html", "data": "data/index.html"}
#: page name -> the site file whose full-page screenshot at the narrow width is ``NAME-390.png``
NARROW_SCREENSHOTS = {"tutorial": "tutorial/index.html", "data": "data/index.html"}
#: the tallest screenshot (px); a longer page is cut there
MAX_SHOT_HEIGHT = 16000
#: at most this many pictures of failing elements a page
PROBLEM_PICTURES = 6

Finding = dict[str, Any]

#: Run in the page after it has loaded: the images that fail and the blocks that do not fit.
MEASURE = r"""
async () => {
  const TOL = 1;
  const style = (el) => getComputedStyle(el);
  const scrolls = (el) =>
    ['auto', 'scroll'].includes(style(el).overflowX) && style(el).scrollbarWidth !== 'none';
  const clips = (el) =>
    ['hidden', 'clip'].includes(style(el).overflowX) ||
    (['auto', 'scroll'].includes(style(el).overflowX) && style(el).scrollbarWidth === 'none');
  const px = (v) => parseFloat(v) || 0;
  const text = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80);
  const cssPath = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && e !== document.body; e = e.parentElement) {
      if (e.id) { parts.unshift('#' + CSS.escape(e.id)); break; }
      if (e.classList.contains('md-content__inner')) { parts.unshift('article'); break; }
      let part = e.localName;
      const cls = [...e.classList].filter((c) => !c.startsWith('md-typeset__')).slice(0, 2);
      if (cls.length) part += '.' + cls.map((c) => CSS.escape(c)).join('.');
      const same = e.parentElement
        ? [...e.parentElement.children].filter((c) => c.localName === e.localName) : [];
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(e) + 1})`;
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const heading = (el) => {
    // the nearest heading before the element, to say where on the page it is
    const all = [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3')];
    let found = null;
    for (const h of all) {
      if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = h;
    }
    return found ? found.textContent.replace('¶', '').trim() : null;
  };
  let mark = 0;
  const describe = (el) => {
    el.setAttribute('data-ci-problem', String(++mark));
    return { mark, element: cssPath(el), text: text(el), under: heading(el) };
  };

  // images: lazy ones are loaded now; each must decode
  const images = [];
  const imgs = [...document.images];
  for (const img of imgs) if (img.loading === 'lazy') img.loading = 'eager';
  await Promise.all(imgs.map(async (img) => {
    let error = null;
    try {
      await Promise.race([
        img.decode(),
        new Promise((_, no) => setTimeout(() => no(new Error('timed out (10 s)')), 10000)),
      ]);
    } catch (e) { error = String(e && e.message || e); }
    const src = img.currentSrc || img.getAttribute('src') || '';
    const svg = /\.svg($|[?#])/i.test(src) || src.startsWith('data:image/svg');
    if (!error && img.naturalWidth === 0 && !svg) error = 'decoded to no pixels';
    if (error) {
      images.push({ ...describe(img), src: src.slice(0, 120), alt: img.alt, error });
    }
  }));

  // blocks: opened <details> first, so that what they hold is measured too
  for (const d of document.querySelectorAll('details')) d.open = true;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

  const overflows = [];
  const TABLE_SCROLLS = 'a table wider than its column: it scrolls sideways, so some of its ' +
    'columns are off-screen at this width';
  // content wider than a code block that scrolls: allowed, and listed
  const scrolling = [];
  const wider = (el) => el.scrollWidth > el.clientWidth + TOL;
  // the horizontal scroll bar takes room under the content unless it is hidden
  const bar = (el) => el.offsetHeight - el.clientHeight - el.clientTop -
    px(style(el).borderBottomWidth) > 0;
  const note = (el, box) => ({ block: el.localName === 'table' ? 'table' : 'code block',
    element: cssPath(el), text: text(el), under: heading(el),
    content_px: box.scrollWidth, block_px: box.clientWidth, box: cssPath(box) });
  const blocks = [...document.querySelectorAll('pre, pre > code, table')];
  for (const el of blocks) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // not rendered
    const block = el.localName === 'table' ? 'table' : 'code block';
    const column = el.closest('.md-content') || document.body;
    const fail = (problem, widths) =>
      overflows.push({ block, problem, ...widths, ...describe(el) });
    let left = r.left, right = r.right, holder = 'the element';
    // 1. its own content
    if (wider(el)) {
      if (clips(el) || (scrolls(el) && !bar(el))) {
        fail('content clipped: wider than the block, which does not scroll (or hides its bar)', {
          content_px: el.scrollWidth, block_px: el.clientWidth });
        continue;
      }
      if (scrolls(el) && block === 'table') {
        fail(TABLE_SCROLLS, { content_px: el.scrollWidth, block_px: el.clientWidth });
        continue;
      }
      if (scrolls(el)) scrolling.push(note(el, el));
      else right = Math.max(right, r.left + el.clientLeft + el.scrollWidth);
    }
    // 2. up to the column: a scrolling ancestor holds it; a clipping one must not cut it
    let failed = false;
    for (let a = el.parentElement; a && a !== column && a !== document.body; a = a.parentElement) {
      const ar = a.getBoundingClientRect();
      if (scrolls(a)) {
        if (wider(a) && !bar(a)) {
          fail(`clipped: in ${cssPath(a)}, which scrolls with its scroll bar hidden`, {
            content_px: a.scrollWidth, block_px: a.clientWidth });
          failed = true;
          break;
        }
        // a table must lie inside what its scroll box shows (Material's box scrolls by its
        // own padding even when the table fits: that hides no column)
        const shown = ar.left + a.clientLeft;
        if (block === 'table' && (r.right > shown + a.clientWidth + TOL || r.left < shown - TOL)) {
          fail(TABLE_SCROLLS, { width_px: Math.round(r.width), shown_px: a.clientWidth });
          failed = true;
          break;
        }
        if (wider(a)) scrolling.push(note(el, a));
        left = ar.left; right = ar.right; holder = cssPath(a);
        continue;
      }
      if (clips(a)) {
        const inner = ar.left + a.clientLeft;
        if (right > inner + a.clientWidth + TOL || left < inner - TOL) {
          fail(`clipped by an ancestor that hides its overflow (${cssPath(a)})`, {
            width_px: Math.round(right - left), ancestor_px: a.clientWidth });
          failed = true;
          break;
        }
      }
    }
    if (failed) continue;
    // 3. against the column's content box
    const cr = column.getBoundingClientRect(), cs = style(column);
    const cleft = cr.left + px(cs.borderLeftWidth) + px(cs.paddingLeft);
    const cright = cr.right - px(cs.borderRightWidth) - px(cs.paddingRight);
    if (right > cright + TOL || left < cleft - TOL) {
      fail('wider than its container (the main column)', {
        width_px: Math.round(right - left), container_px: Math.round(cright - cleft),
        measured: holder });
    }
  }
  // a failing code element inside a failing pre is one problem: keep the outer one
  const marked = new Set(overflows.map((o) => o.mark));
  const kept = overflows.filter((o) => {
    const el = document.querySelector(`[data-ci-problem="${o.mark}"]`);
    const outer = el.parentElement && el.parentElement.closest('[data-ci-problem]');
    return !(outer && marked.has(Number(outer.getAttribute('data-ci-problem'))));
  });
  const html = document.documentElement;
  const seen = new Set();
  const scrolls_ok = scrolling.filter((s) => !seen.has(s.box) && seen.add(s.box));
  return { images, overflows: kept, scrolling: scrolls_ok, page_px: html.scrollWidth,
    viewport_px: html.clientWidth };
}
"""

#: Run in the page: the smallest text of every figure, as rendered. A figure is an SVG with
#: text in the main column, inline or as an image (whose source is parsed and drawn off-screen
#: at the image's rendered width: what the image shows, measured the same way); an image in a
#: figure box (``.isk-figure``) whose text cannot be measured (a raster, or text as paths) is
#: listed as such. A text's size on screen is its font size times the scale its SVG is drawn at.
FIGURE_TEXT = r"""
async () => {
  const text = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
  const heading = (el) => {
    let found = null;
    for (const h of document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3')) {
      if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = h;
    }
    return found ? found.textContent.replace('¶', '').trim() : null;
  };
  const smallest = (svg) => {
    let px = Infinity, sample = '', count = 0;
    for (const t of svg.querySelectorAll('text')) {
      const words = text(t);
      const m = t.getScreenCTM();
      const size = parseFloat(getComputedStyle(t).fontSize);
      if (!words || !m || !size) continue;
      count += 1;
      const shown = size * Math.hypot(m.a, m.b);
      if (shown < px) { px = shown; sample = words.slice(0, 50); }
    }
    return { texts: count, smallest_px: count ? Math.round(px * 100) / 100 : null, sample };
  };
  const figures = [];
  let n = 0;
  const add = (el, found) => {
    const r = el.getBoundingClientRect();
    el.setAttribute('data-ci-figure', String(++n));
    figures.push({ figure: n, element: el.localName, id: el.id || null, under: heading(el),
      rendered_px: Math.round(r.width), ...found });
  };
  const column = document.querySelector('.md-content') || document.body;
  for (const svg of column.querySelectorAll('svg')) {
    if (svg.parentElement.closest('svg') || !svg.getBoundingClientRect().width) continue;
    const found = smallest(svg);
    if (found.texts) add(svg, { natural_px: Math.round(svg.width.baseVal.value), ...found });
  }
  for (const img of column.querySelectorAll('img')) {
    const width = img.getBoundingClientRect().width;
    if (!width) continue;
    const src = img.currentSrc || img.src;
    const boxed = !!img.closest('.isk-figure');
    let source = null;
    if (/^data:image\/svg\+xml/.test(src) || /\.svg($|[?#])/i.test(src)) {
      try { source = await (await fetch(src)).text(); } catch (e) { source = null; }
    }
    const svg = source &&
      new DOMParser().parseFromString(source, 'image/svg+xml').querySelector('svg');
    if (!svg || !svg.querySelector('text')) {
      if (boxed) add(img, { natural_px: img.naturalWidth, texts: 0, smallest_px: null,
        sample: '', unmeasurable: 'its text cannot be measured (a raster image, or text ' +
          'drawn as paths): draw figures as SVG with svg.fonttype "none"' });
      continue;
    }
    const box = svg.viewBox.baseVal;
    const drawn = document.importNode(svg, true);
    drawn.setAttribute('width', String(width));
    drawn.setAttribute('height', String(width * box.height / box.width));
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:-100000px;top:0;width:' + width + 'px';
    holder.appendChild(drawn);
    document.body.appendChild(holder);
    const found = smallest(drawn);
    holder.remove();
    if (found.texts) add(img, { natural_px: img.naturalWidth, ...found });
  }
  return figures;
}
"""

#: Run in the page at the narrow width: what reaches outside the viewport without being in a box
#: that scrolls sideways (an ancestor with overflow-x auto or scroll), and the tables of notebook
#: displays (``.isk-output``) wider than their box, which hide columns off-screen.
NARROW_LAYOUT = r"""
() => {
  const TOL = 1;
  const vw = document.documentElement.clientWidth;
  const scrollsX = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const text = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80);
  const column = document.querySelector('.md-content') || document.body;
  const outside = [];
  for (const el of column.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (r.right <= vw + TOL && r.left >= -TOL) continue;
    let held = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (scrollsX(a)) { held = true; break; }
    }
    if (!held) outside.push(el);
  }
  let mark = 0;
  const found = [];
  // the outermost only: what an element that is listed holds is not listed again
  for (const el of outside) {
    if (outside.some((o) => o !== el && o.contains(el))) continue;
    const r = el.getBoundingClientRect();
    el.setAttribute('data-ci-narrow', String(++mark));
    found.push({ mark, element: el.localName + (el.id ? '#' + el.id : '') +
      (el.classList.length ? '.' + [...el.classList].slice(0, 2).join('.') : ''),
      text: text(el), left_px: Math.round(r.left), right_px: Math.round(r.right),
      problem: 'reaches outside the viewport, not in a box that scrolls sideways' });
  }
  for (const table of column.querySelectorAll('.isk-output table')) {
    const box = table.closest('.isk-output');
    const width = table.getBoundingClientRect().width;
    if (!width || width <= box.clientWidth + TOL) continue;
    table.setAttribute('data-ci-narrow', String(++mark));
    found.push({ mark, element: 'table' + (table.id ? '#' + table.id : ''), text: text(table),
      width_px: Math.round(width), box_px: box.clientWidth,
      problem: "a notebook display's table wider than its box: columns start off-screen" });
  }
  return { found, page_px: document.documentElement.scrollWidth, viewport_px: vw };
}
"""


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site's files without logging each request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing."""


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 at a free port, in a thread; yield the base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def pages_of(site: Path) -> list[str]:
    """Every page of the site, as a path relative to its root (``""`` is the home page)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/"):
            continue
        pages.append(rel.removesuffix("index.html"))
    return pages


def find_chromium(given: str | None) -> str:
    """The Chromium to drive: ``--chromium``, ``$CHROMIUM``, or the first on ``PATH``."""
    for name in (given, os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if name and (found := shutil.which(name)):
            return found
    raise SystemExit("no Chromium found: install the system package (apt-get install chromium)")


#: The kinds of request a page needs to look as it should: from another host, a fault.
NEEDED = frozenset({"stylesheet", "script", "font", "image"})


def check_page(context: Any, base: str, page_path: str) -> tuple[list[Finding], list[str], Any]:
    """Open one page and return its problems, the requests blocked, and the open page."""
    url = base + page_path
    origin = urlsplit(base).netloc
    problems: list[Finding] = []
    blocked: list[str] = []
    page = context.new_page()

    def route(route: Any) -> None:
        if urlsplit(route.request.url).netloc == origin:
            route.continue_()
        else:
            blocked.append(route.request.url)
            if route.request.resource_type in NEEDED:
                problems.append(
                    {
                        "kind": "outside resource",
                        "detail": f"{route.request.resource_type} from another host, "
                        f"{route.request.url}: serve it from the site",
                    }
                )
            route.abort("blockedbyclient")

    def console(message: Any) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "") if message.location else ""
        if where in blocked or any(b in message.text for b in blocked):
            return  # the line that reports a blocked outside request
        problems.append({"kind": "console error", "detail": message.text, "source": where})

    def failed(request: Any) -> None:
        if request.url not in blocked:
            problems.append(
                {"kind": "failed request", "detail": f"{request.url}: {request.failure}"}
            )

    def response(answer: Any) -> None:
        if answer.status >= 400:
            problems.append(
                {"kind": "failed request", "detail": f"{answer.url}: HTTP {answer.status}"}
            )

    page.route("**/*", route)
    page.on("console", console)
    page.on(
        "pageerror", lambda error: problems.append({"kind": "page error", "detail": str(error)})
    )
    page.on("requestfailed", failed)
    page.on("response", response)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    return problems, blocked, page


def take_screenshots(context: Any, base: str, page_path: str, paths: list[Path]) -> None:
    """Screenshots of a whole page, freshly loaded (nothing outside the site fetched).

    The viewport is made as tall as the page rather than using Playwright's full-page capture,
    which leaves out the scroll bars: a block that scrolls shows its bar, as a reader sees it.
    """
    origin = urlsplit(base).netloc
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).netloc == origin
            else route.abort("blockedbyclient")
        ),
    )
    page.goto(base + page_path, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    for _ in range(3):  # a taller viewport can change the page's height; settle it
        height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_SHOT_HEIGHT)
        if height == page.viewport_size["height"]:
            break
        page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
        page.wait_for_load_state("networkidle")
    for path in paths:
        page.screenshot(path=str(path))
    page.close()


def measure(page: Any, problems: list[Finding]) -> list[Finding]:
    """Add the page's missing images and overflowing blocks to ``problems``.

    Returns the blocks whose content is wider than they are and which scroll (allowed).
    """
    found = page.evaluate(MEASURE)
    for image in found["images"]:
        problems.append({"kind": "missing image", **image})
    for block in found["overflows"]:
        problems.append({"kind": "overflow", **block})
    if found["page_px"] > found["viewport_px"] + 1:
        problems.append(
            {
                "kind": "overflow",
                "problem": "the page scrolls sideways",
                "width_px": found["page_px"],
                "container_px": found["viewport_px"],
            }
        )
    return list(found["scrolling"])


def measure_figures(page: Any, problems: list[Finding], width: int) -> list[Finding]:
    """Add the figures whose smallest text is under the minimum to ``problems``; return all."""
    figures: list[Finding] = page.evaluate(FIGURE_TEXT)
    for figure in figures:
        figure["viewport_px"] = width
        small = figure["smallest_px"] is not None and figure["smallest_px"] < MIN_FIGURE_TEXT_PX
        if small or figure.get("unmeasurable"):
            problems.append({"kind": "figure text", **figure})
    return figures


def check_narrow(page: Any, problems: list[Finding]) -> list[Finding]:
    """The open page, made as narrow as a phone: what reaches off-screen, and its figures' text.

    The page is resized rather than opened again (its requests and console are still watched);
    adds what fails to ``problems`` and returns the figures as measured.
    """
    page.set_viewport_size(NARROW)
    page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    width = NARROW["width"]
    layout = page.evaluate(NARROW_LAYOUT)
    for item in layout["found"]:
        problems.append({"kind": "off-screen", "viewport_px": width, **item})
    if layout["page_px"] > layout["viewport_px"] + 1:
        problems.append(
            {
                "kind": "off-screen",
                "viewport_px": width,
                "problem": "the page scrolls sideways",
                "width_px": layout["page_px"],
                "container_px": layout["viewport_px"],
            }
        )
    return measure_figures(page, problems, width)


def describe(problem: Finding) -> str:
    """One line for a problem in the report."""
    if problem["kind"] in {"console error", "page error", "failed request", "outside resource"}:
        source = f" ({problem['source']})" if problem.get("source") else ""
        return f"{problem['kind']}: {problem['detail']}{source}"
    if problem["kind"] == "figure text":
        where = f"{problem['element']} figure {problem['figure']}"
        if problem.get("under"):
            where += f", under '{problem['under']}'"
        at = f"at {problem['viewport_px']} px"
        if problem.get("unmeasurable"):
            return f"figure text {at}: {where}: {problem['unmeasurable']}"
        return (
            f"figure text {at}: its smallest text is {problem['smallest_px']} px, under "
            f"{MIN_FIGURE_TEXT_PX:g} px ({problem['sample']!r}), shown {problem['rendered_px']}"
            f" px wide of {problem['natural_px']} px natural: {where}"
        )
    if problem["kind"] == "off-screen":
        widths = ", ".join(
            f"{key.removesuffix('_px')} {value} px"
            for key, value in problem.items()
            if key[-3:] == "_px" and key != "viewport_px"
        )
        what = f" {problem['element']}" if problem.get("element") else ""
        text = f" {problem['text']!r}" if problem.get("text") else ""
        return (
            f"off-screen at {problem['viewport_px']} px:{what} {problem['problem']} "
            f"[{widths}]{text}"
        )
    where = f"{problem['element']!s}" if problem.get("element") else ""
    if problem.get("under"):
        where += f", under '{problem['under']}'"
    text = f" {problem['text']!r}" if problem.get("text") else ""
    if problem["kind"] == "missing image":
        return f"missing image: {problem['src']} ({problem['error']}) at {where}"
    widths = ", ".join(
        f"{key.removesuffix('_px')} {value} px"
        for key, value in problem.items()
        if key[-3:] == "_px"
    )
    block = problem.get("block", "page")
    return f"overflow: {block} {problem['problem']} [{widths}] at {where}{text}"


def describe_scrolling(block: Finding) -> str:
    """One line for a block whose content is wider than it, and which scrolls."""
    under = f" under '{block['under']}'" if block.get("under") else ""
    return (
        f"{block['block']}{under}, content {block['content_px']} px in {block['block_px']} px:"
        f" {block['text'][:60]!r}"
    )


def describe_figures(figures: list[Finding]) -> str:
    """The smallest text of each figure, as one line."""
    return "; ".join(
        f"{f['element']} {f['figure']} under '{f.get('under')}': "
        + (f"{f['smallest_px']} px" if f["smallest_px"] is not None else "not measurable")
        for f in figures
    )


def check_site(
    site: Path, artefacts: Path, chromium: str, *, quiet: bool = False
) -> tuple[dict[str, Any], bool]:
    """Check every page of ``site`` and write the artefacts; return the results, and if all pass."""
    from playwright.sync_api import sync_playwright

    def say(line: str) -> None:
        if not quiet:
            print(line, flush=True)

    shutil.rmtree(artefacts, ignore_errors=True)
    (artefacts / "problems").mkdir(parents=True)
    pages = pages_of(site)
    if not pages:
        raise SystemExit(f"no page found in {site}")
    wanted = {*SCREENSHOTS.values(), *NARROW_SCREENSHOTS.values()}
    missing = sorted(name for name in wanted if not (site / name).is_file())
    results: dict[str, Any] = {
        "site": str(site),
        "viewport": VIEWPORT,
        "narrow_viewport": NARROW,
        "min_figure_text_px": MIN_FIGURE_TEXT_PX,
        "pages": {},
    }
    all_ok = True
    with serve(site) as base, sync_playwright() as driver:
        # scroll bars shown, as on a desktop: a page's takes room, and a block's shows it scrolls
        browser = driver.chromium.launch(
            executable_path=chromium, headless=True, ignore_default_args=["--hide-scrollbars"]
        )
        results["browser"] = f"{chromium} {browser.version}"
        say(f"{len(pages)} pages of {site}, served at {base}, in Chromium {browser.version}")
        context = browser.new_context(viewport=VIEWPORT)
        narrow = browser.new_context(viewport=NARROW)
        for page_path in pages:
            start = time.monotonic()
            problems, blocked, page = check_page(context, base, page_path)
            file = page_path if page_path.endswith(".html") else page_path + "index.html"
            shots = [name for name, shot in SCREENSHOTS.items() if shot == file]
            scrolling = measure(page, problems)
            figures = {VIEWPORT["width"]: measure_figures(page, problems, VIEWPORT["width"])}
            # and at a phone's width: nothing off-screen unless in a box that scrolls sideways
            figures[NARROW["width"]] = check_narrow(page, problems)
            pictures: list[str] = []
            for n, problem in enumerate(problems):
                if "mark" not in problem or len(pictures) >= PROBLEM_PICTURES:
                    continue
                slug = (page_path.strip("/").replace("/", "-") or "home") + f"-{n + 1}.png"
                try:
                    page.locator(f'[data-ci-problem="{problem["mark"]}"]').screenshot(
                        path=str(artefacts / "problems" / slug), timeout=5000
                    )
                    problem["picture"] = f"problems/{slug}"
                    pictures.append(slug)
                except Exception as error:  # a picture is a help, not part of the check
                    problem["picture_error"] = str(error).splitlines()[0]
            page.close()
            if shots:  # a fresh load, as a reader sees it (measuring opened its <details>)
                take_screenshots(context, base, page_path, [artefacts / f"{n}.png" for n in shots])
            narrow_shots = [name for name, shot in NARROW_SCREENSHOTS.items() if shot == file]
            if narrow_shots:
                names = [artefacts / f"{n}-{NARROW['width']}.png" for n in narrow_shots]
                take_screenshots(narrow, base, page_path, names)
            seconds = time.monotonic() - start
            results["pages"]["/" + page_path] = {
                "ok": not problems,
                "problems": problems,
                "scrolling_blocks": scrolling,
                "blocked_requests": blocked,
                "screenshots": [f"{name}.png" for name in shots]
                + [f"{name}-{NARROW['width']}.png" for name in narrow_shots],
                "figures": {str(width): found for width, found in figures.items()},
                "seconds": round(seconds, 2),
            }
            all_ok &= not problems
            status = "ok  " if not problems else "FAIL"
            say(f"{status} /{page_path} ({len(problems)} problems, {seconds:.1f} s)")
            for problem in problems:
                say(f"       {describe(problem)}")
            for block in scrolling:
                say(f"       (scrolls: {describe_scrolling(block)})")
            for width, measured in figures.items():
                if measured:
                    smallest = describe_figures(measured)
                    say(f"       (figures' smallest text at {width} px: {smallest})")
            if blocked:
                say(f"       (blocked, not sent: {', '.join(sorted(set(blocked)))})")
        browser.close()
    results["screenshots"] = sorted(
        [str(artefacts / f"{n}.png") for n in SCREENSHOTS]
        + [str(artefacts / f"{n}-{NARROW['width']}.png") for n in NARROW_SCREENSHOTS]
    )
    if missing:
        all_ok = False
        results["missing_screenshot_pages"] = missing
        print(f"FAIL: pages to screenshot not in the site: {', '.join(missing)}")
    (artefacts / "results.json").write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    return results, all_ok


#: a 1 x 1 PNG and a small SVG, as data: URIs
PNG_1PX = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
    "hQGAhKmMIQAAAABJRU5ErkJggg=="
)
SVG_DATA = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'%3E"
    "%3Crect width='10' height='10'/%3E%3C/svg%3E"
)

SELF_TEST_CLEAN = """<!doctype html><html><head><meta charset="utf-8"><style>
 body { margin: 0 } .md-content { max-width: 600px; margin: 0 auto; padding: 0 20px }
 pre.scrolls { overflow-x: auto } .wrap { overflow-x: auto }
 .isk-figure { overflow-x: auto; margin: 0 } .isk-figure > * { display: block }
</style></head><body><div class="md-content"><article class="md-content__inner">
<h1>Clean</h1>
<pre class="scrolls"><code>%s</code></pre>
<div class="wrap"><pre><code>%s</code></pre></div>
<div class="wrap"><table><tr><td>a table</td><td>that fits</td></tr></table></div>
<img alt="png" src="@PNG@">
<img alt="svg" src="@SVG@">
<img alt="lazy" loading="lazy" src="dot.svg">
<details><summary>More</summary><pre class="scrolls"><code>%s</code></pre></details>
<h2>Figures</h2>
<figure class="isk-figure"><svg id="legible-svg" width="560" height="40" viewBox="0 0 560 40"
 style="min-width: 560px"><text x="5" y="30" style="font-size: 12px">12 px at any width: the
 box scrolls on a phone</text></svg></figure>
<figure class="isk-figure"><img id="legible-img" alt="figure" src="@FIGURE@" style="width: 300px">
</figure>
</article></div></body></html>
"""

SELF_TEST_BAD = """<!doctype html><html><head><meta charset="utf-8"><style>
 body { margin: 0 } .md-content { max-width: 600px; margin: 0 auto; padding: 0 20px }
 .isk-output { overflow-x: auto }
 pre.clipped { overflow-x: hidden } .hides { overflow: hidden; width: 300px }
 .scrollwrap { overflow-x: auto }
 pre.nobar { overflow-x: auto; scrollbar-width: none } pre.nobar2 { overflow-x: auto }
 pre.nobar2::-webkit-scrollbar { display: none }
</style></head><body><div class="md-content"><article class="md-content__inner">
<h1>Bad</h1>
<link rel="stylesheet" href="https://fonts.example.com/css?family=Roboto">
<h2>Wide table</h2>
<table id="wide-table"><tr><td>%s</td></tr></table>
<div class="scrollwrap"><table id="scrolled-table"><tr><td>%s</td></tr></table></div>
<h2>Clipped code</h2>
<pre class="clipped" id="clipped-code"><code>%s</code></pre>
<pre class="nobar" id="nobar-code"><code>%s</code></pre>
<pre class="nobar2" id="nobar2-code"><code>%s</code></pre>
<div class="hides"><table id="cut-table"><tr><td>%s</td></tr></table></div>
<details><summary>More</summary><table id="hidden-wide"><tr><td>%s</td></tr></table></details>
<img id="missing" alt="missing" src="missing.png">
<img id="corrupt" alt="corrupt" src="data:image/png;base64,AAAAAAAA">
<img id="bad-svg" alt="bad svg" src="broken.svg">
<h2>Small figures, and too wide for a phone</h2>
<svg id="tiny-svg" width="300" height="30" viewBox="0 0 1200 120"><text x="5" y="60"
 style="font-size: 24px">6 px on screen</text></svg>
<img id="tiny-img" alt="tiny" src="@TINY@" style="width: 200px">
<figure class="isk-figure"><img id="raster-figure" alt="raster" src="@PNG@"></figure>
<div id="wide-at-390" style="width: 500px; height: 10px"></div>
<div class="isk-output"><table id="display-table"><tr><td style="white-space: nowrap">a
 display's table as wide as a phone's screen and more, which fits at 1280 px</td></tr></table>
</div>
<script>console.error("self-test console error"); throw new Error("self-test page error");
</script>
</article></div></body></html>
"""


def svg_text_uri(width: int, height: int, font_px: int) -> str:
    """An SVG of one line of text, as a ``data:`` URI."""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><text x="4" y="{height - 8}" '
        f'style="font-size: {font_px}px">text of {font_px} px at {width} px wide</text></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def _figure_px(page: dict[str, Any], width: int, ident: str) -> float | None:
    """The smallest text measured of the figure ``ident`` on a page at ``width`` px."""
    found = [f for f in page["figures"][str(width)] if f.get("id") == ident]
    return found[0]["smallest_px"] if found else None


def self_test(chromium: str) -> list[str]:
    """Check the checker on a made-up site; return what it got wrong (nothing: it works)."""
    long = "x" * 400
    words = " ".join(["longwordwithoutbreaks" * 6] * 3)
    wrong: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        (site / "bad").mkdir(parents=True)
        (site / "index.html").write_text(
            (SELF_TEST_CLEAN % (long, words, long))
            .replace("@PNG@", PNG_1PX)
            .replace("@SVG@", SVG_DATA)
            .replace("@FIGURE@", svg_text_uri(300, 40, 12)),  # 12 px at 300 px wide
            "utf-8",
        )
        (site / "dot.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle r="2"/></svg>',
            "utf-8",
        )
        (site / "bad" / "broken.svg").write_text("<svg this is not svg", "utf-8")
        (site / "bad" / "index.html").write_text(
            (SELF_TEST_BAD % (words, words, long, long, long, words, words))
            .replace("@TINY@", svg_text_uri(1000, 100, 20))  # 4 px at 200 px wide
            .replace("@PNG@", PNG_1PX),
            "utf-8",
        )
        saved, saved_narrow = dict(SCREENSHOTS), dict(NARROW_SCREENSHOTS)
        SCREENSHOTS.clear()
        SCREENSHOTS["home"] = "index.html"
        NARROW_SCREENSHOTS.clear()
        NARROW_SCREENSHOTS["home"] = "index.html"
        try:
            results, ok = check_site(site, Path(tmp) / "artefacts", chromium, quiet=True)
        finally:
            SCREENSHOTS.clear()
            SCREENSHOTS.update(saved)
            NARROW_SCREENSHOTS.clear()
            NARROW_SCREENSHOTS.update(saved_narrow)
    clean, bad = results["pages"]["/"], results["pages"]["/bad/"]
    if clean["problems"]:
        wrong.append(f"the clean page failed: {clean['problems']}")
    kinds = [p["kind"] for p in bad["problems"]]
    details = " | ".join(str(p.get("detail", "")) for p in bad["problems"])
    elements = [str(p.get("element", "")) for p in bad["problems"]]
    expected = {
        "a console error": "self-test console error" in details,
        "a page error": "page error" in kinds and "self-test page error" in details,
        "the failed request for missing.png": "missing.png" in details,
        "the missing image missing.png": any("#missing" in e for e in elements),
        "the corrupt data: image": any("#corrupt" in e for e in elements),
        "the broken SVG": any("#bad-svg" in e for e in elements),
        "the too-wide table": any("#wide-table" in e for e in elements),
        "the table that scrolls sideways": any("#scrolled-table" in e for e in elements),
        "the style sheet from another host": "outside resource" in kinds
        and "fonts.example.com" in details,
        "the clipped code block": any("#clipped-code" in e for e in elements),
        "the table cut by an ancestor": any("#cut-table" in e for e in elements),
        "the too-wide table inside <details>": any("#hidden-wide" in e for e in elements),
        "the code block that scrolls with no bar": any("#nobar-code" in e for e in elements),
        "the one whose bar is hidden by ::-webkit-scrollbar": any(
            "#nobar2-code" in e for e in elements
        ),
    }
    wide, narrow = VIEWPORT["width"], NARROW["width"]
    small = [
        (p["viewport_px"], p.get("id"), p["smallest_px"])
        for p in bad["problems"]
        if p["kind"] == "figure text"
    ]
    off = [(p.get("viewport_px", wide), p.get("element", "")) for p in bad["problems"]]
    expected |= {
        f"the inline SVG figure's 6 px text, at {wide} and {narrow} px": {
            (w, i) for w, i, px in small if i == "tiny-svg" and px is not None and 5.9 < px < 6.1
        }
        == {(wide, "tiny-svg"), (narrow, "tiny-svg")},
        "the image of an SVG figure, its 4 px text": any(
            i == "tiny-img" and px is not None and 3.9 < px < 4.1 for _, i, px in small
        ),
        "the figure image whose text cannot be measured (a raster)": any(
            i == "raster-figure" and px is None for _, i, px in small
        ),
        f"what reaches off-screen at {narrow} px (only there)": (narrow, "div#wide-at-390") in off
        and not any("wide-at-390" in e for w, e in off if w == wide),
        f"the notebook display's table wider than its box at {narrow} px": (
            narrow,
            "table#display-table",
        )
        in off,
    }
    for width in (wide, narrow):
        for ident, px in (("legible-svg", 12), ("legible-img", 12)):
            got = _figure_px(clean, width, ident)
            if got is None or abs(got - px) > 0.1:
                wrong.append(f"the clean figure {ident} at {width} px: {got} px, not {px}")
    if len(clean["scrolling_blocks"]) != 3:
        wrong.append(f"the clean page's 3 wide blocks that scroll: {clean['scrolling_blocks']}")
    wrong += [f"not caught: {what}" for what, caught in expected.items() if not caught]
    if ok:
        wrong.append("the made-up site passed as a whole")
    if wrong:
        wrong += [f"(found on /bad/: {describe(problem)})" for problem in bad["problems"]]
    else:
        print(f"self-test: caught {len(expected)} planted faults: {'; '.join(expected)}")
    return wrong


def main(argv: list[str] | None = None) -> int:
    """Check the site (or the checker, with --self-test); 1 if anything fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", help="the built site (mkdocs build)")
    parser.add_argument(
        "--artefacts", type=Path, default=ROOT / ".ci-artefacts" / "site", help="output folder"
    )
    parser.add_argument("--chromium", help="the browser (default: chromium on PATH)")
    parser.add_argument("--self-test", action="store_true", help="check the checker first")
    args = parser.parse_args(argv)
    chromium = find_chromium(args.chromium)
    if args.self_test:
        print("== the checker, on a made-up site with known faults")
        wrong = self_test(chromium)
        for line in wrong:
            print(f"SELF-TEST FAILED: {line}")
        if wrong:
            return 1
        print("self-test: every planted fault was caught, and the clean page passed")
    if args.site is None:
        return 0
    start = time.monotonic()
    results, ok = check_site(args.site, args.artefacts.resolve(), chromium)
    results["seconds"] = round(time.monotonic() - start, 1)
    pages = results["pages"]
    failed = [page for page, result in pages.items() if not result["ok"]]
    print(f"pages checked ({len(pages)}): {' '.join(pages)}")
    print(f"screenshots: {' '.join(results['screenshots'])}")
    print(f"results: {args.artefacts / 'results.json'}")
    print(f"the browser check took {results['seconds']} s")
    for page in failed:
        print(f"FAILED: {page} ({len(pages[page]['problems'])} problems)")
    print(f"pages: {len(pages) - len(failed)} passed, {len(failed)} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
