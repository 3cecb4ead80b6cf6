-- Keep the bound certificate itself and what identifies it, not only its fingerprint: clerks and
-- auditors need to see whose certificate it is, and when it stops being valid.
alter table agency_certificate add column issuer        varchar(1000);
alter table agency_certificate add column serial_number varchar(100);
alter table agency_certificate add column not_before    timestamptz;
alter table agency_certificate add column der           bytea;
