/** Companies: the organisations a Client does business with, their domain, size, address, tags and custom fields. */
package io.team365.companies;
