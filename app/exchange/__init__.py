"""File formats that cross the office's walls, verifiable without a vault."""
