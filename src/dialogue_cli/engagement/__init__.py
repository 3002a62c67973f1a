"""The engagement file: its model, loading and locating problems, schema, scaffold and status."""
