/** Retention targets: what each module lets a Client's retention rules delete or anonymise, and when. */
package io.team365.core.retention;
