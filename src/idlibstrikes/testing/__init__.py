"""Tools for testing code that uses idlibstrikes: see :mod:`idlibstrikes.testing.strategies`."""
