/** The timeline of every record: what happened to it, newest first, built from other modules' events. */
package io.team365.timeline;
