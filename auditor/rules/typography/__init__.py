"""Typography: quotation marks and apostrophes.

Three rules rather than one, so each can be tuned or ignored on its own:

* ``typography.quote-mix``: straight and curly double quotation marks mixed in one document;
* ``typography.apostrophe-mix``: straight and curly apostrophes mixed in one document;
* ``typography.quote-mismatch``: a quotation opened with one kind of mark and closed with
  another, or opened and never closed (nor continued in the next paragraph).
"""
