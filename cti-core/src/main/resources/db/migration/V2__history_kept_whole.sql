-- Customer history is never deleted (DESIGN.md): V1 refused row deletes of customers and the main history
-- tables; this closes the remaining ways to lose history, deletes of campaign participation and care plan
-- rows, and TRUNCATE of any history table (row triggers do not fire on TRUNCATE).

create trigger campaign_participation_never_deleted before delete on campaign_participation
    for each row execute function refuse_delete();
create trigger care_plan_contact_never_deleted before delete on care_plan_contact
    for each row execute function refuse_delete();

create trigger purchase_truncate_refused before truncate on purchase
    for each statement execute function refuse_delete();
create trigger interaction_truncate_refused before truncate on interaction
    for each statement execute function refuse_delete();
create trigger service_request_truncate_refused before truncate on service_request
    for each statement execute function refuse_delete();
create trigger satisfaction_truncate_refused before truncate on satisfaction_score
    for each statement execute function refuse_delete();
create trigger campaign_participation_truncate_refused before truncate on campaign_participation
    for each statement execute function refuse_delete();
create trigger care_plan_contact_truncate_refused before truncate on care_plan_contact
    for each statement execute function refuse_delete();
