/** Outgoing email: written to a table-backed outbox in the sender's transaction, then delivered by a job with retries. */
package io.team365.notifications;
