/** Saved list views: the columns, filters, search and order a person keeps for a list, for themselves or shared. */
package io.team365.views;
