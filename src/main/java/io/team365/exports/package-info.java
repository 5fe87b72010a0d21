/**
 * Exports: a list's selection (any view or filter of contacts, companies, leads or deals) written in the background
 * as CSV, vCard 4.0 or JSON to a file under the data directory, streamed from a database cursor and to the download,
 * never held in memory; progress is polled, every export and download is audited, and files expire after the
 * retention rule {@code exports.files} (7 days by default) or when records are erased.
 */
package io.team365.exports;
