"""anatomy stage."""
