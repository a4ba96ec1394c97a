"""One screen a file; each screen holds its state and talks to storage through the app's Store."""
