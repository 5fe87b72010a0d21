/**
 * Imports: CSV and vCard files into contacts, companies, leads and deals, mapped, normalised, de-duplicated and run
 * in the background in committed batches that a restarted server resumes; each import reported, cancellable and
 * undoable.
 */
package io.team365.imports;
