"""The fuzz tests share tests/fuzz/_fuzzutil.py: put this folder on the import path (pytest runs with
--import-mode=importlib, which does not)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
