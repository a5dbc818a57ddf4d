-- Offline answers waiting for a cloud validation, and how their validations ended, shared by the replicas (docs/shared-store.md). A replica claims the
-- due entries it attempts (claimed_by, claimed_at) with FOR UPDATE SKIP LOCKED; a claim older than the lease is
-- taken to be a dead replica's, and the entry is due again.
create table validation_queue (
    id              text        primary key,
    decision_id     text        not null,
    application     text,                   -- the one application that may see its status
    queued_at       timestamptz not null,
    attempts        integer     not null,
    next_attempt_at timestamptz not null,
    entry           bytea       not null,   -- sealed with AES-256-GCM under the replicas' validation-queue key
    claimed_by      text,
    claimed_at      timestamptz
);
create index validation_queue_oldest on validation_queue (queued_at, id);

-- How each validation ended, written in the transaction of its validation record, so that GET /v1/validations/{id}
-- answers the same on every replica.
create table validation_outcomes (
    validation_id text    primary key,
    decision_id   text    not null,
    application   text,
    state         text    not null,   -- agreed, disagreed or failed
    attempts      integer not null,
    problem       text
);
