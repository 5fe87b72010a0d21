package io.team365.deals;

import io.team365.audit.AuditTrail;
import io.team365.core.FieldChange;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.RecordChanged;
import io.team365.core.RecordLinks;
import io.team365.core.Validation;
import io.team365.core.paging.FilterField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.deals.internal.DealHistory;
import io.team365.deals.internal.DealLists;
import io.team365.deals.internal.DealStore;
import io.team365.deals.internal.DealValidation;
import io.team365.deals.internal.PipelineStore;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading, moving, changing, trashing and restoring deals. Every read of a deal by a person is audited;
 * every change is checked against the version the caller saw, and lands on the deal's timeline (stage changes by
 * stage name) and, when a deal is created, won or lost, on its company's and contacts' timelines too.
 */
@Service
public class DealManagement {

    private final DealStore store;
    private final DealLists lists;
    private final DealHistory history;
    private final PipelineStore pipelines;
    private final TeamManagement team;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CustomFieldManagement customFields;
    private final RecordLinks records;

    DealManagement(
            DealStore store,
            DealLists lists,
            DealHistory history,
            PipelineStore pipelines,
            TeamManagement team,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CustomFieldManagement customFields,
            RecordLinks records) {
        this.store = store;
        this.lists = lists;
        this.history = history;
        this.pipelines = pipelines;
        this.team = team;
        this.audit = audit;
        this.events = events;
        this.customFields = customFields;
        this.records = records;
    }

    @Transactional
    public Deal create(DealFields fields, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        pipelines.ensureDefault(user.tenant());
        DealFields owned = fields.ownerId() != null ? fields : fields.withOwner(user.userId());
        Checked checked = checked(owned, DealFields.empty(), StageKind.OPEN);
        UUID id = Ids.newId();
        store.insert(user.tenant(), id, checked.fields(), checked.kind(), user.userId());
        audit.record(user.tenant(), actor, "deal.created", "deal", id.toString(), Map.of());
        Deal created = store.find(id).orElseThrow();
        List<FieldChange> changes = new ArrayList<>(history.standing(DealFields.empty(), checked.fields()));
        changes.addAll(history.details(DealFields.empty(), checked.fields()));
        publish(user, created, "deal.created", changes);
        publishOnLinked(user, created, "deal.created");
        return created;
    }

    /** A deal as a person looks at it; the look is audited. Deals in the trash are found too. */
    @Transactional
    public Deal view(UUID id, AuditTrail.Actor actor) {
        Deal deal = store.findVisible(id, team.recordScope()).orElseThrow(() -> new NotFound("deal"));
        audit.record(SignedInUser.require().tenant(), actor, "deal.viewed", "deal", id.toString(), Map.of());
        return deal;
    }

    /**
     * Applies a change. {@code expectedVersion} is the version the caller saw (null: whatever is stored now); a stale
     * one is refused with the current version. A deal moved to another pipeline without a stage goes to that
     * pipeline's first open stage; a deal whose status changes keeps only the won or lost reason given with it.
     */
    @Transactional
    public Deal update(UUID id, Integer expectedVersion, UnaryOperator<DealFields> change, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Deal current = store.findVisible(id, team.recordScope())
                .filter(d -> d.deletedAt() == null)
                .orElseThrow(() -> new NotFound("deal"));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailed(current.version());
        }
        DealFields before = DealFields.of(current);
        DealFields changed = change.apply(before);
        if (!Objects.equals(changed.pipelineId(), current.pipelineId())
                && Objects.equals(changed.stageId(), current.stageId())) {
            changed = changed.withStage(changed.pipelineId(), null);
        }
        Checked checked = checked(changed, before, current.status());
        if (!store.update(user.tenant(), id, checked.fields(), checked.kind(), current.version(), user.userId())) {
            throw new PreconditionFailed(store.find(id).map(Deal::version).orElse(current.version()));
        }
        audit.record(user.tenant(), actor, "deal.updated", "deal", id.toString(), Map.of());
        Deal updated = store.find(id).orElseThrow();
        List<FieldChange> details = history.details(before, checked.fields());
        if (!details.isEmpty()) {
            publish(user, updated, "deal.updated", details);
        }
        List<FieldChange> standing = history.standing(before, checked.fields());
        if (!standing.isEmpty()) {
            String kind = checked.kind() == current.status() || checked.kind() == StageKind.OPEN
                    ? "deal.stage-changed"
                    : "deal." + checked.kind().value();
            publish(user, updated, kind, standing);
            if (!kind.equals("deal.stage-changed")) {
                publishOnLinked(user, updated, kind);
            }
        }
        return updated;
    }

    /**
     * Moves a deal to a stage of its pipeline, as the board does. {@code reason} is the lost reason (required) when
     * the stage is a lost one, the won reason (optional) when it is a won one, and ignored otherwise.
     */
    @Transactional
    public Deal moveToStage(UUID id, UUID stageId, Integer expectedVersion, String reason, AuditTrail.Actor actor) {
        return update(
                id,
                expectedVersion,
                current -> {
                    StageKind kind = pipelines
                            .find(current.pipelineId())
                            .flatMap(p -> p.stage(stageId))
                            .map(Stage::kind)
                            .orElse(StageKind.OPEN);
                    DealFields moved = current.withStage(current.pipelineId(), stageId);
                    return switch (kind) {
                        case LOST -> moved.withReasons(reason, current.wonReason());
                        case WON ->
                            moved.withReasons(current.lostReason(), reason == null || reason.isBlank() ? null : reason);
                        case OPEN -> moved;
                    };
                },
                actor);
    }

    @Transactional
    public void trash(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.moveToTrash(id, user.userId())) {
            throw new NotFound("deal");
        }
        audit.record(user.tenant(), actor, "deal.trashed", "deal", id.toString(), Map.of());
        publish(user, store.find(id).orElseThrow(), "deal.trashed", List.of());
    }

    @Transactional
    public Deal restore(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.restore(id, user.userId())) {
            throw new NotFound("deal in the trash");
        }
        audit.record(user.tenant(), actor, "deal.restored", "deal", id.toString(), Map.of());
        Deal restored = store.find(id).orElseThrow();
        publish(user, restored, "deal.restored", List.of());
        return restored;
    }

    @Transactional
    public DealPage list(DealQuery query) {
        pipelines.ensureDefault(SignedInUser.require().tenant());
        DealPage page =
                lists.list(query, team.recordScope(), SignedInUser.require().userId());
        // one audit entry per list read: the record type and how many, never the values shown
        audit.record(
                SignedInUser.require().tenant(),
                Actors.current(),
                "deal.listed",
                "deal",
                null,
                Map.of("count", page.deals().size()));
        return page;
    }

    /** What the filter builder offers for deals: the standard fields, then the Client's custom fields. */
    public List<FilterField> filterFields() {
        return lists.filterFields();
    }

    /** The names {@code sort} accepts, custom fields included. */
    public List<String> sortNames() {
        return lists.sorts().names();
    }

    /** Every stage of the pipeline, in order, with the visible deals in it (any status): the board's columns. */
    @Transactional
    public List<StageTotal> totalsByStage(UUID pipelineId) {
        pipelines.ensureDefault(SignedInUser.require().tenant());
        Pipeline pipeline = pipelines.find(pipelineId).orElseThrow(() -> new NotFound("pipeline"));
        Map<String, DealLists.Totals> totals = lists.byStage(pipelineId, team.recordScope());
        return pipeline.stages().stream()
                .map(s -> {
                    DealLists.Totals t = totals.getOrDefault(s.id().toString(), DealLists.Totals.NONE);
                    return new StageTotal(s.id(), s.name(), t.count(), t.values());
                })
                .toList();
    }

    /** The open stages of the pipeline with the count and value (per currency) of the deals in each. */
    @Transactional
    public List<StageTotal> openValueByStage(UUID pipelineId) {
        Pipeline pipeline = pipelines.find(pipelineId).orElse(null);
        return totalsByStage(pipelineId).stream()
                .filter(t -> pipeline == null
                        || pipeline.stage(t.stageId())
                                .map(s -> s.kind() == StageKind.OPEN)
                                .orElse(false))
                .toList();
    }

    /** Deals won and lost since the first of this month (UTC) that the caller can see. */
    public WonLost wonAndLostThisMonth() {
        Map<String, DealLists.Totals> totals = lists.closedThisMonth(team.recordScope());
        DealLists.Totals won = totals.getOrDefault("won", DealLists.Totals.NONE);
        DealLists.Totals lost = totals.getOrDefault("lost", DealLists.Totals.NONE);
        return new WonLost(won.count(), won.values(), lost.count(), lost.values());
    }

    private void publish(SignedInUser user, Deal deal, String kind, List<FieldChange> changes) {
        events.publishEvent(new RecordChanged(
                user.tenant(),
                "deal",
                deal.id(),
                deal.name(),
                kind,
                changes,
                user.userId(),
                user.name(),
                deal.updatedAt()));
    }

    /** Puts the event on the timelines of the deal's company and contacts, titled with the deal's name. */
    private void publishOnLinked(SignedInUser user, Deal deal, String kind) {
        List<RecordChanged> linked = new ArrayList<>();
        if (deal.companyId() != null) {
            linked.add(onRecord(user, deal, kind, "company", deal.companyId()));
        }
        deal.contactIds().forEach(contact -> linked.add(onRecord(user, deal, kind, "contact", contact)));
        linked.forEach(events::publishEvent);
    }

    private static RecordChanged onRecord(SignedInUser user, Deal deal, String kind, String type, UUID id) {
        return new RecordChanged(
                user.tenant(), type, id, deal.name(), kind, List.of(), user.userId(), user.name(), deal.updatedAt());
    }

    private record Checked(DealFields fields, StageKind kind) {}

    /** Standard and custom fields checked together, so every problem is reported at once. */
    private Checked checked(DealFields fields, DealFields stored, StageKind currentStatus) {
        Pipeline pipeline = fields.pipelineId() == null
                ? pipelines.all().getFirst()
                : pipelines.find(fields.pipelineId()).orElse(null);
        StageKind kind = pipeline == null
                ? StageKind.OPEN
                : (fields.stageId() == null ? Optional.of(pipeline.firstOpenStage()) : pipeline.stage(fields.stageId()))
                        .map(Stage::kind)
                        .orElse(currentStatus);
        DealFields reasoned = fields;
        if (kind != currentStatus) {
            // a new status takes only the reason given with it; an old one would not explain this change
            reasoned = fields.withReasons(
                    Objects.equals(fields.lostReason(), stored.lostReason()) ? null : fields.lostReason(),
                    Objects.equals(fields.wonReason(), stored.wonReason()) ? null : fields.wonReason());
        }
        Validation check = Validation.start();
        DealFields standard = DealValidation.check(reasoned, pipeline, stored, team.memberIds(), records, check);
        InvalidInput problems = null;
        try {
            check.throwIfInvalid();
        } catch (InvalidInput invalid) {
            problems = invalid;
        }
        Map<String, Object> custom = null;
        try {
            custom = customFields.check("deal", fields.customFields(), stored.customFields());
        } catch (InvalidInput invalid) {
            problems = InvalidInput.merge(problems, invalid);
        }
        if (problems != null) {
            throw problems;
        }
        return new Checked(standard.withCustomFields(custom), kind);
    }
}
