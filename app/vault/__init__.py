"""The sealed store: key slots, sessions, settings, audit chain, lock, backup."""
