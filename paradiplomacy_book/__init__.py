"""The book side: case profiles, report helpers, charts and graph analysis, read from the tables
that paradiplomacy/data/codebook.csv defines. Nothing here is part of the extraction."""
