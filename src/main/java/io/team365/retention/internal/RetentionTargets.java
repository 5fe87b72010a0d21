package io.team365.retention.internal;

import io.team365.core.retention.RetentionTarget;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The targets the modules offer, in a stable order (by key). */
@Component
public class RetentionTargets {

    private final List<RetentionTarget> targets;

    RetentionTargets(List<RetentionTarget> targets) {
        this.targets = targets.stream()
                .sorted(Comparator.comparing(RetentionTarget::key))
                .toList();
    }

    public List<RetentionTarget> all() {
        return targets;
    }

    public Optional<RetentionTarget> byKey(String key) {
        return targets.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
