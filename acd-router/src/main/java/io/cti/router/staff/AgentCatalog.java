package io.cti.router.staff;

import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;
import io.cti.router.RouterException;

import java.util.ArrayList;
import java.util.List;

/**
 * Agent profiles as administrators edit them: validates drafts ({@link AgentValidator}, every error at once,
 * nothing written on error) and stores them ({@link AgentRepository}). Ids in paths that cannot be agent ids are
 * simply unknown agents. Thread-safe.
 */
public final class AgentCatalog {

    private final AgentRepository agents;
    private final AgentValidator validator;

    public AgentCatalog(AgentRepository agents, AgentValidator validator) {
        this.agents = agents;
        this.validator = validator;
    }

    public StoredAgent create(AgentDraft draft) {
        return agents.create(validator.validate(draft));
    }

    /** Replaces agent {@code id}'s profile; the body may omit the id but cannot change it (history names the agent by it). */
    public StoredAgent replace(String id, AgentDraft draft, Integer expectedVersion) {
        AgentId agent = known(id);
        if (agents.find(agent).isEmpty()) {
            throw RouterException.noSuchAgent(id);
        }
        if (draft == null || draft.id() == null || draft.id().equals(id)) {
            return agents.replace(validator.validate(draft == null ? null : withId(draft, id)), expectedVersion);
        }
        List<FieldError> errors = new ArrayList<>();
        errors.add(new FieldError("id", "id-mismatch", "an agent's id cannot be changed: the body and the path differ"));
        try {
            validator.validate(withId(draft, id));
        } catch (RouterException.InvalidInput e) {
            errors.addAll(e.fieldErrors());
        }
        throw RouterException.invalidInput("agent", errors);
    }

    public StoredAgent get(String id) {
        return agents.find(known(id)).orElseThrow(() -> RouterException.noSuchAgent(id));
    }

    /** Active agents by id; with {@code includeInactive} the deactivated ones too. */
    public List<StoredAgent> list(boolean includeInactive) {
        return agents.list(includeInactive);
    }

    public StoredAgent deactivate(String id) {
        return agents.deactivate(known(id));
    }

    private static AgentId known(String id) {
        if (id == null || !AgentValidator.ID.matcher(id).matches()) {
            throw RouterException.noSuchAgent("(not an agent id)");
        }
        return AgentId.of(id);
    }

    private static AgentDraft withId(AgentDraft d, String id) {
        return new AgentDraft(id, d.displayName(), d.skills(), d.teams(), d.endpoint());
    }
}
