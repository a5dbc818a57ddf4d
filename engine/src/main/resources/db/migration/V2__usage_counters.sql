-- Usage per application and calendar month (UTC, 'YYYY-MM'), shared by the replicas: each completed execution and
-- each answered validation adds to it in the transaction that appends its record (docs/shared-store.md).
create table usage_monthly (
    application text   not null,
    month       text   not null,
    executions  bigint not null,
    on_device   bigint not null,
    two_stage   bigint not null,
    escalated   bigint not null,
    validated   bigint not null,
    disagreed   bigint not null,
    primary key (application, month)
);

-- Cloud tokens by the cloud destination that took them: what a budget counts.
create table usage_tokens (
    application text   not null,
    month       text   not null,
    destination text   not null,
    tokens_in   bigint not null,
    tokens_out  bigint not null,
    primary key (application, month, destination)
);
