"""Generated from proto/ by tools/generate.py."""
