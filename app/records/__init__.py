"""Cases, contacts and their rules: model, validation, freeze, overview."""
