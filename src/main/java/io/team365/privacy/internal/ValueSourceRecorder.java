package io.team365.privacy.internal;

import io.team365.core.FieldChange;
import io.team365.core.RecordChanged;
import io.team365.privacy.ValueSource;
import io.team365.privacy.ValueSources;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records the source of every field a person creates or changes on a contact, lead or company. It listens
 * synchronously, in the transaction of the change, on purpose: the source is committed with the value or not at all,
 * and the request that made the change (page or API) is still at hand. A lead converted to a contact passes its
 * sources on to the contact.
 */
@Component
class ValueSourceRecorder {

    private static final Set<String> RECORDED_KINDS = Set.of("created", "updated");
    /** Set for the rest of a lead's conversion: the contact it becomes takes the lead's sources. */
    private static final Object CONVERTING_LEAD = new Object();

    private final ValueSourceStore store;
    private final Clock clock;

    ValueSourceRecorder(ValueSourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(RecordChanged change) {
        if (!ValueSources.RECORD_TYPES.contains(change.recordType())) {
            return;
        }
        String what = change.kind().substring(change.kind().indexOf('.') + 1);
        if (change.kind().equals("lead.converted")) {
            remember(change.recordId());
        } else if (change.kind().equals("contact.converted-from-lead")) {
            Object lead = TransactionSynchronizationManager.getResource(CONVERTING_LEAD);
            if (lead instanceof UUID leadId) {
                store.copy(change.tenant(), "lead", leadId, "contact", change.recordId());
            }
        } else if (RECORDED_KINDS.contains(what)) {
            ValueSources.Attribution attribution = ValueSources.currentAttribution()
                    .orElseGet(() -> new ValueSources.Attribution(ValueSource.USER, channel()));
            for (FieldChange field : change.changes()) {
                if (field.to() == null || field.to().isBlank() || field.to().equals("[]")) {
                    store.remove(change.recordType(), change.recordId(), field.field());
                } else {
                    store.put(
                            change.tenant(),
                            change.recordType(),
                            change.recordId(),
                            field.field(),
                            attribution.source().value(),
                            attribution.detail(),
                            change.actorId(),
                            clock.instant());
                }
            }
        }
    }

    private static void remember(UUID leadId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(CONVERTING_LEAD);
        TransactionSynchronizationManager.bindResource(CONVERTING_LEAD, leadId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CONVERTING_LEAD);
            }
        });
    }

    /** "api" or "ui" for a change made in a request; none for one made by a job. */
    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI().startsWith("/api/") ? "api" : "ui";
        }
        return null;
    }
}
