-- Delivery of the outbox (issue #6): what each row needs to be sent, retried on another node after a
-- crash, and to fall back to the recipient's next contact method.

-- The richer text for topics and webhooks; the SMS uses 'message'.
ALTER TABLE notification ADD COLUMN subject VARCHAR(200);
ALTER TABLE notification ADD COLUMN long_message VARCHAR(8000);
-- The recipient's remaining contact methods, in order, one 'TYPE address' per line.
ALTER TABLE notification ADD COLUMN fallback VARCHAR(4000);
-- The row whose permanent failure this one falls back from.
ALTER TABLE notification ADD COLUMN fallback_of BIGINT;
-- A node sending a row leases it; a lease that runs out (the node died) lets another node send it.
ALTER TABLE notification ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE notification ADD COLUMN lease_until BIGINT;
ALTER TABLE notification ADD COLUMN updated_at BIGINT;
CREATE INDEX notification_created_idx ON notification (created_at);

-- The one-tap acknowledge links of SMS: the token is signed (tampering is refused without a lookup),
-- and this row makes it expiring and single-use on every node.
CREATE TABLE acknowledge_link
(
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    incident_id VARCHAR(40)  NOT NULL,
    username    VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL,
    used_at     BIGINT
);
CREATE INDEX acknowledge_link_expiry_idx ON acknowledge_link (expires_at);

-- Secrets the nodes must share (link signing, webhook signing) when none is configured: generated once.
CREATE TABLE notification_secret
(
    name       VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at BIGINT       NOT NULL
);
