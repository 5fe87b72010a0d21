/**
 * Exports as the record modules offer them: each module describes its columns ({@link ExportColumn}) and streams its
 * rows ({@link ExportRow}) with {@link ExportStreams}, so the exports module writes files without knowing any table.
 */
package io.team365.core.exporting;
