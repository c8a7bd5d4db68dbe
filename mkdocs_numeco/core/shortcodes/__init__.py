"""Pure converters for Eleventy shortcodes: text in, text out, no MkDocs import."""

from .convert import Context, Conversion, Problem, convert

__all__ = ["Context", "Conversion", "Problem", "convert"]
