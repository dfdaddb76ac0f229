-- One row per scheduler instance: the heartbeat job's proof that Quartz is firing jobs.
CREATE TABLE scheduler_heartbeat
(
    instance_id VARCHAR(200)             NOT NULL PRIMARY KEY,
    beat_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    beats       BIGINT                   NOT NULL
);
