-- On-call: teams, services, escalation policies, schedules and users' contact methods. Times are epoch
-- milliseconds, like the alerting and metrics tables.
--
-- Teams, services, policies and schedules are stored as the JSON documents the API speaks (with
-- references already resolved to ids); the columns beside a document are what lookups and
-- uniqueness need. They are few and small, so reference checks read them whole.

CREATE TABLE oncall_team
(
    id         VARCHAR(64)    NOT NULL PRIMARY KEY,
    name       VARCHAR(200)   NOT NULL,
    definition VARCHAR(65536) NOT NULL,
    created_at BIGINT         NOT NULL,
    updated_at BIGINT         NOT NULL,
    CONSTRAINT oncall_team_name_uq UNIQUE (name)
);

CREATE TABLE oncall_escalation_policy
(
    id         VARCHAR(64)    NOT NULL PRIMARY KEY,
    name       VARCHAR(200)   NOT NULL,
    definition VARCHAR(65536) NOT NULL,
    created_at BIGINT         NOT NULL,
    updated_at BIGINT         NOT NULL,
    CONSTRAINT oncall_escalation_policy_name_uq UNIQUE (name)
);

-- A schedule's document holds its rotation layers and its overrides.
CREATE TABLE oncall_schedule
(
    id         VARCHAR(64)     NOT NULL PRIMARY KEY,
    name       VARCHAR(200)    NOT NULL,
    definition VARCHAR(262144) NOT NULL,
    created_at BIGINT          NOT NULL,
    updated_at BIGINT          NOT NULL,
    CONSTRAINT oncall_schedule_name_uq UNIQUE (name)
);

-- integration_key: the PagerDuty routing_key and Alertmanager webhook key of the service (32 hex chars).
CREATE TABLE oncall_service
(
    id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    name            VARCHAR(200)   NOT NULL,
    definition      VARCHAR(65536) NOT NULL,
    integration_key CHAR(32)       NOT NULL,
    created_at      BIGINT         NOT NULL,
    updated_at      BIGINT         NOT NULL,
    CONSTRAINT oncall_service_name_uq UNIQUE (name),
    CONSTRAINT oncall_service_key_uq UNIQUE (integration_key)
);

-- How a user is reached, in the order to try: SMS (E.164 number) or WEBHOOK (http/https URL).
-- Keyed by username: the accounts themselves belong to the security module.
CREATE TABLE oncall_contact_method
(
    username    VARCHAR(100)  NOT NULL,
    sort_order  INT           NOT NULL,
    method_type VARCHAR(16)   NOT NULL,
    address     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (username, sort_order),
    CONSTRAINT oncall_contact_method_type CHECK (method_type IN ('SMS', 'WEBHOOK'))
);

-- One-time set-up steps already done (the default team, policy and service are created once).
CREATE TABLE oncall_setup
(
    step    VARCHAR(100) NOT NULL PRIMARY KEY,
    done_at BIGINT       NOT NULL
);
