package io.team365.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Finds any record by type and id through the modules' {@link RecordLookup}s. */
@Component
public class RecordLinks {

    private final Map<String, RecordLookup> lookups;

    RecordLinks(List<RecordLookup> lookups) {
        this.lookups = lookups.stream().collect(Collectors.toMap(RecordLookup::recordType, Function.identity()));
    }

    public boolean knowsType(String type) {
        return type != null && lookups.containsKey(type);
    }

    /** The record if its type is known, it exists in the current Client, and the caller may see it. */
    public Optional<RecordRef> find(String type, UUID id) {
        RecordLookup lookup = type == null ? null : lookups.get(type);
        return lookup == null || id == null ? Optional.empty() : lookup.find(id);
    }

    /** Like {@link #find}, or {@link NotFound} naming the type: the same answer for missing and foreign records. */
    public RecordRef require(String type, UUID id) {
        return find(type, id).orElseThrow(() -> new NotFound(type == null ? "record" : type));
    }
}
