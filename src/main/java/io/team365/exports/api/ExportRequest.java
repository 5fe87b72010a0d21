package io.team365.exports.api;

import java.util.Map;

/** {@code POST /api/v1/exports}: what to export, as which format, of which selection of the list. */
record ExportRequest(String object, String format, Map<String, Object> filter) {}
