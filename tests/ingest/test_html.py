"""ingest/html.py on a realistic page: main text kept, page chrome dropped, metadata read."""

from __future__ import annotations

from datetime import date

import pytest

from armsledger.ingest.html import extract_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Seoul says Pyongyang shipped shells to Moscow | Example Herald</title>
  <meta property="og:site_name" content="Example Herald">
  <meta property="og:title" content="Seoul says Pyongyang shipped shells to Moscow">
  <meta property="og:url" content="https://herald.example.org/world/2024/03/05/shells">
  <meta property="article:published_time" content="2024-03-05T08:30:00+09:00">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = [{"page": "article"}];</script>
</head>
<body>
  <header>
    <a class="logo" href="/">Example Herald</a>
    <nav><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
      <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
    </ul></nav>
    <div class="cookie-banner">We use cookies to improve your experience.
      <button>Accept all cookies</button></div>
  </header>
  <div class="ad-slot"><span>Advertisement</span><a href="https://ads.example">Cheap flights
    to Lisbon from 29 euros</a></div>
  <main>
    <article>
      <h1>Seoul says Pyongyang shipped shells to Moscow</h1>
      <p class="byline">By Jane Example, Seoul correspondent</p>
      <p>South Korea's defence ministry said on Tuesday that North Korea had shipped thousands
      of containers of munitions to Russia since last autumn, in exchange for food and raw
      materials.</p>
      <p>The ministry estimated that the containers could hold more than a million artillery
      shells, although it did not say how it reached that figure.</p>
      <figure><img src="/img/port.jpg" alt="A port">
        <figcaption>Containers at the port of Rajin. Photo: Example/Agency</figcaption></figure>
      <p>Officials in Moscow and Pyongyang have denied that any weapons changed hands, calling
      the reports fabrications intended to isolate both governments.</p>
      <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
    </article>
  </main>
  <aside class="most-read">
    <h3>Most read</h3>
    <ul>
      <li><a href="/a">Celebrity wedding photos stun fans</a></li>
      <li><a href="/b">The ten best beaches of the summer</a></li>
    </ul>
  </aside>
  <footer>
    <p>Copyright 2024 Example Herald Media Group. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a>
  </footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def page_text() -> str:
    extracted = extract_html(PAGE)
    assert extracted is not None
    return extracted.text


@pytest.mark.parametrize(
    "passage",
    [
        "North Korea had shipped thousands of containers of munitions to Russia",
        "could hold more than a million artillery shells",
        "calling the reports fabrications intended to isolate both governments",
    ],
)
def test_extract_html_keeps_the_article(page_text: str, passage: str) -> None:
    assert passage in " ".join(page_text.split())


@pytest.mark.parametrize(
    "chrome",
    [
        "Business",
        "Accept all cookies",
        "Cheap flights",
        "Celebrity wedding photos",
        "ten best beaches",
        "All rights reserved",
        "Privacy policy",
        "dataLayer",
    ],
)
def test_extract_html_drops_page_chrome(page_text: str, chrome: str) -> None:
    assert chrome not in page_text


def test_extract_html_reads_page_metadata() -> None:
    extracted = extract_html(PAGE)
    assert extracted is not None
    meta = extracted.meta
    assert meta.title == "Seoul says Pyongyang shipped shells to Moscow"
    assert meta.outlet == "Example Herald"
    assert meta.url == "https://herald.example.org/world/2024/03/05/shells"
    # The date as the page writes it, before any shift to UTC (which would give March 4).
    assert meta.published == date(2024, 3, 5)


def test_extract_html_given_url_wins_over_the_page() -> None:
    extracted = extract_html(PAGE, url="https://mirror.example/shells")
    assert extracted is not None
    assert extracted.meta.url == "https://mirror.example/shells"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n",
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
        "<html><head><title>Nothing here</title></head><body></body></html>",
    ],
    ids=["empty", "blank", "menu-only", "no-body"],
)
def test_extract_html_finds_no_main_text(html: str) -> None:
    assert extract_html(html) is None
