"""Reading input files into Documents and marking their boilerplate.

Importing this package does no work: `read` loads trafilatura only when an HTML page turns up.
"""
