"""`{% youtube %}`, `{% dailymotion %}`, `{% vimeo %}`: handlers/video.py."""

from __future__ import annotations

from shortcode_snippets import listed, run, soup


def test_a_valid_id_becomes_the_facade_titled_by_the_second_argument() -> None:
    result = run('{% youtube "dQw4w9WgXcQ" "Talk" %}')
    player = soup(result.markdown).select_one("div.numeco-video")
    assert player["data-video-id"] == "dQw4w9WgXcQ" and player["id"] == "numeco-video-1"
    assert player.select_one(".numeco-video__label").get_text() == "Play the video: Talk"
    assert listed(result) == [("shortcode", "youtube", "converted")]
    assert result.problems == []


def test_iframe_mode_writes_the_player_itself() -> None:
    result = run('{% vimeo "76979871" %}', embed="iframe")
    assert soup(result.markdown).select_one("iframe")["src"].startswith("https://player.vimeo.com/video/76979871")


def test_an_invalid_id_is_left_out_as_a_comment_with_a_warning() -> None:
    result = run('{% youtube "trop-court" %}')
    assert result.markdown == '<!-- &#123;% youtube "trop-court" %&#125; -->'
    assert [p.message.split(":")[0] for p in result.problems] == ["invalid YouTube id 'trop-court'"]
    assert listed(result) == [("shortcode", "youtube", "unsupported")]


def test_an_unquoted_id_is_embedded_and_the_quotes_asked_for() -> None:
    result = run("{% dailymotion x9h51js %}")
    assert soup(result.markdown).select_one("div.numeco-video")["data-video-id"] == "x9h51js"
    assert ["add the quotes" in p.message for p in result.problems] == [True]


def test_each_player_links_to_the_transcript_of_its_rank() -> None:
    text = '{% youtube "dQw4w9WgXcQ" %}\n\n{% transcription %}\nA\n{% endtranscription %}'
    links = soup(run(text).markdown).select('a[href^="#numeco-transcript"]')
    assert [a["href"] for a in links] == ["#numeco-transcript-1"]


def test_players_of_one_title_get_distinct_accessible_names() -> None:
    """Two buttons named alike can't be told apart by a screen reader: the second one is numbered."""
    text = (
        '{% youtube "dQw4w9WgXcQ" "Talk" %}\n\n{% vimeo "76979871" "Talk" %}\n\n'
        '{% dailymotion "x9h51js" "Other" %}\n\n'
        '<iframe src="https://www.youtube.com/embed/aaaaaaaaaaa" title="Talk"></iframe>\n'
    )
    page = soup(run(text).markdown)
    labels = [button.get_text() for button in page.select("button.numeco-video__play .numeco-video__label")]
    assert labels == [
        "Play the video: Talk",
        "Play the video: Talk, video 2",
        "Play the video: Other",
        "Play the video: Talk, video 3",
    ]
    assert len(set(labels)) == len(labels)


def test_remember_consent_adds_a_hidden_labelled_checkbox_per_host() -> None:
    """Option remember_consent: a real checkbox inside a label, hidden until numeco.js shows it; off by default."""
    assert soup(run('{% youtube "dQw4w9WgXcQ" "Talk" %}').markdown).select(".numeco-video__remember, input") == []
    text = '{% youtube "dQw4w9WgXcQ" "Talk" %}\n\n<iframe src="https://shows.acast.com/x/episodes/y"></iframe>'
    labels = soup(run(text, remember_consent=True).markdown).select("div.numeco-video label.numeco-video__remember")
    assert [(label.has_attr("hidden"), label.get_text(strip=True)) for label in labels] == [
        (True, "Always load content from YouTube"),
        (True, "Always load content from shows.acast.com"),
    ]
    assert [label.select_one("input[type=checkbox]")["data-consent"] for label in labels] == [
        "www.youtube-nocookie.com",
        "shows.acast.com",
    ]
