"""Scraped page leftovers whose detection needs the shape of a line.

Plain phrase lists (player widgets, related links, adverts, share prompts,
photo credits, cookie notices, footers) are YAML rules in
``rules/packs/boilerplate.yml``; the Python rules here look at line shape:
broadcast schedules, metadata fused into prose, and text cut off mid-sentence.
"""
