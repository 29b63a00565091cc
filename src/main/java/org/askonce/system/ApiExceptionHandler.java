package org.askonce.system;

import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the JSON API as {@code {"error": "…"}} with a status that says whose fault it was. A browser asking for a
 * page (not under {@code /api/}, accepting HTML) gets the same status with the Chinese error page
 * ({@code templates/error/404.html}, {@code 4xx.html}, {@code 5xx.html}) instead of JSON.
 * Caller mistakes get a message naming the bad value; internal errors are logged, never shown. A
 * request that failed because the database does not answer gets 503 and a message a citizen can read.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            return error(HttpStatus.BAD_REQUEST, "请求内容有重复的字段：" + parse.getOriginalMessage().replaceFirst("^Duplicate field ", ""));
        }
        if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "请求内容的字段 " + mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName()
                    + " 格式不对");
        }
        return error(HttpStatus.BAD_REQUEST, "请求内容不是格式正确的 JSON（not valid JSON）");
    }

    /** {@code after=abc}: a parameter of the wrong type. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> typeMismatch(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "" : Number.class.isAssignableFrom(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type))
                ? "，应为数字" : type.isEnum() ? "，应为 " + java.util.Arrays.toString(type.getEnumConstants()) + " 之一" : "";
        return error(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值“" + abbreviate(String.valueOf(e.getValue())) + "”格式不对" + expected);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, String>> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getDefaultMessage() == null ? "字段 " + f.getField() + " 的值不对" : f.getDefaultMessage())
                .sorted().collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, String>> invalidParameter(HandlerMethodValidationException e) {
        String message = e.getAllErrors().stream().map(err -> String.valueOf(err.getDefaultMessage())).sorted()
                .collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, String>> violation(ConstraintViolationException e) {
        return error(HttpStatus.BAD_REQUEST, e.getConstraintViolations().stream().map(v -> v.getMessage()).sorted()
                .collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> illegal(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 格式发送请求");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "这里不接受 " + e.getMethod() + " 请求");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "没有这个地址：/" + abbreviate(e.getResourcePath()));
    }

    /** Left to Spring Security, which answers 403 as JSON or with the 403 page (e.g. a service refusing to publish for an editor). */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    /** The client went away (a closed tab, a dropped long poll): nothing to answer and nothing wrong here. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(org.springframework.web.context.request.async.AsyncRequestNotUsableException e) {
        log.debug("Client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> internal(Exception e) {
        if (DatabaseWatch.isOutage(e)) {
            // the database went away during the request: the caller may try again shortly (the chat page does)
            log.warn("API request failed, the database does not answer: {}", e.toString());
            if (pageRequested(HttpStatus.SERVICE_UNAVAILABLE, DatabaseWatch.UNAVAILABLE)) {
                return null;
            }
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                    .body(Map.of("error", DatabaseWatch.UNAVAILABLE));
        }
        log.error("Unexpected error in API request", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "系统出了点问题，请稍后再试");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        if (pageRequested(status, message)) {
            return null;
        }
        return ResponseEntity.status(status).body(Map.of("error", message));
    }

    /**
     * When a browser asked for a page, sends the status as an error so that the error page is rendered, and says so
     * (the handler then returns nothing). API calls, the WeChat portal and scripts get JSON.
     */
    private static boolean pageRequested(HttpStatus status, String message) {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)
                || attributes.getResponse() == null || attributes.getResponse().isCommitted()) {
            return false;
        }
        jakarta.servlet.http.HttpServletRequest request = attributes.getRequest();
        String accept = request.getHeader(org.springframework.http.HttpHeaders.ACCEPT);
        boolean page = !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (!page) {
            return false;
        }
        try {
            request.setAttribute(ErrorDetails.DETAIL, message);
            attributes.getResponse().sendError(status.value(), message);
            return true;
        } catch (java.io.IOException e) {
            log.debug("Could not send the error page: {}", e.toString());
            return false;
        }
    }
}
