-- A row of the WeChat outbox may be a template message (模板消息: the reminder the day before a
-- booking, which must reach a citizen who has not written within 48 hours). template_json is the
-- template id, the link and the fields as JSON; content stays the same text in words, for the
-- console and the simulator. NULL: a customer-service text message, as before.
ALTER TABLE wechat_outbox ADD COLUMN template_json TEXT;
