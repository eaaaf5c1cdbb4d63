"""What the components know about the world: the gazetteer, political leaders, and the
lexicon (titles, pronouns, sector words, name normalisation).  Word lists live here, once."""
