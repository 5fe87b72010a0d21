/** Leads: people not yet qualified, their status, and their conversion into a contact, company and deal. */
package io.team365.leads;
