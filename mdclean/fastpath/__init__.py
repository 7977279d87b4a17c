"""The fast path's own tools: reading what a rule declares into cheap tests on raw text."""
