"""Rule modules: one rule per module, discovered by auditor.registry."""
