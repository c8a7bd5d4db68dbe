"""The portable core: posts, shortcodes, series, tags, feeds, structured data. Imports nothing from MkDocs."""
