/**
 * How modules declare the personal data they store (ARCHITECTURE.md data rule 4); the {@code privacy} module gathers
 * the declarations into its registry. In the shared kernel so that every module, audit and identity included, can
 * declare without depending on the privacy module.
 */
package io.team365.core.personaldata;
