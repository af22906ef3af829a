"""Cross-document rules: what only shows when many sources are read together.

Each rule observes every document once and keeps a small summary (hashes,
a MinHash signature, resolved locations — never the text), then decides in
``finish`` with all summaries at hand.
"""
