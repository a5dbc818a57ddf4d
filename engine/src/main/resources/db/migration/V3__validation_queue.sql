-- Offline answers waiting for a cloud validation, shared by the replicas (docs/shared-store.md). A replica claims the
-- due entries it attempts (claimed_by, claimed_at) with FOR UPDATE SKIP LOCKED; a claim older than the lease is
-- taken to be a dead replica's, and the entry is due again.
create table validation_queue (
    id              text        primary key,
    queued_at       timestamptz not null,
    attempts        integer     not null,
    next_attempt_at timestamptz not null,
    entry           bytea       not null,   -- sealed with AES-256-GCM under the replicas' validation-queue key
    claimed_by      text,
    claimed_at      timestamptz
);
create index validation_queue_oldest on validation_queue (queued_at, id);
