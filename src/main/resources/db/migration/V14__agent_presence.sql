-- When each staff member was last seen working in the agent console or the agent API: who is
-- "online" to take a transfer. In the database, so that every instance sees every agent.
CREATE TABLE agent_presence (
    username  VARCHAR(40) NOT NULL PRIMARY KEY,
    last_seen TIMESTAMP   NOT NULL
);

-- An agent's reply longer than WeChat takes is sent as several outbox rows sharing one reference;
-- its delivery state is read from all of them.
CREATE INDEX wechat_outbox_reference ON wechat_outbox (reference);
