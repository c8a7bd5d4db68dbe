"""What we add to a page's `<head>`: feed links, Open Graph / Twitter meta and JSON-LD.

Pure: the adapter resolves every URL first (page, picture, poster, feeds) and
says which options are on; this module only assembles, with `seo` and `urls`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from . import feeds, seo, urls
from .posts import Post

# Feed readers and browsers read `rel` as a set of tokens: `alternate` with a feed type is a feed
# (HTML's autodiscovery), and `feed` says so again. Material's script selects the exact value
# `link[rel=alternate]` (meant for language versions) and fetches a `sitemap.xml` next to each one:
# measured on the demo, a feed at the site root adds two fetches of the site's sitemap per page, a
# tag or series feed a 404, and absolute URLs send them to the production host. With two tokens the
# selector does not match, so no fetch is made.
FEED_REL = "alternate feed"


@dataclass(frozen=True)
class HeadSite:
    """What every page's head repeats about the site, and which parts are wanted."""

    site_name: str
    language: str
    open_graph: bool = True
    structured_data: bool = True
    social_plugin: bool = False  # Material's social plugin writes og:* and twitter:* itself


@dataclass(frozen=True)
class PostUrls:
    """A post's absolute URLs: its page, its own image (None without one), the poster for a video without image."""

    page: str
    image: str | None = None
    poster: str | None = None


def feed_links(planned: Iterable[feeds.Feed], channel: feeds.Channel, page_url: str) -> list[seo.FeedLink]:
    """The `<link rel="alternate">` of the feeds a page links: Atom, then JSON Feed when there is one.

    Each href is relative to the page (`page_url`, from the site root), so a preview or a mirror
    links its own copy; `rel` is `FEED_REL`.
    """
    links = []
    for feed in planned:
        title = feed.title(channel)
        links.append(seo.FeedLink(urls.relative_url(feed.path, page_url), feeds.ATOM, title, FEED_REL))
        if feed.json_path:
            links.append(seo.FeedLink(urls.relative_url(feed.json_path, page_url), feeds.JSON_FEED, title, FEED_REL))
    return links


def needs_poster(image: str | None, videos: Sequence[Any], site: HeadSite) -> bool:
    """Whether the head shows the poster: a post without its own image, with a player in its
    Open Graph meta, or with a video (not a podcast) in its structured data."""
    if image is not None:
        return False
    return bool(videos) and site.open_graph or site.structured_data and bool(_players(videos))


def _players(videos: Sequence[Any]) -> list[Any]:
    return [video for video in videos if video.provider.kind == "video"]  # a podcast player is no VideoObject


def _podcasts(videos: Sequence[Any]) -> list[Any]:
    return [video for video in videos if video.provider.kind == "audio"]  # Acast: see shortcodes/iframes.py


def post_head(
    post: Post,
    videos: Sequence[Any],
    found: PostUrls,
    site: HeadSite,
    links: Sequence[seo.FeedLink],
    html: str,
    episode: seo.Episode | None = None,
) -> str:
    """The head HTML of a post; `html` is the rendered page, where the transcripts are;
    `episode` says where the post stands in its series, if it is in one."""
    meta: list[tuple[str, str]] = []
    json_ld: list[dict[str, Any]] = []
    if site.open_graph:
        meta = _social(site, _post_meta(post, videos, found, site))
    if site.structured_data:
        json_ld = _structured_data(post, videos, found, site, html, episode)
    return seo.head_html(links, meta, json_ld)


def page_head(
    *,
    title: str,
    description: str,
    url: str,
    site: HeadSite,
    links: Sequence[seo.FeedLink],
    series: seo.SeriesParts | None = None,
) -> str:
    """The head HTML of a page that is not a post (home, listings, series, tags, plain pages).

    A series page gives its `series`: the page is then a `CreativeWorkSeries` listing its episodes.
    """
    meta: list[tuple[str, str]] = []
    if site.open_graph:
        locale = seo.og_locale(site.language)
        found = seo.page_meta(title=title, description=description, url=url, site_name=site.site_name, locale=locale)
        meta = _social(site, found)
    json_ld = []
    if site.structured_data and series is not None:
        json_ld.append(seo.creative_work_series(series, url=url, language=site.language))
    return seo.head_html(links, meta, json_ld)


def picture(post: Post, found: PostUrls) -> seo.Picture | None:
    """The post's image with its alternative text; else the poster, if one was resolved."""
    if found.image is not None:
        return seo.Picture(found.image, post.image_alt or post.title)
    return seo.Picture(found.poster, post.title) if found.poster is not None else None


def _social(site: HeadSite, meta: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return seo.without(meta, seo.SOCIAL_PLUGIN_TAGS) if site.social_plugin else meta


def _post_meta(post: Post, videos: Sequence[Any], found: PostUrls, site: HeadSite) -> list[tuple[str, str]]:
    return seo.post_meta(
        post,
        url=found.page,
        picture=picture(post, found),
        has_video=bool(videos),
        site_name=site.site_name,
        locale=seo.og_locale(site.language),
    )


def _structured_data(
    post: Post, videos: Sequence[Any], found: PostUrls, site: HeadSite, html: str, episode: seo.Episode | None
) -> list[dict[str, Any]]:
    """One `VideoObject` per video player; the post itself as a `BlogPosting`, a `PodcastEpisode`
    (with an Acast player) or an `Episode` too (in a series). A video post that is neither says
    all in its `VideoObject`s, as it always did."""
    players, podcasts = _players(videos), _podcasts(videos)
    objects = _video_objects(post, players, found, site, html)
    if players and not podcasts and episode is None:
        return objects
    data = seo.blog_posting(
        post,
        page_url=found.page,
        image=found.image,
        language=site.language,
        publisher=site.site_name,
        kind=_kind(podcasts, episode),
    )
    if podcasts:
        data["audio"] = [seo.audio_object(one.title or post.title, one.embed_url) for one in podcasts]
    if objects:
        data["video"] = [{"@id": one["@id"]} for one in objects]
    if episode is not None:
        data = seo.with_episode(data, episode)
    return [*objects, data]


def _kind(podcasts: Sequence[Any], episode: seo.Episode | None) -> str | list[str]:
    if podcasts:
        return "PodcastEpisode"
    # A post of a series is both; schema.org allows several types.
    return ["BlogPosting", "Episode"] if episode is not None else "BlogPosting"


def _video_objects(
    post: Post, players: Sequence[Any], found: PostUrls, site: HeadSite, html: str
) -> list[dict[str, Any]]:
    if not players:
        return []
    transcripts = seo.transcripts_by_video(html)
    shown = picture(post, found)
    thumbnail = shown.url if shown is not None else ""
    return [
        seo.video_object(
            post,
            name=video.title or post.title,
            embed_url=video.player_url,
            page_url=found.page,
            thumbnail=thumbnail,
            transcript=transcripts.get(video.dom_id, ""),
            language=site.language,
            dom_id=video.dom_id,
        )
        for video in players
    ]
