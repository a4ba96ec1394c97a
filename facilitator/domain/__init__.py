"""Plain dataclasses and rules. Nothing here imports Textual or touches the database."""
