package io.team365.leads.web;

import io.team365.core.InvalidInput;
import io.team365.leads.ConvertRequest;
import io.team365.leads.Lead;
import java.util.UUID;

/**
 * The convert form: a checkbox to create a company (named after the lead's company unless renamed), or an existing
 * company from the picker, and an optional deal (made when it has a name or an amount).
 */
public record ConvertForm(
        Boolean createCompany,
        String newCompanyName,
        String companyId,
        String dealName,
        String dealAmount,
        String dealCurrency) {

    public static ConvertForm of(Lead lead) {
        boolean named = lead.companyName() != null;
        return new ConvertForm(named, named ? lead.companyName() : "", "", "", "", "EUR");
    }

    public ConvertRequest toRequest() {
        UUID existing = null;
        if (companyId != null && !companyId.isBlank()) {
            try {
                existing = UUID.fromString(companyId.strip());
            } catch (IllegalArgumentException notAnId) {
                throw InvalidInput.of("company.id", "lead.unknown-company");
            }
        }
        // the checkbox starts ticked when the lead names a company; picking an existing one is the clearer choice
        boolean create = Boolean.TRUE.equals(createCompany) && existing == null;
        ConvertRequest.CompanyPart company = create || existing != null
                ? new ConvertRequest.CompanyPart(create, blankToNull(newCompanyName), existing)
                : null;
        boolean wantsDeal = !isBlank(dealName) || !isBlank(dealAmount);
        ConvertRequest.DealPart deal = wantsDeal
                ? new ConvertRequest.DealPart(
                        blankToNull(dealName),
                        isBlank(dealAmount) ? null : new ConvertRequest.Value(dealAmount, dealCurrency),
                        null,
                        null,
                        null)
                : null;
        return new ConvertRequest(company, deal);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
