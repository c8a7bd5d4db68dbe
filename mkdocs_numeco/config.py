"""The plugin's options, typed and documented.

```yaml
plugins:
  - search
  - numeco:
      embed: facade
      transcript: {open: false, type: abstract}
      tags: {dir: tags, per_page: 10}
      series: {dir: series}
      listing: {dir: posts, per_page: 10}
```
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class TranscriptConfig(base.Config):
    open = c.Type(bool, default=False)
    """Render transcripts expanded instead of collapsed."""

    type = c.Type(str, default="abstract")
    """Material admonition type that styles the transcript block (`note`, `quote`, `abstract`…)."""


class TagsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Generate the tag index and one listing per tag."""

    dir = c.Type(str, default="tags")
    """Folder of the tag pages: `tags/`, `tags/<slug>/`, `tags/<slug>/page/<n>/`."""

    per_page = c.Type(int, default=10)
    """Posts per tag listing page."""


class SeriesConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Generate series pages and the series box in each episode."""

    dir = c.Type(str, default="series")
    """Folder of the series pages: `series/` and `series/<slug>/`."""


class ListingConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Generate a paginated listing of every post, newest first."""

    dir = c.Type(str, default="posts")
    """Folder of the listing: `posts/`, then `posts/page/<n>/`."""

    per_page = c.Type(int, default=10)
    """Posts per listing page."""


class FeedsConfig(base.Config):
    """Atom and JSON feeds, built from the posts (they need `site_url`).

    ```yaml
    feeds: {enabled: true, site: true, series: true, tags: true, limit: 20}
    ```
    """

    enabled = c.Type(bool, default=True)
    """Write feeds and link them from every page's head."""

    site = c.Type(bool, default=True)
    """Site feeds: `feed.xml` (Atom 1.0) and `feed.json` (JSON Feed 1.1)."""

    series = c.Type(bool, default=True)
    """One Atom feed per series, `<series.dir>/<slug>/feed.xml`."""

    tags = c.Type(bool, default=True)
    """One Atom feed per tag, `<tags.dir>/<slug>/feed.xml`."""

    limit = c.Type(int, default=20)
    """Newest posts kept in each feed; `0` keeps every post."""


class SeoConfig(base.Config):
    """What search engines and social networks read in each page's head.

    ```yaml
    seo: {open_graph: true, structured_data: true, poster: images/poster.png}
    ```
    """

    open_graph = c.Type(bool, default=True)
    """Open Graph and Twitter Card meta (`og:title`, `og:image`, `article:tag`…)."""

    structured_data = c.Type(bool, default=True)
    """JSON-LD: `VideoObject` for each video of a post, `BlogPosting` for a post without video."""

    poster = c.Optional(c.Type(str))
    """Image (relative to `docs_dir`) for videos of posts without `image`; the plugin ships a plain one."""


class NumecoConfig(base.Config):
    embed = c.Choice(("facade", "iframe"), default="facade")
    """`facade`: click-to-load, nothing requested from the provider before a click.
    `iframe`: the provider's player directly, lazily loaded."""

    upgrade_iframes = c.Type(bool, default=True)
    """Turn raw `<iframe>` players written in posts (Dailymotion, YouTube, Vimeo, any PeerTube
    instance, Acast) into the same click-to-load facade as the shortcodes, keeping their title
    and size. Other iframes are left as written. Set to `false` to keep every iframe as written.

    ```yaml
    upgrade_iframes: true
    ```
    """

    language = c.Optional(c.Type(str))
    """Language of labels and dates (`fr`, `en`). Defaults to the theme's `language`."""

    labels = c.DictOfItems(c.Type(str), default={})
    """Overrides for interface labels, by key (see the README's label table)."""

    transcript = c.SubConfig(TranscriptConfig)
    """How transcripts look."""

    posts = c.ListOfItems(c.Type(str), default=[])
    """Glob patterns, relative to `docs_dir`, that narrow which dated pages are posts."""

    posts_in_nav = c.Type(bool, default=False)
    """Keep posts in the automatic sidebar navigation (they are left out by default)."""

    permalink = c.Optional(c.Type(str))
    """URL pattern for posts, to keep the addresses of an Eleventy site. `{slug}` is Eleventy's
    `fileSlug` (file name without extension nor leading date); `{year}`, `{month}`, `{day}` come
    from the post's date. A post's own front-matter `permalink` (a plain path) wins.

    ```yaml
    permalink: "actualites/{slug}/"
    ```
    """

    redirect_from = c.ListOfItems(c.Type(str), default=[])
    """Old URL patterns of posts (same fields as `permalink`): each post gets a small page there
    that redirects to where it is now. No page is written where a page of the site already is.

    ```yaml
    redirect_from: ["ressources/videos/{slug}/"]
    ```
    """

    tags = c.SubConfig(TagsConfig)
    series = c.SubConfig(SeriesConfig)
    listing = c.SubConfig(ListingConfig)
    feeds = c.SubConfig(FeedsConfig)
    seo = c.SubConfig(SeoConfig)
