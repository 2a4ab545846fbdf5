"""``python -m idlibstrikes``: see `idlibstrikes._cli`."""

from ._cli import main

raise SystemExit(main())
