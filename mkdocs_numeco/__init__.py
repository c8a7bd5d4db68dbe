"""mkdocs-numeco: Eleventy video and podcast posts, published with MkDocs and Material."""

__version__ = "0.1.0"
