"""Rules about people's names: misspellings of known people
(``names.misspelled``), one name spelled two ways in a document
(``names.inconsistent``) and a source's minority spelling across the corpus
(``names.corpus-minority``). Shared scanning and knowledge helpers live in
the ``_``-prefixed modules; thresholds and stop lists in ``rules/names.yml``.
"""
