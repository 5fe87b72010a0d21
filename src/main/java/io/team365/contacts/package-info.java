/** Contacts: the people a Client does business with, their emails, phones, tags and custom fields. */
package io.team365.contacts;
