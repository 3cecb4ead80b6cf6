-- Evidence: one record per provable event, written in the transaction of the state change it
-- proves. A record is first stored with its facts only; the sealer then gives it the next
-- sequence number, renders it as XML with the hash of the previous evidence, signs it with the
-- axis key and stores those exact bytes. One global chain; a gap or a changed byte breaks it.
create table evidence (
    id          bigint      generated always as identity primary key, -- order of recording
    seq         bigint      unique,                                   -- order in the chain, once sealed
    event       varchar(32) not null,
    occurred_at timestamptz not null,
    package_id  uuid,
    original_id uuid,                                                 -- the document a later package refers to
    delivery_id uuid,
    agencies    varchar(13)[] not null,                               -- every agency involved, for exports
    facts       jsonb       not null,                                 -- what the XML states, before sealing
    xml         bytea,                                                -- the signed evidence, once sealed
    sha256      varchar(64),
    sealed_at   timestamptz,
    check ((seq is null) = (xml is null) and (xml is null) = (sha256 is null))
);
create index evidence_pending_idx on evidence (id) where seq is null;
create index evidence_package_idx on evidence (package_id);
create index evidence_original_idx on evidence (original_id) where original_id is not null;
create index evidence_occurred_idx on evidence (occurred_at);
create index evidence_agencies_idx on evidence using gin (agencies);

-- Signed statements of the chain's length and head, so that deleting its tail is detectable too.
create table evidence_checkpoint (
    number     bigint      primary key,
    last_seq   bigint      not null,
    last_hash  varchar(64) not null,
    count      bigint      not null,
    created_at timestamptz not null,
    xml        bytea       not null,
    sha256     varchar(64) not null
);

-- Every certificate the axis has signed evidence with: evidence outlives key rotations.
create table evidence_key (
    fingerprint  varchar(64) primary key,
    certificate  bytea       not null,
    first_used   timestamptz not null
);
