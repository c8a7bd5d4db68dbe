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


class NumecoConfig(base.Config):
    embed = c.Choice(("facade", "iframe"), default="facade")
    """`facade`: click-to-load, nothing requested from the provider before a click.
    `iframe`: the provider's player directly, lazily loaded."""

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

    tags = c.SubConfig(TagsConfig)
    series = c.SubConfig(SeriesConfig)
    listing = c.SubConfig(ListingConfig)
