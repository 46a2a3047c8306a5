"""Extraction: from a Document's text to transfer Claims, with the rule behind each one."""
