package io.team365.exports.internal;

import io.team365.companies.CompanyExports;
import io.team365.contacts.ContactExports;
import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import io.team365.deals.DealExports;
import io.team365.exports.ExportObject;
import io.team365.exports.ExportSelection;
import io.team365.leads.LeadExports;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Each object's module streams its own rows; this picks the module. */
@Component
public class ExportSources {

    private final ContactExports contacts;
    private final CompanyExports companies;
    private final LeadExports leads;
    private final DealExports deals;

    ExportSources(ContactExports contacts, CompanyExports companies, LeadExports leads, DealExports deals) {
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
        this.deals = deals;
    }

    public List<ExportColumn> columns(ExportObject object) {
        return switch (object) {
            case CONTACTS -> contacts.columns();
            case COMPANIES -> companies.columns();
            case LEADS -> leads.columns();
            case DEALS -> deals.columns();
        };
    }

    /** How many records the selection has; a bad search or condition is refused, naming it. */
    public long count(ExportObject object, ExportSelection selection) {
        return switch (object) {
            case CONTACTS -> contacts.count(selection.q(), selection.conditions());
            case COMPANIES -> companies.count(selection.q(), selection.conditions());
            case LEADS -> leads.count(selection.q(), selection.conditions());
            case DEALS -> deals.count(selection.q(), selection.conditions());
        };
    }

    void forEach(ExportObject object, ExportSelection selection, List<ExportColumn> columns, Consumer<ExportRow> rows) {
        String q = selection.q();
        var conditions = selection.conditions();
        switch (object) {
            case CONTACTS -> contacts.forEach(q, conditions, columns, rows);
            case COMPANIES -> companies.forEach(q, conditions, columns, rows);
            case LEADS -> leads.forEach(q, conditions, columns, rows);
            case DEALS -> deals.forEach(q, conditions, columns, rows);
        }
    }
}
