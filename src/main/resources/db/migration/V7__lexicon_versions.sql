-- The lexicon editor. kb_lexicon_draft holds the changes to the published lexicon (kb_lexicon) that
-- are not published yet, one row per changed term with who changed it when: official is the official
-- term the colloquial term is to stand for (null: a plain dictionary word); removed: the term is to be
-- deleted. Publishing applies the rows to kb_lexicon and deletes them.
CREATE TABLE kb_lexicon_draft (
    term       VARCHAR(100) PRIMARY KEY,
    official   VARCHAR(100),
    removed    BOOLEAN      NOT NULL,
    changed_by VARCHAR(40)  NOT NULL,
    changed_at TIMESTAMP    NOT NULL
);

-- Every publication of the lexicon as a numbered version (version 1: the lexicon before it was first
-- edited): the whole lexicon as JSON ({"synonyms": {official: [terms]}, "words": [...]}), who
-- published it, when, and a note (回滚到第2版, 导入：…).
CREATE TABLE kb_lexicon_version (
    version      INT          PRIMARY KEY,
    body         TEXT         NOT NULL,
    published_by VARCHAR(40)  NOT NULL,
    published_at TIMESTAMP    NOT NULL,
    note         VARCHAR(500)
);
