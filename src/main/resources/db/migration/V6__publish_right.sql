-- The publish right is a role (app_user.role REVIEWER fits the VARCHAR(20)); nothing to change there.
-- A proposed Q&A (kb_faq_draft, status PROPOSED) is ADOPTED by an editor, becoming a FAQ in a draft
-- version of an item (adopted_item_id, adopted_version), or REJECTED with an optional reason
-- (handled_note); who and when in handled_by and handled_at.
ALTER TABLE kb_faq_draft ADD COLUMN handled_by VARCHAR(40);
ALTER TABLE kb_faq_draft ADD COLUMN handled_at TIMESTAMP;
ALTER TABLE kb_faq_draft ADD COLUMN handled_note VARCHAR(500);
ALTER TABLE kb_faq_draft ADD COLUMN adopted_item_id VARCHAR(100);
ALTER TABLE kb_faq_draft ADD COLUMN adopted_version INT;
CREATE INDEX kb_faq_draft_status ON kb_faq_draft (status, id);
