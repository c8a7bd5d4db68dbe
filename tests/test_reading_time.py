"""Reading time on posts and cards (issue 15 item 6), through real builds; counting itself: tests/core/test_reading.py."""

from __future__ import annotations

import io
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuild import build_site, post, write_site

from mkdocs_numeco.generate import generate

NBSP = "\u00a0"
WORDS = " ".join(f"mot{n}" for n in range(450))  # 450 words: 3 minutes at 200 a minute
TRANSCRIPT = " ".join(f"dit{n}" for n in range(2300))  # 2,300 words: 12 minutes
BODY = f"""
{WORDS}

{{% dailymotion "x9h51js" %}}

{{% transcription "Jérémie Vallet" %}}
<p>{TRANSCRIPT}</p>
{{% endtranscription %}}
"""
PAGES = {
    "index.md": "# Accueil\n",
    "posts/video.md": post("Vidéo longue", "2025-01-02", BODY, tags=["Climat"], duration="12:34"),
    "posts/court.md": post("Court", "2025-01-01", "Trois petits mots.", tags=["Climat"]),
    "posts/muet.md": post("Muet", "2024-12-31", '{% dailymotion "x9h51js" %}', tags=["Climat"], duration="PT45S"),
}


def _reading(soup) -> dict[str, str]:
    """The parts of a reading-time paragraph, by kind."""
    return {span["class"][0].split("__")[1]: span.get_text() for span in soup.select(".numeco-reading span")}


def test_the_post_header_says_reading_video_and_transcript_times(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES), strict=True)
    header = built.content("posts/video/")
    assert _reading(header) == {
        "text": f"Lecture{NBSP}: 3{NBSP}min",
        "video": f"Vidéo{NBSP}: 13{NBSP}min",
        "transcript": f"Transcription{NBSP}: 12{NBSP}min de lecture",
    }
    # In the header, after the date and before the post's text.
    date = header.select_one(".numeco-post-date")
    assert date.find_next_sibling("p")["class"] == ["numeco-reading"]
    # A short text still takes a minute; a post without text says only its video's length.
    assert _reading(built.content("posts/court/")) == {"text": f"Lecture{NBSP}: 1{NBSP}min"}
    assert _reading(built.content("posts/muet/")) == {"video": f"Vidéo{NBSP}: 1{NBSP}min"}


def test_cards_show_the_reading_time_but_not_the_transcripts(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    for url in ("posts/", "tags/climat/"):
        cards = built.content(url).select(".numeco-item")
        shown = {card.select_one(".numeco-item__title").get_text(): _reading(card) for card in cards}
        assert shown == {
            "Vidéo longue": {"text": f"Lecture{NBSP}: 3{NBSP}min", "video": f"Vidéo{NBSP}: 13{NBSP}min"},
            "Court": {"text": f"Lecture{NBSP}: 1{NBSP}min"},
            "Muet": {"video": f"Vidéo{NBSP}: 1{NBSP}min"},
        }, url


def test_english_labels_and_the_words_per_minute_option(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        PAGES,
        {"reading_time": {"words_per_minute": 100}},
        theme={"name": "material", "language": "en", "font": False},
    )
    built = build_site(config)
    assert _reading(built.content("posts/video/")) == {
        "text": f"5{NBSP}min read",
        "video": f"Video: 13{NBSP}min",
        "transcript": f"Transcript: 23{NBSP}min read",
    }


def test_the_option_off_removes_it_everywhere(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES, {"reading_time": {"enabled": False}}))
    for url in ("posts/video/", "posts/", "tags/climat/"):
        assert built.content(url).select(".numeco-reading") == [], url


def test_a_duration_that_is_not_one_is_warned_at_its_line(tmp_path: Path) -> None:
    pages = {**PAGES, "posts/mal.md": post("Mal", "2025-01-03", "Un mot.", duration="douze minutes")}
    built = build_site(write_site(tmp_path, pages))
    assert any(
        message.startswith("mkdocs_numeco: posts/mal.md:5: duration 'douze minutes' is not a length of video")
        for message in built.messages()
    ), built.messages()
    assert _reading(built.content("posts/mal/")) == {"text": f"Lecture{NBSP}: 1{NBSP}min"}


def test_a_label_override_with_plural_forms(tmp_path: Path) -> None:
    labels = {"reading_time": {"one": "{count} minute de lecture", "other": "{count} minutes de lecture"}}
    built = build_site(write_site(tmp_path, PAGES, {"labels": labels}))
    assert _reading(built.content("posts/court/")) == {"text": "1 minute de lecture"}
    assert _reading(built.content("posts/video/"))["text"] == "3 minutes de lecture"


def test_generate_puts_it_on_the_cards_for_zensical(tmp_path: Path) -> None:
    for name, text in PAGES.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Démo\ntheme: {name: material, language: fr}\n", encoding="utf-8")
    generate(config, "", io.StringIO(), io.StringIO())
    listing = BeautifulSoup((tmp_path / "docs/posts/index.md").read_text(encoding="utf-8"), "lxml")
    assert [_reading(card).get("text") for card in listing.select(".numeco-item")] == [
        f"Lecture{NBSP}: 3{NBSP}min",
        f"Lecture{NBSP}: 1{NBSP}min",
        None,
    ]
