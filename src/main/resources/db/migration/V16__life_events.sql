-- Life events (一件事): each a list of the items a situation needs, published like items. The body
-- is the event as JSON (name, wordings, steps with the item ids, why and when).
CREATE TABLE kb_event (
    id         VARCHAR(100) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL UNIQUE,
    body       TEXT         NOT NULL,
    updated_at TIMESTAMP    NOT NULL
);
