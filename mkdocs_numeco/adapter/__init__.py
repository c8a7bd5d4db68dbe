"""The MkDocs side: the only modules, with plugin.py and config.py, that import MkDocs."""
