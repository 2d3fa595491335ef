"""The office desk's workflows: identity, keys, closing periods, export, set-up."""
