"""The test suite, as a package so that ``python -m tests.fuzz`` finds it.

A package is needed because a dependency (textstat) installs a top-level
``tests`` package into site-packages, which would otherwise win over this
folder. Test modules import helpers with ``from conftest import ...``, so
this folder also stays importable as a plain directory on ``sys.path``.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.append(_HERE)
