/**
 * Search: finding records by what people type or paste. {@link io.team365.search.RecordSearch} finds contacts,
 * companies, leads and deals (exact email, phone and domain first, then name prefixes, words in any order, similar
 * spelling) through the database's search index (ADR 0016); {@link io.team365.search.RecordKeys} are the exact keys
 * (email, phone, domain) of contacts, leads and companies that imports, the duplicate review and search rank on. Both
 * are kept by the database itself in step with the records (ADR 0013).
 */
package io.team365.search;
