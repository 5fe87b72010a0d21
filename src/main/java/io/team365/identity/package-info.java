/** People and how they get in: sign-up, email verification, sign-in, roles, invitations, sessions and API tokens. */
package io.team365.identity;
