-- Every policy version a replica activated, with its files, so that replicas and auditors agree on what was in force
-- and a decision can be replayed under the version that made it from the store alone (docs/shared-store.md).
create table policy_files (
    engine  text  not null,
    digest  text  not null,   -- the version: sha256:<hex> over its files (PackDigest)
    path    text  not null,   -- relative to the pack's root, '/'-separated
    content bytea not null,
    primary key (engine, digest, path)
);

create table policy_activations (
    id           bigserial   primary key,
    stream       text        not null,   -- the replica id
    engine       text        not null,
    digest       text        not null,
    activated_at timestamptz not null
);
create index policy_activations_time on policy_activations (activated_at);
