-- Recorded evidence waits to be sealed in a table of its own; the sealer moves it into the chain
-- with one statement per batch. A chain row is then written once, sealed, and never updated:
-- updating every evidence row to seal it rewrote the row and all its index entries (the GIN
-- index on agencies included), the largest single cost of the database under load.
create table evidence_pending (
    id          bigint      generated always as identity primary key, -- order of recording
    event       varchar(32) not null,
    occurred_at timestamptz not null,
    package_id  uuid,
    original_id uuid,
    delivery_id uuid,
    agencies    varchar(13)[] not null,
    facts       jsonb       not null
);

insert into evidence_pending (id, event, occurred_at, package_id, original_id, delivery_id, agencies, facts)
    overriding system value
    select id, event, occurred_at, package_id, original_id, delivery_id, agencies, facts
    from evidence where seq is null;
delete from evidence where seq is null;
-- recording order goes on from where the old identity left it
select setval(pg_get_serial_sequence('evidence_pending', 'id'),
              greatest((select coalesce(max(id), 0) + 1 from evidence_pending),
                       (select last_value + 1 from evidence_id_seq)), false);

drop index evidence_pending_idx;
alter table evidence drop constraint evidence_check;
alter table evidence alter column id drop identity;
alter table evidence alter column seq set not null,
                     alter column xml set not null,
                     alter column sha256 set not null,
                     alter column sealed_at set not null;
