"""`start=` on video shortcodes and transcript timestamps that play the video (issue 15, item 8)."""

from __future__ import annotations

import pytest
from shortcode_snippets import run, soup

from mkdocs_numeco.core.shortcodes.handlers.video import TIMES

SEED_LIKE = """\
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

(1:02:03) Un paragraphe en Markdown
sur deux lignes.

01:30 - Un autre.
{% endtranscription %}
"""


@pytest.mark.parametrize(
    ("shortcode", "embed", "watch"),
    [
        (
            '{% dailymotion "x9h51js", start="1:23" %}',
            "https://www.dailymotion.com/embed/video/x9h51js?startTime=83",
            "https://www.dailymotion.com/video/x9h51js?start=83",
        ),
        (
            '{% youtube "dQw4w9WgXcQ", "Talk", start=83 %}',
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=83",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=83s",
        ),
        (
            '{% vimeo "76979871" start="0:01:23" %}',
            "https://player.vimeo.com/video/76979871?dnt=1#t=83s",
            "https://vimeo.com/76979871#t=83s",
        ),
    ],
)
def test_start_goes_into_the_player_url_and_the_link_without_javascript(shortcode: str, embed: str, watch: str) -> None:
    result = run(shortcode)
    box = soup(result.markdown).select_one("div.numeco-video")
    assert box["data-embed-url"] == embed
    assert box.select_one("noscript").decode_contents().count(watch.replace("&", "&amp;")) == 1
    assert result.problems == []


def test_the_title_is_still_the_second_positional_argument() -> None:
    box = soup(run('{% youtube "dQw4w9WgXcQ", "Talk", start=5 %}').markdown).select_one("div.numeco-video")
    assert box["data-title"] == "Video: Talk"


def test_iframe_mode_starts_the_player_there() -> None:
    result = run('{% youtube "dQw4w9WgXcQ" start="1:23" %}', embed="iframe")
    assert (
        soup(result.markdown).select_one("iframe")["src"]
        == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=83"
    )


@pytest.mark.parametrize("bad", ['"1:75"', '"soon"', "-3", '"1:2"'])
def test_a_bad_start_is_warned_and_ignored(bad: str) -> None:
    result = run(f'Intro\n\n{{% youtube "dQw4w9WgXcQ" start={bad} %}}')
    box = soup(result.markdown).select_one("div.numeco-video")
    assert box["data-embed-url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert [(p.line, p.message.split(" is not a time")[0]) for p in result.problems] == [
        (3, f"start={bad.strip(chr(34))!r}")
    ]


def test_a_start_past_the_duration_is_warned_and_ignored() -> None:
    result = run('{% youtube "dQw4w9WgXcQ" start="5:00" duration="4:00" %}')
    assert "start=" not in soup(result.markdown).select_one("div.numeco-video")["data-embed-url"]
    assert [p.message.split(":")[0] for p in result.problems] == ["start 5"]
    assert "past the end of the video (4:00)" in result.problems[0].message


def test_an_unknown_keyword_is_warned() -> None:
    result = run('{% youtube "dQw4w9WgXcQ" strat="1:23" %}')
    assert [("not strat=" in p.message, p.line) for p in result.problems] == [(True, 1)]
    assert TIMES == ("start", "duration")


def test_a_video_in_a_list_links_to_the_provider_at_its_start() -> None:
    result = run('- {% youtube "dQw4w9WgXcQ" start="1:23" %}')
    assert soup(result.markdown).select_one("a")["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=83s"


def seeks(markdown: str) -> list[tuple[str, str, str, str, str]]:
    return [
        (a.get_text(), a["href"], a["data-video"], a["data-embed-url"], a["data-label"])
        for a in soup(markdown).select("a.numeco-seek")
    ]


def test_timestamps_in_html_and_markdown_paragraphs_play_the_transcripts_video() -> None:
    result = run(SEED_LIKE)
    dm, embed = "https://www.dailymotion.com/video/x9h51js", "https://www.dailymotion.com/embed/video/x9h51js"
    assert seeks(result.markdown) == [
        ("00:05", f"{dm}?start=5", "numeco-video-1", f"{embed}?startTime=5", "Play the video at 00:05"),
        ("01:23", f"{dm}?start=83", "numeco-video-1", f"{embed}?startTime=83", "Play the video at 01:23"),
        ("1:02:03", f"{dm}?start=3723", "numeco-video-1", f"{embed}?startTime=3723", "Play the video at 1:02:03"),
        ("01:30", f"{dm}?start=90", "numeco-video-1", f"{embed}?startTime=90", "Play the video at 01:30"),
    ]
    link = soup(result.markdown).select_one("a.numeco-seek")
    assert link["aria-label"] == "Watch the video on Dailymotion at 00:05"
    assert result.problems == []


def test_the_timestamp_text_is_kept() -> None:
    text = soup(run(SEED_LIKE).markdown).get_text()
    for written in ("[00:05] L'écoresponsabilité", "01:23 — Panneau", "(1:02:03) Un paragraphe", "01:30 - Un autre"):
        assert written in text


def test_each_transcript_plays_the_video_of_its_rank() -> None:
    text = (
        '{% youtube "dQw4w9WgXcQ" %}\n\n{% transcription %}\n[00:01] a\n{% endtranscription %}\n\n'
        '{% vimeo "76979871" %}\n\n{% transcription %}\n[00:02] b\n{% endtranscription %}\n'
    )
    assert [(s[2], s[3]) for s in seeks(run(text).markdown)] == [
        ("numeco-video-1", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=1"),
        ("numeco-video-2", "https://player.vimeo.com/video/76979871?dnt=1#t=2s"),
    ]


def test_a_transcript_without_a_video_keeps_its_timestamps_as_text() -> None:
    result = run("{% transcription %}\n[00:01] a\n{% endtranscription %}\n")
    assert seeks(result.markdown) == [] and "[00:01] a" in result.markdown


def test_timestamps_outside_transcripts_are_text() -> None:
    result = run('{% youtube "dQw4w9WgXcQ" %}\n\n[00:01] not a transcript\n')
    assert seeks(result.markdown) == []


def test_a_timestamp_past_the_known_duration_is_left_alone() -> None:
    text = '{% youtube "dQw4w9WgXcQ" %}\n\n{% transcription %}\n[03:59] a\n\n[04:01] b\n{% endtranscription %}\n'
    by_shortcode = run(text.replace('" %}', '" duration="4:00" %}', 1))
    by_front_matter = run(text, variables={"duration": 240})
    for result in (by_shortcode, by_front_matter):
        assert [s[0] for s in seeks(result.markdown)] == ["03:59"]
        assert "[04:01] b" in result.markdown
    assert [s[0] for s in seeks(run(text).markdown)] == ["03:59", "04:01"]  # unknown duration: nothing to check


def test_converting_the_output_again_changes_nothing() -> None:
    once = run(SEED_LIKE).markdown
    assert run(once).markdown == once
