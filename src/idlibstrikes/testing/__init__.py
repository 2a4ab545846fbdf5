"""Tools for testing code that uses idlibstrikes: see `idlibstrikes.testing.strategies`."""
