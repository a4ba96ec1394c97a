"""SQLite storage through sqlite-utils: one file, WAL, migrations applied on open.

Nothing here imports Textual; each data type has a small repository taking and returning domain objects.
"""
