"""What one `mkdocs serve` process keeps from one build to the next.

MkDocs keeps the plugin instance for the whole process (it has `on_startup`), and
the plugin keeps one `ServeMemory` on it. Every build still makes its own
`SiteBuild`; the memory only lets it skip work whose input has not changed, and
tells `--dirty` which unchanged pages show something that did:

- parsed front matter, by page, with the hash of its source: a page whose text
  is the same is not parsed again (a copy is handed out: file dates fill it in),
  nor its words counted again for its reading time;
- converted Markdown, by page, with the hash of everything the conversion reads
  (the Markdown, the page's context, the site's options, labels and template
  overrides); a page with a `{% posts %}` list is never kept, it shows other posts;
- under `--dirty`, the posts as the last build knew them (`core.staleness`): the
  other episodes of an edited post's series, and pages with a `{% posts %}` list,
  are marked modified so MkDocs renders them again; the excerpts and feed HTML of
  posts it does not render again are carried over, so cards and feeds keep them.

How a page is marked modified: MkDocs renders a page under `--dirty` when
`File.is_modified()` says so, which it always does for a file whose content was
set in memory (`File.content_string`, the public setter, as for generated pages).
The page's own text is set back as its content, and its `abs_src_path` kept (the
setter forgets it): nothing is written on disk, and the output is the same.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import Files

from ..core import frontmatter, reading
from ..core.feeds import Html
from ..core.posts import Post
from ..core.render import OVERRIDES
from ..core.shortcodes import Context
from ..core.shortcodes.convert import Conversion
from ..core.shortcodes.handlers.posts import POSTS
from ..core.staleness import REACH, Snapshot, stale_pages

if TYPE_CHECKING:
    from .site import SiteBuild


def digest(*parts: str) -> str:
    """A hash of texts, for the cache keys."""
    sha = hashlib.sha1(usedforsecurity=False)
    for part in parts:
        sha.update(part.encode("utf-8", "surrogatepass"))
        sha.update(b"\0")
    return sha.hexdigest()


class ServeMemory:
    """Caches and the last build's posts, kept by the plugin across the builds of one process."""

    def __init__(self, serve: bool = False, dirty: bool = False) -> None:
        self.serve = serve  # `mkdocs serve`, told by `on_startup`: the only builds that keep anything
        self.dirty = serve and dirty  # `--dirty`
        self.fronts: dict[str, tuple[str, frontmatter.FrontMatter]] = {}  # src_uri -> (source hash, parsed)
        self.readings: dict[str, tuple[str, Any]] = {}  # src_uri -> (key, (reading time, its problems))
        self.conversions: dict[str, tuple[str, Conversion]] = {}  # src_uri -> (key, converted)
        self.listers: set[str] = set()  # pages whose last conversion had a `{% posts %}` list
        self.before: Snapshot | None = None
        self.excerpts: dict[str, tuple[str, str]] = {}
        self.feed_html: dict[str, Html] = {}

    # -- front matter -----------------------------------------------------------

    def front_matter(self, src_uri: str, source_hash: str, source: str) -> frontmatter.FrontMatter:
        """The page's parsed front matter: from the last build when its text is the same."""
        if not self.serve:
            return frontmatter.read(source)
        kept = self.fronts.get(src_uri)
        if kept is None or kept[0] != source_hash:
            kept = (source_hash, frontmatter.read(source))
            self.fronts[src_uri] = kept
        return copy.deepcopy(kept[1])

    def measure(
        self,
        post: Post,
        source: str,
        front: frontmatter.FrontMatter,
        options: Any,
        source_hash: str,
        scan_body: reading.BodyScan | None = None,
    ) -> None:
        """`reading.measure`, or its reading from the last build when the post's text is the same."""
        if not self.serve or not options.enabled:
            reading.measure(post, source, front, options, scan_body)
            return
        key = digest(source_hash, repr(options.words_per_minute))
        kept = self.readings.get(post.src_uri)
        if kept is None or kept[0] != key:
            body = reading.body_of(source, front)
            kept = (key, reading.reading_of(body, front, options.words_per_minute, scan_body))
            self.readings[post.src_uri] = kept
        post.reading, problems = kept[1]
        post.problems.extend(problems)

    # -- conversion -------------------------------------------------------------

    def convert(
        self, src_uri: str, markdown: str, ctx: Context, site_key: str, run: Callable[[str, Context], Conversion]
    ) -> Conversion:
        """`run(markdown, ctx)`, or its result from the last build when nothing it reads changed."""
        if not self.serve:
            return run(markdown, ctx)
        key = digest(site_key, markdown, repr(_pure(ctx)))
        kept = self.conversions.get(src_uri)
        if kept is not None and kept[0] == key:
            return kept[1]
        result = run(markdown, ctx)
        if any(construct.name == POSTS for construct in result.constructs):
            self.listers.add(src_uri)
            self.conversions.pop(src_uri, None)
        else:
            self.listers.discard(src_uri)
            self.conversions[src_uri] = (key, result)
        return result

    # -- --dirty ----------------------------------------------------------------

    def mark_stale(self, site: SiteBuild, files: Files) -> list[str]:
        """Under `--dirty`, make MkDocs render again the unchanged pages that show a changed post."""
        if not self.dirty:
            return []
        now = Snapshot.of(site.posts + site.unlisted, site.series, site.sources)
        before, self.before = self.before, now
        if before is None:
            return []
        marked = []
        reach = None if _overridden(site, "series_box.html") else REACH
        for src_uri in sorted(stale_pages(before, now, self.listers, reach)):
            file = files.get_file_from_path(src_uri)
            if file is None or file.abs_src_path is None:
                continue  # gone, or already in memory (always rendered)
            path = file.abs_src_path
            file.content_string = file.content_string
            file.abs_src_path = path
            marked.append(src_uri)
        site.excerpts.update(self.excerpts)
        site.feed_html.update(self.feed_html)
        return marked

    def keep_rendered(self, site: SiteBuild) -> None:
        """After a build: the excerpts and feed HTML of every post, for the next `--dirty` build."""
        if self.dirty:
            self.excerpts = dict(site.excerpts)
            self.feed_html = dict(site.feed_html)


def _pure(ctx: Context) -> Context:
    """The context without what is the same for every page of a build (in the site key) or not cached."""
    return dataclasses.replace(ctx, labels={}, renderer=None, post_lists=None, scanned=None)  # type: ignore[arg-type]


def _overridden(site: SiteBuild, template: str) -> bool:
    """Whether the theme's `custom_dir` overrides one of our templates (`core.render`)."""
    custom = site.renderer.custom_dir
    return bool(custom) and os.path.isfile(os.path.join(custom, OVERRIDES, template))


def site_key(site: SiteBuild) -> str:
    """What every conversion of a build reads besides its page: options, labels, template overrides."""
    overrides = []
    custom = site.renderer.custom_dir
    if custom:
        folder = os.path.join(custom, OVERRIDES)
        if os.path.isdir(folder):
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                overrides.append(f"{entry.name}:{entry.stat().st_mtime_ns}")
    return digest(repr(dict(site.options)), repr(site.labels), site.renderer.language, *overrides)
