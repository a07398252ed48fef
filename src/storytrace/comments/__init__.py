"""comments stage."""
