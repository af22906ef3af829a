"""Generic rule types whose instances are defined in YAML rule packs."""
