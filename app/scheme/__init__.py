"""The signed category scheme: model, trust, store, mappings between versions."""
