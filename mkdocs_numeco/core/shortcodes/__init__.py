"""Pure converters for Eleventy shortcodes: text in, text out, no MkDocs import."""

from ..problems import Problem
from .convert import Context, Conversion, convert

__all__ = ["Context", "Conversion", "Problem", "convert"]
