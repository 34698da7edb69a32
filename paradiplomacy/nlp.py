"""The one natasha pipeline of a process, loaded on first use.

Natasha's models ship inside its packages (navec embeddings, slovnet taggers,
pymorphy2 dictionaries), so nothing is downloaded at run time.
"""

from functools import lru_cache

from natasha import (
    Doc,
    MorphVocab,
    NamesExtractor,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)


class Pipeline:
    def __init__(self):
        self.segmenter = Segmenter()
        self.morph_vocab = morph_vocab()
        embedding = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self.names_extractor = NamesExtractor(self.morph_vocab)

    def parse(self, text: str) -> Doc:
        """Return ``text`` segmented, morph-tagged, parsed, NER-tagged and lemmatised."""
        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.parse_syntax(self.syntax_parser)
        doc.tag_ner(self.ner_tagger)
        for token in doc.tokens:
            token.lemmatize(self.morph_vocab)
        return doc


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline()


@lru_cache(maxsize=1)
def morph_vocab() -> MorphVocab:
    """The morphology dictionary alone, for stages that need no neural model."""
    return MorphVocab()
