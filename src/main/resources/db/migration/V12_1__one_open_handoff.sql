-- One open hand-off per conversation, enforced by the database: open_conversation is the
-- conversation's id while the hand-off is open (WAITING, WITH_AGENT) and NULL once it ended; unique
-- (NULLs do not collide), so two requests at once — on one instance or two — cannot open two.
ALTER TABLE handoff ADD COLUMN open_conversation VARCHAR(36);
-- duplicates left by the race before this: a waiting one beside another open one is cancelled
UPDATE handoff SET state = 'CANCELLED', closed_at = CURRENT_TIMESTAMP
WHERE state = 'WAITING' AND EXISTS (SELECT 1 FROM handoff o WHERE o.conversation_id = handoff.conversation_id AND o.id <> handoff.id
    AND (o.state = 'WITH_AGENT' OR (o.state = 'WAITING' AND o.id > handoff.id)));
UPDATE handoff SET open_conversation = conversation_id WHERE state IN ('WAITING', 'WITH_AGENT');
ALTER TABLE handoff ADD CONSTRAINT handoff_one_open UNIQUE (open_conversation);
