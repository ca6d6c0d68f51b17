"""``python -m exactorbit.cli``: the same as the ``exactorbit`` console script."""

import sys

from . import main

sys.exit(main())
