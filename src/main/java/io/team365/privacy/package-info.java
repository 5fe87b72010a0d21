/**
 * Privacy by design: the registry of every stored field that holds personal data (its category, purpose, retention
 * and whether erasure deletes or anonymises it), which erasure, access packages and retention are driven by.
 */
package io.team365.privacy;
