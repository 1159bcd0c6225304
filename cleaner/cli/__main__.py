"""``python -m cleaner.cli``: the ``clean`` command."""

import sys

from cleaner.cli.main import main

sys.exit(main())
