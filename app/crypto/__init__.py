"""Wrappers around each cryptographic library, one module per primitive."""
