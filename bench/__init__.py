"""Benchmarks that print ratios (not part of the test run).

They measure the program as it runs, so numpy and pandas stay out of their processes as
they stay out of the program's (app/unshipped.py); the scripts they start do the same.
"""

from app import unshipped

unshipped.keep_out()
