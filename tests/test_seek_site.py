"""Transcripts that drive the player (issue 15, item 8) through a real build, asserted on parsed HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import Built, build_site, post, write_site

BODY = """\
{% dailymotion "x9h51js" %}

{% transcription "Jérémie Vallet" %}
<p>
  Jérémie Vallet<br>
  Directeur Adjoint
</p>

<p>[00:05] L'écoresponsabilité à la DINUM est portée depuis de nombreuses années.</p>

<p>
  01:23 — Panneau : 2025, première semaine NumEco
</p>

(1:02:03) Un paragraphe en **Markdown**.

[1:10:00] Après la fin de la vidéo.
{% endtranscription %}

{% youtube "dQw4w9WgXcQ", "Extrait", start="1:23" %}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pages = {
        "index.md": "# Accueil\n",
        "posts/a.md": post("Épisode", "2025-01-05", BODY, duration="1:05:00"),
        "posts/bad.md": post("Mauvais", "2025-01-06", 'Texte.\n\n{% vimeo "76979871" start="bientôt" %}'),
    }
    return build_site(write_site(tmp_path_factory.mktemp("seek"), pages), strict=False)


def test_timestamps_become_links_to_the_video_at_that_time(site: Built) -> None:
    body = site.content("posts/a/").select_one(".numeco-transcript__body")
    links = [(a.get_text(), a["href"], a["data-video"], a["data-embed-url"]) for a in body.select("a.numeco-seek")]
    video, embed = "https://www.dailymotion.com/video/x9h51js", "https://www.dailymotion.com/embed/video/x9h51js"
    assert links == [
        ("00:05", f"{video}?start=5", "numeco-video-1", f"{embed}?startTime=5"),
        ("01:23", f"{video}?start=83", "numeco-video-1", f"{embed}?startTime=83"),
        ("1:02:03", f"{video}?start=3723", "numeco-video-1", f"{embed}?startTime=3723"),
    ]
    assert site.content("posts/a/").select_one("#numeco-video-1")["data-provider"] == "dailymotion"
    # In paragraphs, whether written in HTML or in Markdown; the text is all there.
    assert [a.parent.name for a in body.select("a.numeco-seek")] == ["p", "p", "p"]
    text = " ".join(body.get_text().split())
    for written in ("[00:05] L'écoresponsabilité", "01:23 — Panneau", "(1:02:03) Un paragraphe en Markdown"):
        assert written in text
    # Past the front matter's duration (1:05:00): left as text.
    assert "[1:10:00] Après la fin" in text


def test_a_shortcode_start_reaches_the_facade_and_its_fallback_link(site: Built) -> None:
    box = site.content("posts/a/").select_one("#numeco-video-2")
    assert box["data-embed-url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=83"
    fallback = box.select_one("noscript").decode_contents()
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=83s"' in fallback


def test_a_bad_start_is_one_warning_at_its_line_and_the_video_kept(site: Built) -> None:
    [message] = [m for m in site.messages() if "is not a time" in m]
    assert "posts/bad.md:9: start='bientôt' is not a time" in message
    box = site.content("posts/bad/").select_one(".numeco-video")
    assert box["data-embed-url"] == "https://player.vimeo.com/video/76979871?dnt=1"


def test_strict_build_fails_on_a_bad_start(tmp_path: Path) -> None:
    pages = {
        "index.md": "# A\n",
        "posts/bad.md": post("Mauvais", "2025-01-06", '{% youtube "dQw4w9WgXcQ" start="x" %}'),
    }
    with pytest.raises(SystemExit):
        build_site(write_site(tmp_path, pages), strict=True)
