package io.team365.core.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of an API request into RFC 9457 problem details naming the bad field. Errors of pages are
 * handed to the servlet container's error page instead, which renders the friendly HTML one.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** One entry of the problem's {@code errors}: which field, and what is wrong with it. */
    record FieldProblem(String field, String message) {}

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e, NativeWebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> errors = new ArrayList<>();
        e.errors()
                .forEach(error -> errors.add(
                        new FieldProblem(error.field(), Texts.of(messages, error.messageKey(), error.args(), locale))));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, errors.getFirst().message());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Object> conflict(Conflict e, NativeWebRequest request) {
        String message = messages.getMessage(e.messageKey(), null, e.messageKey(), LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
        problem.setTitle("Conflict");
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), message)));
        }
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(PreconditionFailed.class)
    ResponseEntity<Object> stale(PreconditionFailed e, NativeWebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
        problem.setTitle("Stale version");
        problem.setProperty("currentVersion", e.currentVersion());
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"v" + e.currentVersion() + "\"");
        return handleExceptionInternal(e, problem, headers, HttpStatus.PRECONDITION_FAILED, request);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e, NativeWebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, NativeWebRequest request) {
        String message = "'" + e.getValue() + "' is not a valid value for " + e.getName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), message)));
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, NativeWebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this action.");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        problem.setTitle("Malformed request body");
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException tooLarge) {
                ProblemDetail problem413 =
                        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                return handleExceptionInternal(e, problem413, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        // a value that fails to parse (a date, say) surfaces as its parser's exception; the mapping error that
        // wraps it knows the field
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
                cause = c;
                break;
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            problem.setDetail("Unknown field '" + field + "'.");
            problem.setProperty("errors", List.of(new FieldProblem(field, "Unknown field")));
        } else if (cause instanceof DatabindException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            problem.setDetail("Field '" + field + "' has the wrong type or format.");
            problem.setProperty("errors", List.of(new FieldProblem(field, "Wrong type or format")));
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.isEmpty()
                        ? "Invalid input"
                        : errors.getFirst().field() + ": " + errors.getFirst().message());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** Pages get the container's error page (friendly HTML); the API gets the problem document. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest
                && !ProblemResponses.isApi(servletRequest)
                && nativeRequest.getNativeResponse() instanceof HttpServletResponse servletResponse) {
            try {
                servletResponse.sendError(status.value());
            } catch (IOException ignored) {
                // the client has gone
            }
            return null;
        }
        if (body instanceof ProblemDetail problem && problem.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }
}
