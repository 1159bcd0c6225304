"""Input and output: documents from files, JSON Lines, WARC and web feeds, and articles rendered to files.

``records`` holds the records a run passes along, ``documents`` finds and reads inputs, ``files`` walks
folders and writes atomically, ``markdown`` is the canonical Markdown form, ``jsonl`` and ``warc`` the
container formats, ``output`` the command's output formats. Nothing here cleans.
"""
