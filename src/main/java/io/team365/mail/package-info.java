/**
 * Email inside the CRM: mailboxes connected over IMAP and SMTP (passwords or OAuth2 for Gmail and Microsoft 365),
 * synced incrementally into threads linked to the records of their participants, read and written in a web client,
 * and sent through a queue. Mail content is Limited-Use data (privacy policy, "Special Limits on Our Use of Your
 * Google User Data"): it never leaves this module except to the user's own mail client and the records it links to,
 * and no operator reads it without the user's approval of the specific messages.
 */
package io.team365.mail;
