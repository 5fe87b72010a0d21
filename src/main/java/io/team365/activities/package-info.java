/** Activities: tasks, calls, meetings and notes, linked to the records they are about and shown on their timelines. */
package io.team365.activities;
