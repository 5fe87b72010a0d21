/**
 * Files: attachments on any CRM record, checked by their content on the way in, kept in a pluggable file store,
 * and served back only to people of the same Client who may see the record.
 */
package io.team365.files;
