/** Keyset pagination shared by every list: sort orders, opaque cursors, page bounds and text search patterns. */
package io.team365.core.paging;
