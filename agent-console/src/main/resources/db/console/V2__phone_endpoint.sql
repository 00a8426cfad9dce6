-- The phone a console user listens in from (supervisors: listen, whisper, barge), as the PBX names it, e.g.
-- PJSIP/3001. Checked to a safe technology/resource form, since it goes into an AMI Originate.
alter table console_user add column phone_endpoint text
    check (phone_endpoint is null or phone_endpoint ~ '^[A-Za-z][A-Za-z0-9]{1,15}/[A-Za-z0-9._@-]{1,64}$');
