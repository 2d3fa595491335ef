"""Fallzahl: the domain core. Pure Python; never imports Qt."""

from importlib import metadata

try:
    __version__ = metadata.version("fallzahl")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.1.0"
