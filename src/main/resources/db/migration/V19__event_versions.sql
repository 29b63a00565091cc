-- Every change to a life event (一件事) is a new version, as for items (kb_item_version): the event as
-- JSON, who and when, DRAFT until someone with the publish right PUBLISHES it (which writes kb_event and
-- SUPERSEDES the version published before), or RETIRED (the event is taken out of kb_event and no longer
-- answered; a roll-back to any version publishes it again). A reviewer may send a draft back with a comment.
CREATE TABLE kb_event_version (
    event_id       VARCHAR(100)  NOT NULL,
    version        INT           NOT NULL,
    body           TEXT          NOT NULL,
    state          VARCHAR(20)   NOT NULL,
    author         VARCHAR(40)   NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    note           VARCHAR(500),
    published_by   VARCHAR(40),
    published_at   TIMESTAMP,
    returned_by    VARCHAR(40),
    returned_at    TIMESTAMP,
    return_comment VARCHAR(1000),
    PRIMARY KEY (event_id, version)
);
CREATE INDEX kb_event_version_state ON kb_event_version (state, event_id);
