"""Page metadata: JSON-LD, OpenGraph, citation and Dublin Core tags, microdata and `<time>` win over guesses."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factledger.reading import read_bytes
from factledger.reading.bylines import person_names
from factledger.reading.page_metadata import read_page_metadata

REPO = Path(__file__).resolve().parents[2]
BODY = (
    "<p>"
    + "The port handled 4.1 million containers last year, up 6 percent on the year before. " * 6
    + "</p>"
)


def page(head: str, body: str = "", *, title: str = "Untitled page") -> bytes:
    """A small article page: `head` markup, then an article whose text trafilatura accepts."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article>{body}{BODY}{BODY}</article></body></html>"
    ).encode()


def test_json_ld_news_article_in_a_graph_with_id_references() -> None:
    """A WordPress-style `@graph` gives headline, both Person authors (via `@id`), date and publisher."""
    head = """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","@id":"https://news.example/p#page","name":"Port page | Harbour Times"},
      {"@type":"NewsArticle","headline":"Port traffic hits a record","datePublished":"2024-05-02T08:30:00+10:00",
       "author":[{"@id":"https://news.example/#/person/1"},{"@type":"Person","name":"Tom Reyes"}],
       "publisher":{"@id":"https://news.example/#org"}},
      {"@type":"Person","@id":"https://news.example/#/person/1","name":"Elena Marsh"},
      {"@type":"NewsMediaOrganization","@id":"https://news.example/#org","name":"Harbour Times"}]}</script>"""
    document = read_bytes(page(head, title="Port traffic | Harbour Times"), file_name="p.html")
    assert document.title == "Port traffic hits a record"
    assert document.authors == ("Elena Marsh", "Tom Reyes")
    assert document.published == "2024-05-02"
    assert document.outlet == "Harbour Times"


def test_broken_json_ld_is_repaired_or_skipped() -> None:
    """CDATA wrapping and a trailing comma are tolerated; an unparseable block next to it changes nothing."""
    head = """<script type="application/ld+json">//<![CDATA[
      {"@type":["ReportageNewsArticle"],"headline":"Floods close the coast road",
       "author":{"@type":"Person","name":"Ana Lee"},"datePublished":"2023-11-19",}
    //]]></script><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>"""
    head = head.replace("//<![CDATA[", "<![CDATA[").replace("//]]>", "]]>")
    metadata = read_page_metadata(page(head).decode())
    assert metadata.title == "Floods close the coast road"
    assert metadata.authors == ("Ana Lee",)
    assert metadata.published == "2023-11-19"


def test_json_ld_organisation_author_is_not_a_person() -> None:
    """An `Organization` author (a wire service) gives no person; a byline guess does not replace it."""
    head = """<script type="application/ld+json">{"@type":"Article","headline":"Rates held at 4 percent",
      "author":{"@type":"Organization","name":"Metro Wire"}}</script>"""
    document = read_bytes(page(head, '<p class="byline">By Metro Wire Staff</p>'), file_name="r.html")
    assert document.title == "Rates held at 4 percent"
    assert document.authors == ()


def test_opengraph_and_article_meta_with_the_outlet_suffix_dropped() -> None:
    """`og:title` loses its ` - Outlet` suffix; `article:author` and `article:published_time` are read."""
    head = """<meta property="og:title" content="Mayor unveils $2bn transit plan - The Daily Ledger">
      <meta property="og:site_name" content="The Daily Ledger">
      <meta property="article:author" content="https://ledger.example/staff/jo-king">
      <meta property="article:author" content="Jo King">
      <meta property="article:published_time" content="2022-02-14T23:10:00-05:00">"""
    document = read_bytes(page(head), file_name="m.html")
    assert document.title == "Mayor unveils $2bn transit plan"
    assert document.authors == ("Jo King",)
    assert document.published == "2022-02-14"
    assert document.outlet == "The Daily Ledger"


def test_citation_tags_of_a_scholarly_page() -> None:
    """`citation_title`, one `citation_author` per person written "Surname, Given", `citation_publication_date`."""
    head = """<meta name="citation_title" content="Harbour dredging and fish stocks">
      <meta name="citation_author" content="Okafor, Ngozi">
      <meta name="citation_author" content="van Dijk, Pieter">
      <meta name="citation_publication_date" content="2021-06-30">
      <meta name="citation_journal_title" content="Journal of Coastal Studies">"""
    document = read_bytes(page(head, title="JCS - Article 17"), file_name="c.html")
    assert document.title == "Harbour dredging and fish stocks"
    assert document.authors == ("Ngozi Okafor", "Pieter van Dijk")
    assert document.published == "2021-06-30"


def test_dublin_core_tags_of_a_government_page() -> None:
    """`DC.title`, `dc.creator` and `DC.date` give title, author and date where nothing else does."""
    head = """<meta name="DC.title" content="Annual report on water quality">
      <meta name="dc.creator" content="Maria Gonzalez">
      <meta name="DC.date" content="2020-03-01">"""
    document = read_bytes(page(head, title="Report"), file_name="d.html")
    assert document.title == "Annual report on water quality"
    assert document.authors == ("Maria Gonzalez",)
    assert document.published == "2020-03-01"


def test_microdata_author_and_time_element() -> None:
    """A schema.org `itemprop=author` with a "(with ...)" credit and an `itemprop=datePublished` `<time>`."""
    body = """<h1>Un projet de loi approuvé</h1><p>Par <span itemprop="author">Claire Martin
      (avec Paul Durand et Lea Petit)</span> <time itemprop="datePublished" datetime="2015-05-04T13:36:31+02:00">
      04.05.2015</time></p>"""
    metadata = read_page_metadata(page("", body).decode())
    assert metadata.authors == ("Claire Martin", "Paul Durand", "Lea Petit")
    assert metadata.published == "2015-05-04"


def test_meta_author_byline_is_split_and_cleaned() -> None:
    """`<meta name=author>` "By A and B" gives two people, an all-capitals name shown in title case."""
    head = '<meta name="author" content="By JANE ROE and John Smith">'
    assert read_page_metadata(page(head).decode()).authors == ("Jane Roe", "John Smith")


def test_a_page_byline_element_fills_in_when_nothing_names_an_author() -> None:
    """Without structured authors, a visible `byline` element's "By ..." is read; a "Username" menu is not."""
    body = '<div class="username">Username</div><span class="pb-byline">By Erin Walsh</span><h1>Attack</h1>'
    document = read_bytes(page("", body), file_name="b.html")
    assert document.authors == ("Erin Walsh",)


def test_staff_and_outlet_bylines_name_no_person() -> None:
    """A desk ("Our Foreign Staff") or the outlet as author gives no person, with two page styles."""
    staff = (
        '<h1>Coup talks</h1><li class="byline__author" itemprop="author" itemscope>'
        '<span itemprop="name">Our Foreign Staff</span></li>'
        '<aside><h3>Related</h3><p class="byline">By Ruth Amadi</p></aside>'
    )
    assert read_bytes(page("", staff), file_name="s.html").authors == ()
    outlet = '<meta property="og:site_name" content="BBC News"><meta name="author" content="BBC News">'
    document = read_bytes(page(outlet), file_name="o.html")
    assert document.authors == () and document.outlet == "BBC News"


def test_trafilatura_fills_what_the_markup_leaves_empty() -> None:
    """With only `og:site_name` in the markup, the title is the page's headline as trafilatura finds it."""
    head = '<meta property="og:site_name" content="Valley News">'
    body = "<h1>Dam repairs to cost $40 million</h1>"
    document = read_bytes(page(head, body, title="Dam repairs | Valley News"), file_name="t.html")
    assert document.outlet == "Valley News"
    assert document.title == "Dam repairs to cost $40 million"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Daniel Roe, Senior Staff Technologist, Speech Project", ("Daniel Roe",)),
        ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", ("Dan Goodin",)),
        ("Richard (R.J.) Eskow", ("Richard (R.J.) Eskow",)),
        ("By Ana Sandoiu", ("Ana Sandoiu",)),
        ("Alice Smith, Bob Jones and Carol White", ("Alice Smith", "Bob Jones", "Carol White")),
        ("Associated Press", ()),
        ("admin", ()),
    ],
)
def test_byline_strings_become_person_names(byline: str, names: tuple[str, ...]) -> None:
    """Byline strings of several styles give exactly the people they credit."""
    assert person_names(byline) == names


@pytest.mark.corpus
def test_readability_pages_reach_the_metadata_floor(corpus: Path) -> None:
    """On the 22 readability news pages titles, authors and dates reach the measured floor (see the benchmark)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from reading_metadata import factledger, score

    raw = score(factledger, corpus, checked=False)
    checked = score(factledger, corpus, checked=True)
    assert (raw.titles, raw.authors) >= (21, 17), raw.misses
    assert checked.titles == checked.title_pages == 22, checked.misses
    assert checked.authors >= 20 and checked.author_pages == 20, checked.misses
    assert checked.dates == checked.date_pages, checked.misses
    assert checked.false_authors == 0, checked.misses


def test_a_json_ld_headline_cut_with_an_ellipsis_gives_way_to_the_full_title() -> None:
    """A headline capped with "…" in JSON-LD is completed from `og:title`, whose suffix the outlet loses."""
    head = """<meta property="og:site_name" content="The Northern Post">
      <meta property="og:title" content="Ferry operator orders four electric ships for the Baltic routes | Northern Post">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry operator orders four electric ships for…"}</script>"""
    assert (
        read_page_metadata(page(head).decode()).title
        == "Ferry operator orders four electric ships for the Baltic routes"
    )


def test_a_date_meta_in_another_spelling_and_a_name_in_a_caseless_script() -> None:
    """A non-ISO `article:published_time` still dates the page; a Chinese author name is kept as a person."""
    head = """<meta property="article:published_time" content="Fri Mar 13 21:30:09 EST 2015">
      <meta name="author" content="王小明">"""
    metadata = read_page_metadata(page(head).decode())
    assert metadata.published == "2015-03-13"
    assert metadata.authors == ("王小明",)


def test_the_byline_under_the_headline_wins_over_a_teaser_byline_above_it() -> None:
    """A related story's byline earlier in the page loses to the one after the article's `<h1>`."""
    body = """<aside><p class="teaser-byline">By Mark Bryne</p></aside><h1>Bridge closes for repairs</h1>
      <div class="article-byline">By Sofia Alvarez and Ken Ito, Transport Desk</div>"""
    assert read_page_metadata(page("", body).decode()).shown_bylines == ("Sofia Alvarez", "Ken Ito")


def test_the_json_ld_node_of_the_page_itself_wins_over_related_stories() -> None:
    """Among several article nodes, the one whose URL is the page's canonical address gives the metadata."""
    head = """<link rel="canonical" href="https://www.citydesk.example/2024/06/bridge-tolls/">
      <script type="application/ld+json">[
        {"@type":"NewsArticle","headline":"Tunnel reopens","url":"https://citydesk.example/2024/06/tunnel/",
         "author":{"@type":"Person","name":"Lee Park"},"datePublished":"2024-06-01"},
        {"@type":"NewsArticle","headline":"Bridge tolls rise to $9","url":"http://citydesk.example/2024/06/bridge-tolls",
         "author":{"@type":"Person","name":"Ruth Okoye"},"datePublished":"2024-06-03"}]</script>"""
    metadata = read_page_metadata(page(head).decode())
    assert (metadata.title, metadata.authors, metadata.published) == (
        "Bridge tolls rise to $9",
        ("Ruth Okoye",),
        "2024-06-03",
    )


def test_an_outlet_prefix_on_og_title_and_an_author_meta_with_the_outlet_appended() -> None:
    """A second OpenGraph style: "Outlet | Headline" loses the outlet, "Jane Roe | Outlet" names only Jane Roe."""
    head = """<meta property="og:site_name" content="Valley Courier">
      <meta property="og:title" content="Valley Courier | Water rates to rise 7% in July">
      <meta name="author" content="Jane Roe | Valley Courier">"""
    metadata = read_page_metadata(page(head).decode())
    assert metadata.title == "Water rates to rise 7% in July"
    assert metadata.authors == ("Jane Roe",)


def test_dcterms_tags_and_a_pubdate_time_element() -> None:
    """A second Dublin Core style (`DCTERMS.*`, inverted creator) and a `<time pubdate>` without other dates."""
    head = """<meta name="DCTERMS.title" content="Grid upgrade plan for 2030">
      <meta name="DCTERMS.creator" content="Nakamura, Yui">"""
    body = '<p>Posted <time pubdate datetime="2019-08-21T10:00:00+09:00">21 August</time></p>'
    metadata = read_page_metadata(page(head, body).decode())
    assert (metadata.title, metadata.authors, metadata.published) == (
        "Grid upgrade plan for 2030",
        ("Yui Nakamura",),
        "2019-08-21",
    )


def test_organisation_names_are_not_people_even_without_a_site_name() -> None:
    """An author tag naming a newspaper or an agency, on a page that does not state its outlet, names no one."""
    for name in ("Chicago Tribune", "Ministry of Health", "Acme Media Group Inc"):
        head = f'<meta name="author" content="{name}">'
        assert read_page_metadata(page(head).decode()).authors == (), name


def test_the_outlet_in_a_generic_author_tag_does_not_hide_the_visible_byline() -> None:
    """`<meta name=author content="Outlet">` on every page still lets the article's "By ..." byline name its writer."""
    head = '<meta property="og:site_name" content="ABC News"><meta name="author" content="ABC News">'
    body = '<h1>Clinton speaks in New York</h1><div class="article-meta"><span class="author">By David Caplan</span></div>'
    document = read_bytes(page(head, body), file_name="abc.html")
    assert document.authors == ("David Caplan",)
    assert document.outlet == "ABC News"
