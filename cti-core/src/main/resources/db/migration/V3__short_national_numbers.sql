-- libphonenumber accepts fixed-line numbers of six digits in all (Vienna's +43 1110), below the seven V1
-- assumed; the column now takes what the normalizer accepts: six to fifteen digits after the '+'.
alter table customer_phone drop constraint customer_phone_e164_check;
alter table customer_phone add constraint customer_phone_e164_check check (e164 ~ '^\+[1-9][0-9]{5,14}$');
