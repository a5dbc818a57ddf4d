-- The store replicas share (docs/shared-store.md). Each replica appends its own hash-chained stream of records.
create table log_records (
    stream      text        not null,   -- the replica id
    seq         bigint      not null,   -- 1, 2, 3, ... within the stream
    time        timestamptz not null,   -- the record's time field, for export's --from and --to
    line        text        not null,   -- the sealed line exactly as the file log would hold it
    primary key (stream, seq)
);

-- A decision's token is single-use across replicas: the first insert of its id wins.
create table used_tokens (
    decision_id text        primary key,
    expires_at  timestamptz not null,
    claimed_by  text        not null,
    claimed_at  timestamptz not null default now()
);
create index used_tokens_expiry on used_tokens (expires_at);

create table checkpoints (
    id          bigserial   primary key,
    stream      text        not null,
    seq         bigint      not null,
    head_hash   text        not null,
    time        text        not null,   -- exactly as signed
    key_id      text        not null,
    signature   text        not null
);
create index checkpoints_stream on checkpoints (stream, id);
