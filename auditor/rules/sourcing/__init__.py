"""Sourcing rules: how an article attributes what it reports."""
