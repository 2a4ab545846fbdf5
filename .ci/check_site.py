"""Check the built documentation site in a real browser (the system's Chromium, headless).

Usage: ``check_site.py SITE_DIR [--artefacts DIR]``, or ``check_site.py --self-test``.

The site is served from ``SITE_DIR`` on 127.0.0.1 (a free port) and every page of it (every
``*.html`` file outside ``assets/``; a folder's ``index.html`` is opened at the folder's URL, as a
reader follows a link) is opened in Chromium at a 1280 x 900 viewport, driven by Playwright with
``executable_path`` set to the system browser (no browser is downloaded). A page fails on:

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

Requests to any other host are blocked, not sent (the site must work offline, and the browser
is not to reach out): one for what the page itself needs (a style sheet, script, font or image)
fails it (**an outside resource**: the page is broken without the network); others (a link
prefetched, say) are listed. The console line that reports a blocked request is not counted
again as a console error.

It prints a report per page and writes ``results.json`` and whole-page screenshots of the home,
tutorial and data pages (``home.png``, ``tutorial.png``, ``data.png``) to the artefacts folder
(``.ci-artefacts/site`` by default), with a picture of each failing element under
``problems/``. The exit status is 1 if any page fails. ``--self-test`` first checks the checker
on a small made-up site: a too-wide table, a clipped code block, a console error, a page error
broken images, a table that scrolls sideways and a style sheet from another host must each be
caught, and a clean page with wide code that scrolls must pass.
"""

from __future__ import annotations

import argparse
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
#: page name -> the site file whose full-page screenshot is kept as ``NAME.png``
SCREENSHOTS = {"home": "index.html", "tutorial": "tutorial/index.html", "data": "data/index.html"}
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
        page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
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


def describe(problem: Finding) -> str:
    """One line for a problem in the report."""
    if problem["kind"] in {"console error", "page error", "failed request", "outside resource"}:
        source = f" ({problem['source']})" if problem.get("source") else ""
        return f"{problem['kind']}: {problem['detail']}{source}"
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
    missing = [name for name in SCREENSHOTS.values() if not (site / name).is_file()]
    results: dict[str, Any] = {"site": str(site), "viewport": VIEWPORT, "pages": {}}
    all_ok = True
    with serve(site) as base, sync_playwright() as driver:
        # scroll bars shown, as on a desktop: a page's takes room, and a block's shows it scrolls
        browser = driver.chromium.launch(
            executable_path=chromium, headless=True, ignore_default_args=["--hide-scrollbars"]
        )
        results["browser"] = f"{chromium} {browser.version}"
        say(f"{len(pages)} pages of {site}, served at {base}, in Chromium {browser.version}")
        context = browser.new_context(viewport=VIEWPORT)
        for page_path in pages:
            start = time.monotonic()
            problems, blocked, page = check_page(context, base, page_path)
            file = page_path if page_path.endswith(".html") else page_path + "index.html"
            shots = [name for name, shot in SCREENSHOTS.items() if shot == file]
            scrolling = measure(page, problems)
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
            seconds = time.monotonic() - start
            results["pages"]["/" + page_path] = {
                "ok": not problems,
                "problems": problems,
                "scrolling_blocks": scrolling,
                "blocked_requests": blocked,
                "screenshots": [f"{name}.png" for name in shots],
                "seconds": round(seconds, 2),
            }
            all_ok &= not problems
            status = "ok  " if not problems else "FAIL"
            say(f"{status} /{page_path} ({len(problems)} problems, {seconds:.1f} s)")
            for problem in problems:
                say(f"       {describe(problem)}")
            for block in scrolling:
                say(f"       (scrolls: {describe_scrolling(block)})")
            if blocked:
                say(f"       (blocked, not sent: {', '.join(sorted(set(blocked)))})")
        browser.close()
    results["screenshots"] = sorted(str(artefacts / f"{n}.png") for n in SCREENSHOTS)
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
 body { margin: 0 } .md-content { width: 600px; margin: 0 auto; padding: 0 20px }
 pre.scrolls { overflow-x: auto } .wrap { overflow-x: auto }
</style></head><body><div class="md-content"><article class="md-content__inner">
<h1>Clean</h1>
<pre class="scrolls"><code>%s</code></pre>
<div class="wrap"><pre><code>%s</code></pre></div>
<div class="wrap"><table><tr><td>a table</td><td>that fits</td></tr></table></div>
<img alt="png" src="@PNG@">
<img alt="svg" src="@SVG@">
<img alt="lazy" loading="lazy" src="dot.svg">
<details><summary>More</summary><pre class="scrolls"><code>%s</code></pre></details>
</article></div></body></html>
"""

SELF_TEST_BAD = """<!doctype html><html><head><meta charset="utf-8"><style>
 body { margin: 0 } .md-content { width: 600px; margin: 0 auto; padding: 0 20px }
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
<script>console.error("self-test console error"); throw new Error("self-test page error");
</script>
</article></div></body></html>
"""


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
            .replace("@SVG@", SVG_DATA),
            "utf-8",
        )
        (site / "dot.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle r="2"/></svg>',
            "utf-8",
        )
        (site / "bad" / "broken.svg").write_text("<svg this is not svg", "utf-8")
        (site / "bad" / "index.html").write_text(
            SELF_TEST_BAD % (words, words, long, long, long, words, words), "utf-8"
        )
        saved = dict(SCREENSHOTS)
        SCREENSHOTS.clear()
        SCREENSHOTS["home"] = "index.html"
        try:
            results, ok = check_site(site, Path(tmp) / "artefacts", chromium, quiet=True)
        finally:
            SCREENSHOTS.clear()
            SCREENSHOTS.update(saved)
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
