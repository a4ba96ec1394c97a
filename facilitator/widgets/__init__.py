"""Reusable widgets, one a file. They render state pushed down by screens and post facts up."""
