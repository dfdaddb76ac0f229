-- Login throttling against password guessing, shared by every node: one row per attempted username
-- ('user:<name>', whether or not the user exists) and per client address ('address:<ip>'). After too many
-- failures within the window the key is locked until locked_until; each further lock-out lasts longer.
CREATE TABLE login_attempt
(
    throttle_key VARCHAR(300)             NOT NULL PRIMARY KEY,
    failures     INT                      NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    lockouts     INT                      NOT NULL DEFAULT 0,
    locked_until TIMESTAMP WITH TIME ZONE
);
