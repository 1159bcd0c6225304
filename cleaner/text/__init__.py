"""Text: bytes to text in one normal form, text to blocks, and what a block measures.

``decode`` (bytes and encodings), ``segment`` (plain text and Markdown into blocks), ``shape`` (the
measurable features of one block), ``language`` (which language, and its stopwords). Nothing here
decides what a block is: that is the rules, metadata and layout layers above.
"""
