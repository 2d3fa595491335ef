"""Test helpers, one package imported one way: ``from tests.support.X import ...``.

conftest.py files hold fixtures only; constants and builders live here.
"""
