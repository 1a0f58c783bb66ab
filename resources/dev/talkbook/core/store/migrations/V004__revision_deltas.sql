-- Version 4: revisions kept as changes. A revision either holds its whole text in body (base_id
-- and delta NULL), or body is '' and delta says how to make its text from the text of revision
-- base_id (LineDelta: copy these lines, insert this text; with a checksum). The revision saved
-- last holds its whole text and the one before becomes a delta against it, so a notebook grows by
-- about the size of each change (ADR 0010). Revisions written before stay whole.

ALTER TABLE revision ADD COLUMN base_id INTEGER;
ALTER TABLE revision ADD COLUMN delta BLOB;
CREATE INDEX revision_by_base ON revision (base_id) WHERE base_id IS NOT NULL;
