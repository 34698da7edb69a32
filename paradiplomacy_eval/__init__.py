"""Evaluation: gold loading, scorers, the keyword baseline and the gold's own notion of a party,
used by the tests, the scripts and the book; the extraction never imports it."""
