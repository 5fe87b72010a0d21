package io.team365.deals;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.Validation;
import io.team365.deals.internal.PipelineStore;
import io.team365.deals.internal.PipelineValidation;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Client's pipelines. Anyone signed in reads them (the first read creates the default pipeline); only owners
 * and admins change them, checked here as well as by the URL rules, so no other entry point can skip it.
 */
@Service
public class PipelineManagement {

    private final PipelineStore store;
    private final AuditTrail audit;

    PipelineManagement(PipelineStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Every pipeline, in order; the first is the default for new deals. */
    @Transactional
    public List<Pipeline> list() {
        store.ensureDefault(SignedInUser.require().tenant());
        return store.all();
    }

    @Transactional
    public Pipeline get(UUID id) {
        store.ensureDefault(SignedInUser.require().tenant());
        return store.find(id).orElseThrow(() -> new NotFound("pipeline"));
    }

    /** Where deals go when no pipeline is named. */
    @Transactional
    public Pipeline defaultPipeline() {
        return list().getFirst();
    }

    @Transactional
    public Pipeline create(PipelineFields fields, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        store.ensureDefault(user.tenant());
        Validation check = Validation.start();
        List<Stage> stages = PipelineValidation.check(fields, null, check);
        check.throwIfInvalid();
        UUID id = Ids.newId();
        store.insert(user.tenant(), id, fields.name().strip(), stages);
        audit.record(user.tenant(), actor, "pipeline.created", "pipeline", id.toString(), Map.of());
        return store.find(id).orElseThrow();
    }

    /**
     * Renames a pipeline and replaces its stages: stages named by id are kept (deals stay in them), the others are
     * new. Removing a stage that still holds deals is refused.
     */
    @Transactional
    public Pipeline update(
            UUID id, Integer expectedVersion, UnaryOperator<PipelineFields> change, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        Pipeline current = store.find(id).orElseThrow(() -> new NotFound("pipeline"));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailed(current.version());
        }
        PipelineFields fields = change.apply(fieldsOf(current));
        Validation check = Validation.start();
        List<Stage> stages = PipelineValidation.check(fields, current, check);
        check.throwIfInvalid();
        List<UUID> removed = current.stages().stream()
                .map(Stage::id)
                .filter(s -> stages.stream().noneMatch(kept -> Objects.equals(kept.id(), s)))
                .toList();
        if (!store.stagesWithDeals(removed).isEmpty()) {
            throw new Conflict("stages", "pipeline.stage-has-deals");
        }
        if (!store.update(user.tenant(), id, fields.name().strip(), stages, current.version())) {
            throw new PreconditionFailed(store.find(id).map(Pipeline::version).orElse(current.version()));
        }
        audit.record(user.tenant(), actor, "pipeline.updated", "pipeline", id.toString(), Map.of());
        return store.find(id).orElseThrow();
    }

    /** Deletes a pipeline for good; refused for the last one and for one that holds deals (the trash too). */
    @Transactional
    public void delete(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        store.find(id).orElseThrow(() -> new NotFound("pipeline"));
        if (store.count() <= 1) {
            throw new Conflict(null, "pipeline.last");
        }
        if (store.dealsIn(id) > 0) {
            throw new Conflict(null, "pipeline.has-deals");
        }
        store.delete(id);
        audit.record(user.tenant(), actor, "pipeline.deleted", "pipeline", id.toString(), Map.of());
    }

    /** A pipeline's fields as a write would give them, every stage with its id. */
    public static PipelineFields fieldsOf(Pipeline pipeline) {
        return new PipelineFields(
                pipeline.name(),
                pipeline.stages().stream()
                        .map(s -> new StageInput(
                                s.id(), s.name(), s.probability(), s.kind().value()))
                        .toList());
    }

    /** The stages a new pipeline gets when none are given: the default pipeline's. */
    public static List<StageInput> standardStages() {
        return PipelineStore.defaultStages().stream()
                .map(s ->
                        new StageInput(null, s.name(), s.probability(), s.kind().value()))
                .toList();
    }

    private static SignedInUser requireAdmin() {
        SignedInUser user = SignedInUser.require();
        if (!user.role().atLeast(Role.ADMIN)) {
            throw new AccessDeniedException("pipelines are changed by owners and admins");
        }
        return user;
    }
}
