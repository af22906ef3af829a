"""Translation artifacts: what machine translation and careless localisation leave in English text."""
