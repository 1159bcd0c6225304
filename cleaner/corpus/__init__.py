"""Corpora: clean many documents in two passes (learn each site first), and find duplicates.

``learning`` reads documents for pass 1 and learns site profiles (without importing the cleaning
layers); ``twopass`` cleans with them; ``duplicates`` finds articles held twice.
"""
