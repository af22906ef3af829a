"""Rules about titles attached to known people: a title the person never
held or in the wrong country's form (``titles.wrong-office``) and a title
whose time reference contradicts the role dates on the document date
(``titles.out-of-date``). The shared title parser lives in ``_parse.py``;
phrase lists in ``rules/titles.yml``; people and offices in
``rules/knowledge/people*.yml`` and ``offices*.yml``.
"""
