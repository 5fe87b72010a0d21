package io.team365.deals.web;

import io.team365.core.InvalidInput;
import io.team365.core.Money;
import io.team365.core.Validation;
import io.team365.deals.Deal;
import io.team365.deals.DealFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deal form. The company is chosen from a select holding the deal's current company, or named by id in a text
 * field; contacts likewise (checkboxes for the current ones, ids for more), since there is no record search to pick
 * from yet. Tags are comma-separated; {@code version} is the one the form was loaded at.
 */
public record DealForm(
        String name,
        String pipelineId,
        String stageId,
        String amount,
        String currency,
        String closeDate,
        String companyId,
        String otherCompanyId,
        List<String> contactIds,
        String otherContactIds,
        String ownerId,
        String tags,
        Integer version) {

    public DealForm {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
    }

    public static DealForm empty(String pipelineId, String companyId, String contactId) {
        return new DealForm(
                "",
                pipelineId,
                "",
                "",
                "",
                "",
                nz(companyId),
                "",
                contactId == null || contactId.isBlank() ? List.of() : List.of(contactId),
                "",
                "",
                "",
                null);
    }

    public static DealForm of(Deal deal) {
        return new DealForm(
                deal.name(),
                deal.pipelineId().toString(),
                deal.stageId().toString(),
                deal.value() == null ? "" : deal.value().amountText(),
                deal.value() == null ? "" : deal.value().currency(),
                deal.closeDate() == null ? "" : deal.closeDate().toString(),
                deal.companyId() == null ? "" : deal.companyId().toString(),
                "",
                deal.contactIds().stream().map(UUID::toString).toList(),
                "",
                deal.ownerId() == null ? "" : deal.ownerId().toString(),
                String.join(", ", deal.tags()),
                deal.version());
    }

    /** The fields that can be edited in place on the deal's page, one at a time. */
    public static final List<String> INLINE = List.of("name", "closeDate", "tags");

    public String value(String field) {
        return switch (field) {
            case "name" -> name;
            case "closeDate" -> closeDate;
            case "tags" -> tags;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** This form with one inline field changed. */
    public DealForm with(String field, String value) {
        return new DealForm(
                field.equals("name") ? value : name,
                pipelineId,
                stageId,
                amount,
                currency,
                field.equals("closeDate") ? value : closeDate,
                companyId,
                otherCompanyId,
                contactIds,
                otherContactIds,
                ownerId,
                field.equals("tags") ? value : tags,
                version);
    }

    /** The ids the form names (for showing them as options again), the current company first. */
    public List<String> allContactIds() {
        List<String> all = new ArrayList<>(contactIds);
        all.addAll(split(otherContactIds));
        return all;
    }

    /** The stored fields with this form's values in place of the ones it shows; unreadable values are named. */
    public DealFields applyTo(DealFields current) {
        return applyTo(current, current.customFields());
    }

    /** As {@link #applyTo(DealFields)}, with the custom field values the form submitted. */
    public DealFields applyTo(DealFields current, Map<String, Object> customFields) {
        Validation check = Validation.start();
        UUID pipeline = id(check, "pipelineId", pipelineId);
        UUID stage = id(check, "stageId", stageId);
        Money value = null;
        if (!blank(amount) || !blank(currency)) {
            try {
                value = Money.of(amount, currency, "value");
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(e -> check.reject(e.field(), e.messageKey(), e.args()));
            }
        }
        LocalDate close = null;
        if (!blank(closeDate)) {
            try {
                close = LocalDate.parse(closeDate.strip());
            } catch (DateTimeParseException e) {
                check.reject("closeDate", "deal.date");
            }
        }
        UUID company =
                blank(otherCompanyId) ? id(check, "companyId", companyId) : id(check, "otherCompanyId", otherCompanyId);
        List<UUID> contacts = new ArrayList<>();
        contactIds.forEach(c -> contacts.add(id(check, "otherContactIds", c)));
        split(otherContactIds).forEach(c -> contacts.add(id(check, "otherContactIds", c)));
        UUID owner = id(check, "ownerId", ownerId);
        check.throwIfInvalid();
        List<String> tagList = split(tags);
        return new DealFields(
                name,
                pipeline,
                stage,
                value,
                close,
                company,
                contacts,
                owner == null ? current.ownerId() : owner,
                tagList,
                customFields,
                current.lostReason(),
                current.wonReason());
    }

    private static List<String> split(String text) {
        return blank(text)
                ? List.of()
                : Arrays.stream(text.split("[,\\s]+"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
    }

    private static UUID id(Validation check, String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            check.reject(field, "deal.bad-id");
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
