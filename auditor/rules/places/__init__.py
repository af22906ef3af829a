"""Place-name rules: one place spelled two ways, and house-style spellings."""
