/** Conventions every REST resource shares, beyond any one capability: idempotent creates with Idempotency-Key. */
package io.team365.api;
