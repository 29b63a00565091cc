-- An item's guide elements may be gaps (an imported catalogue often has no audience, materials,
-- fee…): only id, name and department are required of the live row.
ALTER TABLE kb_item ALTER COLUMN audience DROP NOT NULL;
