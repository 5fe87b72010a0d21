/**
 * Privacy by design: the registry of personal data every module declares (category, purpose, retention, erase or
 * anonymise), and the append-only consent ledger with the purposes each Client asks consent for.
 */
package io.team365.privacy;
