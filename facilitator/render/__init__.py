"""Rich renderables of domain objects, shared by the cockpit's widgets and the CLI. No Textual here."""
