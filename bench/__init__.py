"""The scale benchmark of issue 8: ``make bench`` (see "Benchmark" in README.md)."""
