/** Custom fields each Client defines per kind of record, and the checking of their values on every write. */
package io.team365.customfields;
