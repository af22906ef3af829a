"""Readability: grade level, reading ease and sentence-length outliers (Vale's metric rules are the model)."""
