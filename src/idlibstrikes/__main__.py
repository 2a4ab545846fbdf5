"""``python -m idlibstrikes``: see :mod:`idlibstrikes._cli`."""

from ._cli import main

raise SystemExit(main())
