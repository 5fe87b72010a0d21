package io.team365.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount in a currency, as the API writes it: {@code {"amount": "1250.00", "currency": "EUR"}}. The amount is a
 * decimal string so no client loses cents to floating point.
 */
public record Money(BigDecimal amount, String currency) {

    /** The largest amount stored: numeric(15,2) in the database. */
    public static final BigDecimal MAX = new BigDecimal("9999999999999.99");

    /**
     * A checked amount: ISO 4217 currency, at most two decimals after rounding is not needed, within bounds.
     * {@code field} names the field in errors (e.g. {@code value}).
     */
    public static Money of(String amount, String currency, String field) {
        if (amount == null || amount.isBlank()) {
            throw InvalidInput.of(field + ".amount", "validation.required");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field + ".amount", "money.amount");
        }
        return checked(value, currency, field);
    }

    public static Money checked(BigDecimal value, String currency, String field) {
        if (value == null) {
            throw InvalidInput.of(field + ".amount", "validation.required");
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw InvalidInput.of(field + ".amount", "money.amount");
        }
        if (value.abs().compareTo(MAX) > 0) {
            throw InvalidInput.of(field + ".amount", "money.amount");
        }
        return new Money(value.setScale(2, RoundingMode.UNNECESSARY), currency(currency, field));
    }

    private static String currency(String code, String field) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            throw InvalidInput.of(field + ".currency", "money.currency");
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field + ".currency", "money.currency");
        }
        return upper;
    }

    /** The amount as the API writes it, always with two decimals. */
    public String amountText() {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
