-- Sentence vectors of knowledge-base wordings, by model and SHA-256 of the text, so that a restart,
-- a publication or a second instance embeds only what is new. vector: base64 of the 8-bit form
-- (a float scale, then one byte per component).
CREATE TABLE embedding_cache (
    model      VARCHAR(64)   NOT NULL,
    digest     CHAR(64)      NOT NULL,
    vector     VARCHAR(2048) NOT NULL,
    created_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (model, digest)
);
