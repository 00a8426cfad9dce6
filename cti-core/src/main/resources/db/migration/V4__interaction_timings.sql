-- A call's interaction carries all its timings as columns a report can sum (whole seconds, like the wait and
-- talk columns of V1): ring (the answering agent's phone ringing), hold (every hold of the call added up) and
-- wrap-up (after hang-up, until the agent's disposition). Together with wait and talk they make up the call's
-- time from arrival to the end of wrap-up. Null where a timing does not apply (an e-mail has no ring time).
alter table interaction
    add column ring_seconds    integer,
    add column hold_seconds    integer,
    add column wrap_up_seconds integer;

-- No timing is negative. NOT VALID: rows written before this migration are not checked (the old writers never
-- wrote a negative one, but a failing check would stop the platform from starting); every new row is.
alter table interaction add constraint interaction_timings_not_negative
    check (wait_seconds >= 0 and ring_seconds >= 0 and talk_seconds >= 0 and hold_seconds >= 0
           and wrap_up_seconds >= 0) not valid;

-- What the row was written for, by a writer that may be asked twice for the same contact: the ACD router writes
-- 'call:<callId>' at the end of a call's wrap-up, and the bus may deliver that wrap-up twice, or to two routers.
-- The unique index makes the second write find the first row instead of adding one. Null for rows written
-- without one (older rows, contacts entered at the console, bulk loads), which the index leaves alone.
alter table interaction add column once_key text;

create unique index interaction_once_key on interaction (once_key) where once_key is not null;
