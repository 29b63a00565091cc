-- A reviewer may send a draft back to its editor with a comment instead of publishing it: who, when and why
-- are kept on the version (the audit log keeps them too). A draft sent back leaves the review queue; the
-- editor's next draft of the item goes back into it.
ALTER TABLE kb_item_version ADD COLUMN returned_by VARCHAR(40);
ALTER TABLE kb_item_version ADD COLUMN returned_at TIMESTAMP;
ALTER TABLE kb_item_version ADD COLUMN return_comment VARCHAR(1000);
