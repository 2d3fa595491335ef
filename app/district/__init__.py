"""The district desk: registry, intake, board, merged report, receipts."""
