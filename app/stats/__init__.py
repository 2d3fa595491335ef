"""Tallies, disclosure control and their encodings (CSV, JSON, ADX, workbook)."""
