-- Trust material for signature verification. Parsed once into a cached snapshot per instance;
-- trust_version is bumped with every change (anchors, intermediates, CRLs, agency certificate
-- bindings) so that every instance notices and reloads.

create table trust_certificate (
    fingerprint   varchar(64)   primary key,            -- SHA-256 of the DER
    kind          varchar(16)   not null check (kind in ('ANCHOR', 'INTERMEDIATE')),
    subject       varchar(1000) not null,
    issuer        varchar(1000) not null,
    serial_number varchar(100)  not null,
    not_before    timestamptz   not null,
    not_after     timestamptz   not null,
    der           bytea         not null,
    source        varchar(16)   not null check (source in ('API', 'DIRECTORY')),
    added_at      timestamptz   not null,
    added_by      varchar(64)   not null
);

create table trust_crl (
    fingerprint        varchar(64)   primary key,       -- SHA-256 of the DER
    issuer             varchar(1000) not null,
    crl_number         varchar(100),
    this_update        timestamptz   not null,
    next_update        timestamptz,
    revoked_count      int           not null,
    der                bytea         not null,
    source             varchar(16)   not null check (source in ('API', 'DIRECTORY', 'FETCHED')),
    distribution_point varchar(1000),
    added_at           timestamptz   not null,
    added_by           varchar(64)   not null
);
create index trust_crl_issuer_idx on trust_crl (issuer, this_update);

create table trust_version (
    id      int    primary key check (id = 1),
    version bigint not null
);
insert into trust_version (id, version) values (1, 0);
