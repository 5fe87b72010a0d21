/** The append-only audit trail of each Client: sign-ins, tokens, invitations, role changes and access to personal data. */
package io.team365.audit;
