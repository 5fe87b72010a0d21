/** Deals: opportunities moving through the stages of a Client's pipelines, shown as a kanban board and a list. */
package io.team365.deals;
