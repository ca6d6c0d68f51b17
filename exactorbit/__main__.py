"""``python -m exactorbit``: the same as the ``exactorbit`` console script."""

import sys

from .cli import main

sys.exit(main())
