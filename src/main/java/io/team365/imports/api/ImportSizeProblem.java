package io.team365.imports.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The 413 answer naming the limit, with the field it concerns. */
public final class ImportSizeProblem {

    private ImportSizeProblem() {}

    public static ProblemDetail of(long limit) {
        String message = "The file is larger than the limit of " + human(limit) + ".";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
        problem.setTitle("File too large");
        problem.setProperty("maxSize", limit);
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", message)));
        return problem;
    }

    public static String human(long bytes) {
        long mb = 1024 * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : (bytes / 1024) + " KB";
    }
}
